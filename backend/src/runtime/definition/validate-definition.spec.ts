import fs from 'node:fs';
import path from 'node:path';
import { findRepositoryRoot } from '../../platform/config/config';
import { loadFixture, rulesAndIds, validate, variant } from './testing/definition-fixtures';
import type { DefinitionProblem, DefinitionRule } from './validate-definition';

describe('validateDefinition()', () => {
  describe('shipped definitions', () => {
    it('accepts processes/stage-lifecycle.bpmn', async () => {
      // given
      const xml = fs.readFileSync(
        path.join(findRepositoryRoot(), 'processes', 'stage-lifecycle.bpmn'),
        'utf8',
      );

      // when
      const result = await validate(xml);

      // then
      expect(result.problems).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.key).toBe('stage-lifecycle');
      expect(result.name).toBe('Stage lifecycle');
    });

    it('accepts the all-elements fixture', async () => {
      const result = await validate(loadFixture('valid.bpmn'));

      expect(result.problems).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.key).toBe('fixture_process');
    });
  });

  describe('one fixture per rule', () => {
    const cases: Array<[DefinitionRule, string, Array<string | null>]> = [
      ['malformed-xml', 'malformed-xml.bpmn', ['review', 'typo_task']],
      ['external-entity', 'external-entity.bpmn', [null]],
      ['no-executable-process', 'no-executable-process.bpmn', ['draft_process']],
      ['script-task', 'script-task.bpmn', ['compute_grade']],
      ['script-condition', 'script-condition.bpmn', ['flow_script']],
      ['unsupported-element', 'unsupported-element.bpmn', ['notify_school']],
      ['converging-inclusive-gateway', 'converging-inclusive-gateway.bpmn', ['inclusive_join']],
      ['implicit-split', 'implicit-split.bpmn', ['review']],
      ['missing-condition', 'missing-condition.bpmn', ['consent']],
      ['missing-candidate-role', 'missing-candidate-role.bpmn', ['unassigned_review']],
      ['unknown-candidate-role', 'unknown-candidate-role.bpmn', ['nurse_review']],
      ['invalid-scope', 'invalid-scope.bpmn', ['hygiene_check']],
      ['missing-plugin', 'missing-plugin.bpmn', ['create_login']],
      ['unknown-plugin', 'unknown-plugin.bpmn', ['create_login']],
      ['invalid-timer', 'invalid-timer.bpmn', ['wait_three_days']],
      ['invalid-form-field', 'invalid-form-field.bpmn', ['rate_stage']],
    ];

    it.each(cases)('reports %s from %s', async (rule, fixture, elementIds) => {
      const { problems } = await validate(loadFixture(fixture));

      expect(problems.map((entry) => entry.rule)).toEqual(elementIds.map(() => rule));
      expect(sortedIds(problems)).toEqual([...elementIds].sort());
      const unnamed = problems.filter(
        (entry) => entry.elementId != null && !entry.message.includes(entry.elementId),
      );
      expect(unnamed).toEqual([]);
    });

    it('reports oversized when maxBytes is exceeded', async () => {
      const xml = loadFixture('valid.bpmn');

      const result = await validate(xml, { maxBytes: Buffer.byteLength(xml) - 1 });

      expect(result.problems).toEqual([
        { rule: 'oversized', elementId: null, message: expect.stringContaining('bytes') },
      ]);
      expect(result.key).toBe('');
    });
  });

  describe('script conditions', () => {
    const base = loadFixture('script-condition.bpmn');
    const original =
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">' +
      'next(null, this.environment.output.ok)</bpmn:conditionExpression>';
    const condition = (attributes: string, body: string) =>
      variant(
        base,
        original,
        `<bpmn:conditionExpression ${attributes}>${body}</bpmn:conditionExpression>`,
      );
    const formal = 'xsi:type="bpmn:tFormalExpression"';

    it.each([
      [
        'a language on an expression',
        `${formal} language="javascript"`,
        '${environment.output.ok}',
      ],
      ['script text', formal, 'environment.output.ok === true'],
      ['a FEEL expression', formal, '= not(approved)'],
    ])('rejects %s as a script', async (_case, attributes, body) => {
      const { problems } = await validate(condition(attributes, body));

      expect(rulesAndIds(problems)).toEqual([['script-condition', 'flow_script']]);
      expect(problems[0].message).toContain('node:vm');
    });

    it.each([
      ['a comparison the runtime does not evaluate', '${environment.output.score > 3}'],
      ['an unquoted word', '${environment.output.decision == accept}'],
      ['a function call', '${environment.services.grade()}'],
      ['a prototype path', '${environment.output.__proto__.polluted}'],
      ['an empty body', ''],
    ])('rejects %s', async (_case, body) => {
      const { problems } = await validate(condition(formal, body));

      expect(rulesAndIds(problems)).toEqual([['script-condition', 'flow_script']]);
      expect(problems[0].message).toContain("${path == 'literal'}");
    });

    it.each([
      ['a path', formal, '${environment.output.ok}'],
      ['an equality', formal, "${environment.output.review.decision == 'accept'}"],
      ['an inequality with spaces', formal, "${ environment.output.review.decision != 'refuse' }"],
      ['an untyped expression', '', '${environment.variables.stage.recruitmentConsent}'],
      ['a number literal', formal, '${environment.output.rating == 5}'],
      ['a double-quoted literal', formal, '${environment.output.decision == "accept"}'],
    ])('accepts %s', async (_case, attributes, body) => {
      const { problems } = await validate(condition(attributes, body));

      expect(problems).toEqual([]);
    });
  });

  describe('unsupported elements', () => {
    it('names each rejected type', async () => {
      const { problems } = await validate(loadFixture('unsupported-elements.bpmn'));

      const unsupported = problems.filter((entry) => entry.rule === 'unsupported-element');
      expect(unsupported.map((entry) => [entry.elementId, typeIn(entry.message)])).toEqual(
        expect.arrayContaining(UNSUPPORTED_CATALOGUE),
      );
      expect(unsupported).toHaveLength(UNSUPPORTED_CATALOGUE.length);
      expect(rulesAndIds(problems.filter((entry) => entry.rule !== 'unsupported-element'))).toEqual(
        [['script-task', 'nested_script']],
      );
    });
  });

  describe('flows', () => {
    it('reports missing-condition on an inclusive gateway', async () => {
      const xml = variant(
        loadFixture('missing-condition.bpmn'),
        '<bpmn:exclusiveGateway id="consent" name="Consent?" />',
        '<bpmn:inclusiveGateway id="consent" name="Consent?" />',
      );

      const { problems } = await validate(xml);

      expect(rulesAndIds(problems)).toEqual([['missing-condition', 'consent']]);
      expect(problems[0].message).toContain('flow_unguarded');
    });

    it('accepts an unguarded default flow', async () => {
      const xml = variant(
        loadFixture('missing-condition.bpmn'),
        '<bpmn:exclusiveGateway id="consent" name="Consent?" />',
        '<bpmn:exclusiveGateway id="consent" name="Consent?" default="flow_unguarded" />',
      );

      expect((await validate(xml)).problems).toEqual([]);
    });

    it('reports implicit-split on a service task', async () => {
      const xml = variant(
        loadFixture('valid.bpmn'),
        '<bpmn:sequenceFlow id="flow_account_done"',
        '<bpmn:sequenceFlow id="flow_extra" sourceRef="create_account" targetRef="end" />\n' +
          '    <bpmn:sequenceFlow id="flow_account_done"',
      );

      const { problems } = await validate(xml);

      expect(rulesAndIds(problems)).toEqual([['implicit-split', 'create_account']]);
    });
  });

  describe('executable processes', () => {
    it('reports two executable processes by id', async () => {
      const xml = variant(
        loadFixture('no-executable-process.bpmn'),
        '<bpmn:process id="draft_process" name="Draft" isExecutable="false">',
        '<bpmn:process id="other" isExecutable="true" />\n' +
          '  <bpmn:process id="draft_process" name="Draft" isExecutable="true">',
      );

      const { problems, key } = await validate(xml);

      expect(rulesAndIds(problems)).toEqual([['no-executable-process', null]]);
      expect(problems[0].message).toContain("'other', 'draft_process'");
      expect(key).toBe('');
    });

    it('reports a definition without any process', async () => {
      const xml = variant(
        loadFixture('no-executable-process.bpmn'),
        /<bpmn:process[\s\S]*<\/bpmn:process>/,
        '',
      );

      const { problems } = await validate(xml);

      expect(rulesAndIds(problems)).toEqual([['no-executable-process', null]]);
      expect(problems[0].message).toContain('no process');
    });

    it('names an unnamed process by id', async () => {
      const xml = variant(
        loadFixture('valid.bpmn'),
        ' name="Fixture" isExecutable',
        ' isExecutable',
      );

      expect(await validate(xml)).toMatchObject({
        key: 'fixture_process',
        name: 'fixture_process',
      });
    });
  });

  describe('warnings', () => {
    it('lists ignored and unknown attributes', async () => {
      const xml = variant(
        loadFixture('valid.bpmn'),
        '<bpmn:serviceTask id="create_account" name="Create account" sf:plugin="it-account" />',
        '<bpmn:serviceTask id="create_account" name="Create account" sf:plugin="it-account" ' +
          'sf:phase="onboarding" implementation="${environment.services.run}">\n' +
          '      <bpmn:extensionElements><vendor:hint xmlns:vendor="http://vendor" />' +
          '<sf:form><sf:formField name="x" type="string" /></sf:form></bpmn:extensionElements>\n' +
          '    </bpmn:serviceTask>',
      );

      const { problems, warnings } = await validate(xml);

      expect(problems).toEqual([]);
      expect(warnings).toEqual([
        'Ignored 1 extension element(s) <vendor:hint>: Stageflow does not read them.',
        expect.stringContaining("sf:phase 'onboarding'"),
        expect.stringContaining('has an sf:form'),
        expect.stringContaining("implementation '${environment.services.run}'"),
      ]);
    });
  });
});

