import { Environment } from './bpmn-modules';

const COMPARISON = /^\$\{\s*([\w.]+)\s*(==|!=)\s*(.+?)\s*\}$/;
const PROPERTY_PATH = /^[A-Za-z_$][\w$]*(\.[\w$]+)*$/;

type Resolver = InstanceType<typeof Environment>['expressions'];

/**
 * Builds the engine's expression resolver. On top of bpmn-elements' `${path}` lookups it
 * evaluates `${path == 'literal'}` and `${path != literal}`, which gateway conditions need and
 * which would otherwise require script conditions (run in node:vm, which is not a sandbox).
 */
export function createExpressions(): Resolver {
  // bpmn-elements does not export its Expressions factory; a bare Environment builds the default.
  const base = new Environment().expressions;
  return {
    ...base,
    resolveExpression(expression: string, context: unknown, fnContext?: unknown): unknown {
      const comparison = typeof expression === 'string' ? COMPARISON.exec(expression) : null;
      if (!comparison) return base.resolveExpression(expression, context, fnContext);

      const [, path = '', operator, literal = ''] = comparison;
      const left: unknown = base.resolveExpression(`\${${path}}`, context, fnContext);
      const right = parseLiteral(literal);
      return operator === '==' ? looselyEqual(left, right) : !looselyEqual(left, right);
    },
  };
}

/** Reads a quoted string, number, boolean or null; anything else is a property path error. */
export function parseLiteral(literal: string): unknown {
  const quoted = /^(['"])(.*)\1$/.exec(literal);
  if (quoted) return quoted[2];
  if (literal === 'true') return true;
  if (literal === 'false') return false;
  if (literal === 'null') return null;

  const number = Number(literal);
  if (literal !== '' && !Number.isNaN(number)) return number;

  throw new Error(
    `Unsupported literal ${literal} in a condition: quote strings ('accept') or use true, ` +
      'false, null or a number.',
  );
}

// Form values arrive as JSON, so 3 and '3' mean the same rating. Objects never compare equal.
function looselyEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (!isScalar(left) || !isScalar(right)) return false;
  return String(left) === String(right);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Whether `path` is a plain dotted property path, as conditions use. */
export function isPropertyPath(path: string): boolean {
  return PROPERTY_PATH.test(path);
}
