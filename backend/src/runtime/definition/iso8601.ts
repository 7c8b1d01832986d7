import { getDate, parseInterval, type ISOInterval } from '@0dep/piso';

// bpmn-elements 17 parses timer values with @0dep/piso 3 (TimerEventDefinition.parse), so
// checking with the same parser accepts exactly the literals the engine can schedule.

/** Whether `value` contains a `${...}` expression, which is only resolved at run time. */
export function containsExpression(value: string): boolean {
  return /\$\{[^{}]+\}/.test(value);
}

/** Whether `value` is a single ISO 8601 duration without repetition or dates, such as P3D. */
export function isIsoDuration(value: string): boolean {
  const interval = tryParseInterval(value);
  if (interval == null) return false;

  const { duration, start, end, repeat } = interval;
  return duration != null && start == null && end == null && repeat == null;
}

/**
 * Whether `value` is an ISO 8601 interval a timer cycle can use: a duration, optionally repeated
 * and anchored at a date (R3/PT10M, R/P1D, R2/2027-01-01T08:00:00Z/P1D), or a date range.
 */
export function isIsoCycle(value: string): boolean {
  const interval = tryParseInterval(value);
  if (interval == null) return false;

  return interval.duration != null || (interval.start != null && interval.end != null);
}

/** Whether `value` is an ISO 8601 date or date-time, such as 2027-02-01 or 2027-02-01T08:00Z. */
export function isIsoDate(value: string): boolean {
  try {
    return !Number.isNaN(getDate(value).getTime());
  } catch {
    // piso throws a RangeError or TypeError for anything that is not an ISO 8601 date.
    return false;
  }
}

// helpers

function tryParseInterval(value: string): ISOInterval | null {
  try {
    return parseInterval(value);
  } catch {
    // piso reports an invalid interval only by throwing.
    return null;
  }
}
