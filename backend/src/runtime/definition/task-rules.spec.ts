import { loadFixture, rulesAndIds, validate, variant } from './testing/definition-fixtures';

describe('checkTasks()', () => {
  describe('candidate scope', () => {
    const base = loadFixture('invalid-scope.bpmn');
    const withAttributes = (attributes: string) =>
      variant(base, 'sf:candidateRole="hygienist" sf:scope="school"', attributes);

    it.each([
      [
        'requester with a scope',
        'sf:candidateRole="requester" sf:scope="student"',
        'Remove sf:scope',
      ],
      [
        'institution_admin without a scope',
        'sf:candidateRole="institution_admin"',
        "'hospital' or 'school'",
      ],
      [
        'supervisor with an unknown scope',
        'sf:candidateRole="supervisor" sf:scope="ward"',
        "'unit'",
      ],
      ['student with the unit scope', 'sf:candidateRole="student" sf:scope="unit"', "'student'"],
    ])('rejects %s', async (_case, attributes, fix) => {
      const { problems } = await validate(withAttributes(attributes));

      expect(rulesAndIds(problems)).toEqual([['invalid-scope', 'hygiene_check']]);
      expect(problems[0].message).toContain(fix);
    });

    it.each([
      ['hygienist with the default scope', 'sf:candidateRole="hygienist"'],
      ['institution_admin for a school', 'sf:candidateRole="institution_admin" sf:scope="school"'],
      [
        'institution_admin for a hospital',
        'sf:candidateRole="institution_admin" sf:scope="hospital"',
      ],
      ['requester without a scope', 'sf:candidateRole="requester"'],
      [
        'school_coordinator for a school',
        'sf:candidateRole="school_coordinator" sf:scope="school"',
      ],
      ['platform_admin without a scope', 'sf:candidateRole="platform_admin"'],
    ])('accepts %s', async (_case, attributes) => {
      const { problems } = await validate(withAttributes(attributes));

      expect(problems).toEqual([]);
    });
  });

  describe('candidate role', () => {
    it('lists the valid roles when the role is unknown', async () => {
      const { problems } = await validate(loadFixture('unknown-candidate-role.bpmn'));

      expect(problems[0].message).toContain("'nurse'");
      expect(problems[0].message).toContain('hospital_coordinator');
      expect(problems[0].message).toContain('requester');
    });

    it('skips the scope check when the role is missing', async () => {
      const { problems } = await validate(loadFixture('missing-candidate-role.bpmn'));

      expect(rulesAndIds(problems)).toEqual([['missing-candidate-role', 'unassigned_review']]);
    });
  });

  describe('plugins', () => {
    it('lists the installed plugins when the plugin is unknown', async () => {
      const { problems } = await validate(loadFixture('unknown-plugin.bpmn'), {
        plugins: ['it-account', 'badge-printer'],
      });

      expect(rulesAndIds(problems)).toEqual([['unknown-plugin', 'create_login']]);
      expect(problems[0].message).toContain("'ldap-account'");
      expect(problems[0].message).toContain('it-account, badge-printer');
    });

    it('says so when no plugin is installed', async () => {
      const { problems } = await validate(loadFixture('missing-plugin.bpmn'), { plugins: [] });

      expect(rulesAndIds(problems)).toEqual([['missing-plugin', 'create_login']]);
      expect(problems[0].message).toContain('No plugins are installed');
    });

    it('accepts a plugin once it is installed', async () => {
      const { problems } = await validate(loadFixture('unknown-plugin.bpmn'), {
        plugins: ['ldap-account'],
      });

      expect(problems).toEqual([]);
    });
  });
});
