/** A value a rule may compare a column with. */
export type FieldValue = string | number | boolean | null;

/** A comparison of one field: `field IN values`, or `field NOT IN values` when negated. */
export interface FieldCondition {
  kind: 'field';
  /** camelCase field name, as in the rule. */
  field: string;
  /** `$eq` and plain values give one value, `$in` gives the list. */
  values: FieldValue[];
  /** Whether the field must differ from every value (`$ne`, or a forbidding rule). */
  negated: boolean;
}

/**
 * The conditions of CASL rules as a tree that SQL can express without NOT: negations are
 * pushed down to the field comparisons, which handle null the way CASL does.
 */
export type SqlCondition =
  | { kind: 'true' }
  | { kind: 'false' }
  | { kind: 'and'; parts: SqlCondition[] }
  | { kind: 'or'; parts: SqlCondition[] }
  | FieldCondition;

const FIELD_OPERATORS = new Set(['$eq', '$ne', '$in']);

/**
 * Parses the MongoDB-style conditions of one rule. `context` (such as `read Stage`) names the
 * rule in errors. Throws for an operator other than `$eq`, `$ne`, `$in`, `$and` and `$or`.
 */
export function parseConditions(conditions: object, context: string): SqlCondition {
  const parts = Object.entries(conditions).map(([key, value]) => parseEntry(key, value, context));
  return combine('and', parts);
}

/** Returns the condition that is true exactly when `condition` is false (De Morgan's laws). */
export function negateCondition(condition: SqlCondition): SqlCondition {
  switch (condition.kind) {
    case 'true':
      return { kind: 'false' };
    case 'false':
      return { kind: 'true' };
    case 'and':
      return { kind: 'or', parts: condition.parts.map(negateCondition) };
    case 'or':
      return { kind: 'and', parts: condition.parts.map(negateCondition) };
    case 'field':
      return { ...condition, negated: !condition.negated };
  }
}

function parseEntry(key: string, value: unknown, context: string): SqlCondition {
  if (key === '$and' || key === '$or') {
    if (!Array.isArray(value)) {
      throw new Error(
        `Rule "${context}": ${key} needs an array of conditions, got ${show(value)}.`,
      );
    }
    const parts = value.map((item) => parseConditions(asObject(item, key, context), context));
    return combine(key === '$and' ? 'and' : 'or', parts);
  }
  if (key.startsWith('$')) throw unsupportedOperator(key, context);
  return parseField(key, value, context);
}

function parseField(field: string, value: unknown, context: string): SqlCondition {
  if (!isOperatorObject(value)) {
    return { kind: 'field', field, values: [asFieldValue(value, field, context)], negated: false };
  }

  const parts = Object.entries(value).map(([operator, operand]): SqlCondition => {
    if (!operator.startsWith('$')) {
      throw new Error(
        `Rule "${context}": ${field} is compared with the object ${show(value)}; ` +
          'SQL filters do not match nested fields.',
      );
    }
    if (!FIELD_OPERATORS.has(operator)) throw unsupportedOperator(operator, context);
    if (operator !== '$in') {
      const values = [asFieldValue(operand, field, context)];
      return { kind: 'field', field, values, negated: operator === '$ne' };
    }

    if (!Array.isArray(operand)) {
      throw new Error(`Rule "${context}": $in on ${field} needs an array, got ${show(operand)}.`);
    }
    const values = operand.map((item) => asFieldValue(item, field, context));
    return { kind: 'field', field, values, negated: false };
  });
  return combine('and', parts);
}

function combine(kind: 'and' | 'or', parts: SqlCondition[]): SqlCondition {
  if (parts.length === 1 && parts[0]) return parts[0];
  if (parts.length === 0) return { kind: kind === 'and' ? 'true' : 'false' };
  return { kind, parts };
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown, operator: string, context: string): object {
  if (isOperatorObject(value)) return value;
  throw new Error(`Rule "${context}": ${operator} items must be objects, got ${show(value)}.`);
}

function asFieldValue(value: unknown, field: string, context: string): FieldValue {
  const type = typeof value;
  if (value === null || type === 'string' || type === 'number' || type === 'boolean') {
    return value as FieldValue;
  }
  throw new Error(
    `Rule "${context}": ${field} is compared with ${show(value)}; ` +
      'SQL filters support only strings, numbers, booleans and null.',
  );
}

function unsupportedOperator(operator: string, context: string): Error {
  return new Error(
    `Rule "${context}" uses the operator ${operator}, which whereAllowed cannot translate to SQL; ` +
      'use plain values, $eq, $ne, $in, $and or $or, or extend sql-condition.ts.',
  );
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
