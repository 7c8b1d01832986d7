import { ValidationError, type FieldProblem } from '../platform/errors/app-errors';
import type { FormField } from './activity-spec';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT_LENGTH = 10_000;

/**
 * Checks `values` against the task's form and returns them normalised (numbers as numbers,
 * booleans as booleans, unknown keys dropped). Throws a ValidationError naming every bad field
 * as `values.<name>`, so nothing is applied when one value is wrong.
 */
export function validateFormValues(
  fields: FormField[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const problems: FieldProblem[] = [];
  const normalised: Record<string, unknown> = {};

  for (const field of fields) {
    const raw = values[field.name];
    if (raw === undefined || raw === null || raw === '') {
      if (field.required) problems.push(problem(field, 'is required'));
      continue;
    }

    const result = coerceValue(field, raw);
    if ('error' in result) problems.push(problem(field, result.error));
    else normalised[field.name] = result.value;
  }

  const known = new Set(fields.map((field) => field.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) {
      problems.push({ field: `values.${name}`, message: 'is not a field of this task; remove it' });
    }
  }

  if (problems.length > 0) {
    throw new ValidationError('The task form has invalid values; see errors.', problems);
  }
  return normalised;
}

type Coerced = { value: unknown } | { error: string };

function coerceValue(field: FormField, raw: unknown): Coerced {
  switch (field.type) {
    case 'string':
    case 'text':
      return coerceText(raw, field.type === 'string' ? 500 : MAX_TEXT_LENGTH);
    case 'number':
      return coerceNumber(raw, field);
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : { error: 'must be true or false' };
    case 'date':
      return isCalendarDay(raw) ? { value: raw } : { error: 'must be a valid date as YYYY-MM-DD' };
    case 'enum':
      // Numbers are accepted for numeric options such as ratings; arrays and objects are not.
      return (typeof raw === 'string' || typeof raw === 'number') &&
        field.options.includes(String(raw))
        ? { value: String(raw) }
        : { error: `must be one of ${field.options.join(', ')}` };
  }
}

// Date.parse accepts 2027-02-31, so the day must survive a round trip through Date.
function isCalendarDay(raw: unknown): raw is string {
  if (typeof raw !== 'string' || !ISO_DAY.test(raw)) return false;
  const date = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === raw;
}

function coerceText(raw: unknown, maxLength: number): Coerced {
  if (typeof raw !== 'string') return { error: 'must be text' };
  if (raw.length > maxLength) return { error: `must be at most ${maxLength} characters` };
  return { value: raw.trim() };
}

function coerceNumber(raw: unknown, field: FormField): Coerced {
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'must be a number' };
  if (field.min !== null && value < field.min) return { error: `must be at least ${field.min}` };
  if (field.max !== null && value > field.max) return { error: `must be at most ${field.max}` };
  return { value };
}

function problem(field: FormField, message: string): FieldProblem {
  return { field: `values.${field.name}`, message };
}
