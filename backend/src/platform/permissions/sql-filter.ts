import type { Knex } from 'knex';
import { rulesToCondition } from '@casl/ability/extra';
import type { Action, AppAbility, SubjectName } from './ability';
import {
  negateCondition,
  fromCaslCondition,
  type FieldCondition,
  type FieldValue,
  type SqlCondition,
} from './sql-condition';

/**
 * Restricts `query` to the rows of `subject` on which `ability` allows `action`, by adding
 * WHERE clauses on `${alias}.${snake_case(field)}` columns (bare columns without `alias`).
 * Adds `WHERE false` when no rule allows the action and no clause when an unconditional rule
 * allows every row. Forbidding rules restricted to fields do not narrow the rows.
 *
 * It translates what CASL parsed from each rule, so SQL and `ability.can` agree. Supported are
 * plain values, `$eq`, `$ne` and `$in`, several fields of one rule (AND), several rules (OR) and
 * forbidding rules (AND NOT). Null follows CASL: `$ne` and forbidding rules keep rows whose
 * column is null. Any other operator throws an Error naming it, so a new rule cannot silently
 * widen or narrow a list.
 *
 * NOTE: CASL matches a plain value against an array field by membership; the SQL compares the
 * column with `=`, so rules reaching this function must not compare array columns.
 */
export function whereAllowed<Q extends Knex.QueryBuilder>(
  query: Q,
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  alias?: string,
): Q {
  const condition = allowedCondition(ability, action, subject);
  if (condition === null) return query.whereRaw('false') as Q;
  if (condition.kind === 'true') return query;

  return query.where((builder) => applyCondition(builder, condition, alias)) as Q;
}

/**
 * Returns the condition under which `ability` allows `action` on `subject` rows, or null when
 * it allows none. Exported for tests and for callers that build SQL without knex.
 */
export function allowedCondition(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
): SqlCondition | null {
  // CASL 7.0.1 ships rulesToCondition in place of rulesToQuery. It converts every rule and ORs
  // the permitting ones, each ANDed with the negations of the forbidding rules that outrank it.
  // rulesFor without a field leaves out forbidding rules that name fields.
  return rulesToCondition(
    ability.rulesFor(action, subject),
    (rule) => {
      const condition = fromCaslCondition(rule.ast, `${String(rule.action)} ${subject}`);
      return rule.inverted ? negateCondition(condition) : condition;
    },
    {
      and: (parts: SqlCondition[]): SqlCondition => ({ kind: 'and', parts }),
      or: (parts: SqlCondition[]): SqlCondition => ({ kind: 'or', parts }),
      empty: (): SqlCondition => ({ kind: 'true' }),
    },
  );
}

/** Converts a camelCase field name of a rule into its snake_case column. */
export function toColumnName(field: string): string {
  if (!/^[a-z][A-Za-z0-9]*$/.test(field)) {
    throw new Error(
      `Rule field "${field}" cannot be mapped to a column; use a camelCase name without dots.`,
    );
  }
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function applyCondition(
  builder: Knex.QueryBuilder,
  condition: SqlCondition,
  alias: string | undefined,
): void {
  switch (condition.kind) {
    case 'true':
      builder.whereRaw('true');
      return;
    case 'false':
      builder.whereRaw('false');
      return;
    case 'and':
      for (const part of condition.parts) {
        builder.where((inner) => applyCondition(inner, part, alias));
      }
      return;
    case 'or':
      if (condition.parts.length === 0) builder.whereRaw('false');
      for (const part of condition.parts) {
        builder.orWhere((inner) => applyCondition(inner, part, alias));
      }
      return;
    case 'field':
      applyFieldCondition(builder, condition, qualify(condition.field, alias));
      return;
  }
}

function applyFieldCondition(
  builder: Knex.QueryBuilder,
  condition: FieldCondition,
  column: string,
): void {
  const present = condition.values.filter((value) => value !== null);
  const includesNull = present.length < condition.values.length;

  if (condition.negated) {
    applyNotIn(builder, column, present, includesNull);
  } else {
    applyIn(builder, column, present, includesNull);
  }
}

// `column IN (values)`, where a null in the list matches a null column as it does in CASL.
function applyIn(
  builder: Knex.QueryBuilder,
  column: string,
  present: FieldValue[],
  includesNull: boolean,
): void {
  if (present.length === 0 && !includesNull) {
    builder.whereRaw('false');
  } else if (present.length === 0) {
    builder.whereNull(column);
  } else if (!includesNull) {
    builder.whereIn(column, present);
  } else {
    builder.where((inner) => {
      inner.whereIn(column, present).orWhereNull(column);
    });
  }
}

// The negation of applyIn. SQL's `NULL NOT IN (1)` is unknown, but CASL treats a null column
// as different from every value, so rows whose column is null must match unless null is listed.
function applyNotIn(
  builder: Knex.QueryBuilder,
  column: string,
  present: FieldValue[],
  includesNull: boolean,
): void {
  if (includesNull) {
    builder.whereNotNull(column);
    if (present.length > 0) builder.whereNotIn(column, present);
  } else if (present.length > 0) {
    builder.where((inner) => {
      inner.whereNotIn(column, present).orWhereNull(column);
    });
  }
}

function qualify(field: string, alias: string | undefined): string {
  const column = toColumnName(field);
  return alias ? `${alias}.${column}` : column;
}
