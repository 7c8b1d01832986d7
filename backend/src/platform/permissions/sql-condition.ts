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

/**
 * Converts the condition that CASL parsed from one rule (`rule.ast`, a ucast tree) into a
 * {@link SqlCondition}. `context` (such as `read Stage`) names the rule in errors. Supports the
 * operators eq, ne and in on fields, joined by and or or. Throws for any other operator.
 */
export function fromCaslCondition(node: unknown, context: string): SqlCondition {
  if (!isConditionNode(node)) {
    throw new Error(`Rule "${context}" has no parsed condition; build it with createMongoAbility.`);
  }
  if (node.field === undefined) return fromCompound(node, context);
  return fromField({ ...node, field: node.field }, context);
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

// helpers

/** The shape of a ucast condition: a compound (and, or) or an operator on one field. */
interface ConditionNode {
  operator: string;
  value: unknown;
  field?: string;
}

function fromCompound(node: ConditionNode, context: string): SqlCondition {
  if ((node.operator !== 'and' && node.operator !== 'or') || !Array.isArray(node.value)) {
    throw unsupportedOperator(node.operator, context);
  }
  const parts = node.value.map((child) => fromCaslCondition(child, context));
  return combine(node.operator, parts);
}

function fromField(node: ConditionNode & { field: string }, context: string): SqlCondition {
  const { field, operator, value } = node;
  if (field.startsWith('$')) {
    throw new Error(
      `Rule "${context}" uses ${field}, which createMongoAbility compares as a field name, not ` +
        'as an operator; write one rule per alternative instead.',
    );
  }

  switch (operator) {
    case 'eq':
    case 'ne':
      return {
        kind: 'field',
        field,
        values: [asFieldValue(value, field, context)],
        negated: operator === 'ne',
      };
    case 'in':
      if (!Array.isArray(value)) {
        throw new Error(`Rule "${context}": $in on ${field} needs an array, got ${show(value)}.`);
      }
      return {
        kind: 'field',
        field,
        values: value.map((item) => asFieldValue(item, field, context)),
        negated: false,
      };
    default:
      throw unsupportedOperator(operator, context);
  }
}

function combine(kind: 'and' | 'or', parts: SqlCondition[]): SqlCondition {
  if (parts.length === 1 && parts[0]) return parts[0];
  if (parts.length === 0) return { kind: kind === 'and' ? 'true' : 'false' };
  return { kind, parts };
}

function isConditionNode(node: unknown): node is ConditionNode {
  if (typeof node !== 'object' || node === null) return false;

  const candidate = node as Partial<ConditionNode>;
  return typeof candidate.operator === 'string' && 'value' in candidate;
}

function asFieldValue(value: unknown, field: string, context: string): FieldValue {
  const type = typeof value;
  if (value === null || type === 'string' || type === 'number' || type === 'boolean') {
    return value as FieldValue;
  }
  throw new Error(
    `Rule "${context}": ${field} is compared with ${show(value)}; ` +
      'SQL filters support only strings, numbers, booleans and null, not nested fields.',
  );
}

function unsupportedOperator(operator: string, context: string): Error {
  return new Error(
    `Rule "${context}" uses the operator $${operator}, which whereAllowed cannot translate to ` +
      'SQL; use plain values, $eq, $ne or $in, or extend sql-condition.ts.',
  );
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
