import { ForbiddenError } from '@casl/ability';
import type { AuthenticatedUser } from '../http/app-context';
import { defineAbilityFor, subject } from './ability';
import type { Role } from './roles';

const HOSPITAL = 10;
const OTHER_HOSPITAL = 11;
const SCHOOL = 20;
const OTHER_SCHOOL = 21;
const UNIT = 100;
const OTHER_UNIT = 101;
const STUDENT = 500;
const OTHER_STUDENT = 501;

describe('defineAbilityFor()', () => {
  describe('student', () => {
    const ability = defineAbilityFor(setup(['student'], { studentId: STUDENT }));

    it('reads and requests only their own stages', () => {
      expect(ability.can('read', stage({ studentId: STUDENT }))).toBe(true);
      expect(ability.can('create', stage({ studentId: STUDENT }))).toBe(true);
      expect(ability.can('read', stage({ studentId: OTHER_STUDENT }))).toBe(false);
      expect(ability.can('create', stage({ studentId: OTHER_STUDENT }))).toBe(false);
      expect(ability.can('update', stage({ studentId: STUDENT }))).toBe(false);
    });

    it('works on student tasks addressed to them', () => {
      const own = task({ candidateRole: 'student', candidateStudentId: STUDENT });
      const other = task({ candidateRole: 'student', candidateStudentId: OTHER_STUDENT });

      expect(ability.can('claim', own)).toBe(true);
      expect(ability.can('complete', own)).toBe(true);
      expect(ability.can('read', other)).toBe(false);
      expect(ability.can('complete', task({ candidateRole: 'supervisor' }))).toBe(false);
    });

    it('updates only the self-service fields of their record', () => {
      const own = subject('Student', { id: STUDENT, schoolId: SCHOOL });

      expect(ability.can('read', own)).toBe(true);
      expect(ability.can('update', own, 'phone')).toBe(true);
      expect(ability.can('update', own, 'recruitmentConsent')).toBe(true);
      expect(ability.can('update', own, 'matricule')).toBe(false);
      expect(ability.can('update', own, 'schoolId')).toBe(false);
      expect(ability.can('read', subject('Student', { id: OTHER_STUDENT }))).toBe(false);
    });
  });

  describe('school_coordinator', () => {
    const ability = defineAbilityFor(setup(['school_coordinator'], { institutionId: SCHOOL }));

    it('reads and creates the stages of their school', () => {
      expect(ability.can('read', stage({ schoolId: SCHOOL }))).toBe(true);
      expect(ability.can('create', stage({ schoolId: SCHOOL }))).toBe(true);
      expect(ability.can('read', stage({ schoolId: OTHER_SCHOOL }))).toBe(false);
      expect(ability.can('update', stage({ schoolId: SCHOOL }))).toBe(false);
    });

    it('manages the students of their school only', () => {
      expect(ability.can('update', subject('Student', { schoolId: SCHOOL }), 'matricule')).toBe(
        true,
      );
      expect(ability.can('read', subject('Student', { schoolId: OTHER_SCHOOL }))).toBe(false);
    });

    it('completes school coordinator tasks of their school', () => {
      const own = task({ candidateRole: 'school_coordinator', candidateInstitutionId: SCHOOL });
      const foreign = task({
        candidateRole: 'school_coordinator',
        candidateInstitutionId: OTHER_SCHOOL,
      });
      const otherRole = task({ candidateRole: 'hygienist', candidateInstitutionId: SCHOOL });

      expect(ability.can('complete', own)).toBe(true);
      expect(ability.can('read', foreign)).toBe(false);
      expect(ability.can('claim', otherRole)).toBe(false);
    });
  });

  describe('hospital_coordinator', () => {
    const ability = defineAbilityFor(setup(['hospital_coordinator'], { institutionId: HOSPITAL }));

    it('reads and updates open stages of their hospital', () => {
      expect(ability.can('read', stage({ hospitalId: HOSPITAL }))).toBe(true);
      expect(ability.can('update', stage({ hospitalId: HOSPITAL, status: 'active' }))).toBe(true);
      expect(ability.can('update', stage({ hospitalId: OTHER_HOSPITAL }))).toBe(false);
      expect(ability.can('create', stage({ hospitalId: HOSPITAL }))).toBe(false);
    });

    it('rejects updates of a closed stage with a reason', () => {
      const closed = stage({ hospitalId: HOSPITAL, status: 'completed' });

      expect(ability.can('update', closed)).toBe(false);
      expect(() => ForbiddenError.from(ability).throwUnlessCan('update', closed)).toThrow(/closed/);
    });

    it('completes hospital coordinator tasks of their hospital', () => {
      const role = 'hospital_coordinator';
      const own = task({ candidateRole: role, candidateInstitutionId: HOSPITAL });
      const foreign = task({ candidateRole: role, candidateInstitutionId: OTHER_HOSPITAL });

      expect(ability.can('claim', own)).toBe(true);
      expect(ability.can('claim', foreign)).toBe(false);
    });
  });

  describe('supervisor', () => {
    const ability = defineAbilityFor(
      setup(['supervisor'], { institutionId: HOSPITAL, careUnitId: UNIT }),
    );

    it('reads the stages of their care unit only', () => {
      expect(ability.can('read', stage({ careUnitId: UNIT, hospitalId: HOSPITAL }))).toBe(true);
      expect(ability.can('read', stage({ careUnitId: OTHER_UNIT, hospitalId: HOSPITAL }))).toBe(
        false,
      );
      expect(ability.can('update', stage({ careUnitId: UNIT }))).toBe(false);
    });

    it('completes supervisor tasks of their care unit', () => {
      expect(
        ability.can('complete', task({ candidateRole: 'supervisor', candidateUnitId: UNIT })),
      ).toBe(true);
      expect(
        ability.can('complete', task({ candidateRole: 'supervisor', candidateUnitId: OTHER_UNIT })),
      ).toBe(false);
    });
  });

  describe.each(['badge_manager', 'hygienist'] as const)('%s', (role) => {
    const ability = defineAbilityFor(setup([role], { institutionId: HOSPITAL }));

    it('reads the stages of their hospital', () => {
      expect(ability.can('read', stage({ hospitalId: HOSPITAL }))).toBe(true);
      expect(ability.can('read', stage({ hospitalId: OTHER_HOSPITAL }))).toBe(false);
      expect(ability.can('update', stage({ hospitalId: HOSPITAL }))).toBe(false);
    });

    it('completes only tasks for their own role', () => {
      const own = task({ candidateRole: role, candidateInstitutionId: HOSPITAL });
      const coordinator = task({
        candidateRole: 'hospital_coordinator',
        candidateInstitutionId: HOSPITAL,
      });

      expect(ability.can('complete', own)).toBe(true);
      expect(ability.can('read', coordinator)).toBe(false);
    });
  });

  describe('institution_admin', () => {
    const user = setup(['institution_admin'], { institutionId: HOSPITAL });
    const ability = defineAbilityFor(user);

    it('reads stages where their institution is the hospital or the school', () => {
      expect(ability.can('read', stage({ hospitalId: HOSPITAL, schoolId: SCHOOL }))).toBe(true);
      expect(ability.can('read', stage({ hospitalId: OTHER_HOSPITAL, schoolId: HOSPITAL }))).toBe(
        true,
      );
      expect(ability.can('read', stage({ hospitalId: OTHER_HOSPITAL, schoolId: SCHOOL }))).toBe(
        false,
      );
      expect(ability.can('update', stage({ hospitalId: HOSPITAL }))).toBe(false);
    });

    it('reads but does not complete the tasks of their institution', () => {
      const own = task({ candidateRole: 'hygienist', candidateInstitutionId: HOSPITAL });

      expect(ability.can('read', own)).toBe(true);
      expect(ability.can('complete', own)).toBe(false);
    });

    it('manages the users of their institution', () => {
      expect(ability.can('create', subject('User', { institutionId: HOSPITAL }))).toBe(true);
      expect(ability.can('update', subject('User', { institutionId: OTHER_HOSPITAL }))).toBe(false);
    });

    it('cannot change their own roles or grant platform_admin', () => {
      const self = subject('User', { id: user.id, institutionId: HOSPITAL });
      const promoted = subject('User', { institutionId: HOSPITAL, roles: ['platform_admin'] });

      expect(ability.can('update', self, 'name')).toBe(true);
      expect(ability.can('update', self, 'roles')).toBe(false);
      expect(ability.can('create', promoted, 'roles')).toBe(false);
    });

    it('reads process definitions and incidents without deploying or retrying', () => {
      expect(ability.can('read', 'ProcessDefinition')).toBe(true);
      expect(ability.can('read', 'Incident')).toBe(true);
      expect(ability.can('deploy', 'ProcessDefinition')).toBe(false);
      expect(ability.can('retry', 'Incident')).toBe(false);
    });
  });

  describe('platform_admin', () => {
    const ability = defineAbilityFor(setup(['platform_admin'], {}));

    it('may do everything, closed stages included', () => {
      expect(ability.can('deploy', 'ProcessDefinition')).toBe(true);
      expect(ability.can('retry', 'Incident')).toBe(true);
      expect(ability.can('update', stage({ status: 'cancelled' }))).toBe(true);
      expect(ability.can('create', subject('User', { roles: ['platform_admin'] }), 'roles')).toBe(
        true,
      );
    });
  });

  describe('every signed-in user', () => {
    it('reads reference data and their own user only', () => {
      const user = setup(['supervisor'], { institutionId: HOSPITAL, careUnitId: UNIT });
      const ability = defineAbilityFor(user);

      for (const name of ['Institution', 'Campus', 'CareUnit', 'Programme'] as const) {
        expect(ability.can('read', name)).toBe(true);
      }
      expect(ability.can('read', subject('User', { id: user.id }))).toBe(true);
      expect(ability.can('update', subject('User', { id: user.id }), 'locale')).toBe(true);
      expect(ability.can('update', subject('User', { id: user.id }), 'name')).toBe(false);
      expect(ability.can('read', subject('User', { id: user.id + 1 }))).toBe(false);
    });
  });

  describe('several roles', () => {
    it('grants the union of the roles', () => {
      const user = setup(['hygienist', 'badge_manager'], { institutionId: HOSPITAL });
      const ability = defineAbilityFor(user);

      for (const role of ['hygienist', 'badge_manager'] as const) {
        const own = task({ candidateRole: role, candidateInstitutionId: HOSPITAL });
        expect(ability.can('complete', own)).toBe(true);
      }
      expect(ability.can('complete', task({ candidateRole: 'supervisor' }))).toBe(false);
    });
  });

  describe('missing affiliation', () => {
    it('grants nothing scoped by a null id', () => {
      const ability = defineAbilityFor(setup(['school_coordinator', 'student'], {}));

      expect(ability.can('read', stage({ schoolId: null, studentId: null }))).toBe(false);
      expect(ability.can('read', task({ candidateRole: 'student' }))).toBe(false);
      expect(ability.can('read', 'Institution')).toBe(true);
    });
  });
});

// helpers

function setup(roles: Role[], affiliation: Partial<AuthenticatedUser>): AuthenticatedUser {
  return {
    id: 1,
    email: 'user@example.test',
    name: 'Test User',
    roles,
    institutionId: null,
    careUnitId: null,
    studentId: null,
    locale: null,
    ...affiliation,
  };
}

function stage(fields: Record<string, unknown>) {
  return subject('Stage', {
    studentId: null,
    careUnitId: null,
    hospitalId: null,
    schoolId: null,
    status: 'active',
    ...fields,
  });
}

function task(fields: Record<string, unknown>) {
  return subject('Task', {
    candidateRole: null,
    candidateInstitutionId: null,
    candidateUnitId: null,
    candidateStudentId: null,
    ...fields,
  });
}