// helpers

const UNSUPPORTED_CATALOGUE: Array<[string, string]> = [
  ['stage_cancelled', 'bpmn:Signal'],
  ['message_start', 'bpmn:StartEvent'],
  ['timer_start', 'bpmn:StartEvent'],
  ['error_end', 'bpmn:EndEvent'],
  ['signal_catch', 'bpmn:IntermediateCatchEvent'],
  ['throw_event', 'bpmn:IntermediateThrowEvent'],
  ['sub_process', 'bpmn:SubProcess'],
  ['call_activity', 'bpmn:CallActivity'],
  ['manual_task', 'bpmn:ManualTask'],
  ['receive_task', 'bpmn:ReceiveTask'],
  ['business_rule_task', 'bpmn:BusinessRuleTask'],
  ['plain_task', 'bpmn:Task'],
  ['event_gateway', 'bpmn:EventBasedGateway'],
  ['complex_gateway', 'bpmn:ComplexGateway'],
  ['data_object', 'bpmn:DataObject'],
  ['looped_task_loop', 'bpmn:MultiInstanceLoopCharacteristics'],
];

function sortedIds(problems: DefinitionProblem[]): Array<string | null> {
  return problems.map((entry) => entry.elementId).sort();
}

function typeIn(message: string): string | undefined {
  return /bpmn:\w+/.exec(message)?.[0];
}
