import { createMongoAbility } from '@casl/ability';
import type { AppAbility } from './ability';
import { fromCaslCondition, negateCondition, type SqlCondition } from './sql-condition';

describe('fromCaslCondition()', () => {
  it('converts several fields of one rule into an AND', () => {
    const condition = parse({ studentId: 5, status: { $in: ['active', null] } });

    expect(condition).toEqual({
      kind: 'and',
      parts: [
        { kind: 'field', field: 'studentId', values: [5], negated: false },
        { kind: 'field', field: 'status', values: ['active', null], negated: false },
      ],
    });
  });

  it('converts $ne into a negated comparison', () => {
    expect(parse({ careUnitId: { $ne: 3 } })).toEqual({
      kind: 'field',
      field: 'careUnitId',
      values: [3],
      negated: true,
    });
  });

  it('rejects $nin, naming it', () => {
    expect(() => parse({ careUnitId: { $nin: [3] } })).toThrow(/\$nin/);
  });

  it('rejects a comparison with an object', () => {
    expect(() => parse({ form: { title: 'x' } })).toThrow(/form is compared with/);
  });
});

describe('negateCondition()', () => {
  it('applies De Morgan and flips each comparison', () => {
    const condition: SqlCondition = {
      kind: 'or',
      parts: [{ kind: 'field', field: 'a', values: [1], negated: false }, { kind: 'true' }],
    };

    expect(negateCondition(condition)).toEqual({
      kind: 'and',
      parts: [{ kind: 'field', field: 'a', values: [1], negated: true }, { kind: 'false' }],
    });
  });
});

// helpers

function parse(conditions: Record<string, unknown>): SqlCondition {
  const ability = createMongoAbility<AppAbility>([
    { action: 'read', subject: 'Stage', conditions },
  ]);
  const [rule] = ability.rulesFor('read', 'Stage');
  return fromCaslCondition(rule?.ast, 'read Stage');
}
