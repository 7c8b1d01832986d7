/** A literal a condition compares with. */
export type ConditionLiteral = string | number | boolean | null;

/**
 * A sequence flow condition in the only forms the runtime evaluates: `${path}`,
 * `${path == literal}` and `${path != literal}`.
 */
export interface ConditionExpression {
  /** Property names from the root of the expression scope, such as environment, output, x. */
  path: string[];
  /** The comparison, or null when the condition is the truthiness of `path`. */
  comparison: { operator: '==' | '!='; literal: ConditionLiteral } | null;
}

/** The supported condition forms, as messages quote them. */
export const SUPPORTED_CONDITION_FORMS =
  "${path}, ${path == 'literal'} or ${path != 'literal'}, where the literal may also be a " +
  'number, true, false or null';

// The same shapes as the runtime's resolver in ../expressions.ts: a dotted property path, and
// a quoted string, number, boolean or null on the right of == and !=.
const CONDITION_PATTERN = /^\$\{\s*([A-Za-z_$][\w$]*(?:\.[\w$]+)*)\s*(?:(==|!=)\s*(.+?)\s*)?\}$/;
const QUOTED_LITERAL = /^(['"])([^'"\\]*)\1$/;

// Reading these off plain objects walks the prototype chain, not the process data.
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** Whether `body` is wrapped in `${` and `}` as a whole, whatever it contains. */
export function isWrappedExpression(body: string): boolean {
  const trimmed = body.trim();
  return trimmed.startsWith('${') && trimmed.endsWith('}');
}

/**
 * Parses a condition body such as `${environment.output.review.decision == 'accept'}`.
 * Returns null when the body is not one of {@link SUPPORTED_CONDITION_FORMS}, or when its path
 * names `__proto__`, `prototype` or `constructor`.
 */
export function parseConditionExpression(body: string): ConditionExpression | null {
  const match = CONDITION_PATTERN.exec(body.trim());
  if (match == null) return null;

  const path = match[1].split('.');
  if (path.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) return null;

  const operator = match[2] as '==' | '!=' | undefined;
  if (operator == null) return { path, comparison: null };

  const literal = parseLiteral(match[3]);
  return literal === undefined ? null : { path, comparison: { operator, literal } };
}

// helpers

function parseLiteral(source: string): ConditionLiteral | undefined {
  const quoted = QUOTED_LITERAL.exec(source);
  if (quoted != null) return quoted[2];
  if (source === 'true') return true;
  if (source === 'false') return false;
  if (source === 'null') return null;

  const number = Number(source);
  return source !== '' && Number.isFinite(number) ? number : undefined;
}
