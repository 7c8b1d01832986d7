import type { StageVariables } from './process-runtime';

const DAY_MS = 86_400_000;

/**
 * How far, in days, a template's start and end days must lie from the creation of its instance
 * and from its latest history row. Timestamps the runtime writes while driving the template (history times, a timer's
 * `startedAt`, due dates such as P14D) then never fall on a template day, so every value on a
 * template day comes from the stage's dates. A value near a template day but not on it cannot
 * be distinguished from a date derived from it, so the translation rejects it.
 */
export const TEMPLATE_DAY_MARGIN_DAYS = 366;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * Moves the values of a template instance to a clone: the template's start and end days become
 * the clone's, in the two forms the runtime and bpmn-engine write them. A calendar day string
 * (`2029-06-04`) is replaced when it equals a template day. A timestamp on a template day, in
 * UTC (a task due at `${endDate}T23:59:59Z`) or in local time (bpmn-engine resolves a timer's
 * `timeDate` to local midnight), keeps its time of day on the clone's day in the same frame.
 */
export class DayTranslation {
  readonly #days = new Map<string, string>();
  readonly #templateDays: { day: string; number: number }[];

  constructor(template: StagePeriod, clone: StagePeriod) {
    if (template.startDate === template.endDate) {
      throw new Error(
        `The template stage starts and ends on the same day (${template.startDate}), so its ` +
          'start and end dates cannot be distinguished; give the template two distinct days.',
      );
    }
    this.#days.set(template.startDate, clone.startDate);
    this.#days.set(template.endDate, clone.endDate);
    this.#templateDays = [template.startDate, template.endDate].map((day) => ({
      day,
      number: dayNumber(day),
    }));
  }

  /** Throws unless every template day lies more than the margin away from `created`. */
  assertFarFrom(created: Date, label: string): void {
    const createdDay = Math.floor(created.getTime() / DAY_MS);
    for (const { day, number } of this.#templateDays) {
      if (Math.abs(number - createdDay) > TEMPLATE_DAY_MARGIN_DAYS) continue;
      throw new Error(
        `Template day ${day} lies within ${TEMPLATE_DAY_MARGIN_DAYS} days of ${label} ` +
          `(${created.toISOString()}), so timestamps written while the template ran could be ` +
          'taken for stage dates. Give the template stage dates far from that day.',
      );
    }
  }

  /** Returns `value` with every day and timestamp translated, walking arrays and objects. */
  translate<T>(value: T): T {
    return this.#translateValue(value, '') as T;
  }

  /** Returns the clone's instant for `instant`, which is unchanged when not on a template day. */
  translateInstant(instant: Date, path = ''): Date {
    const utcTarget = this.#days.get(instant.toISOString().slice(0, 10));
    if (utcTarget !== undefined) {
      const shift = dayNumber(utcTarget) - dayNumber(instant.toISOString().slice(0, 10));
      return new Date(instant.getTime() + shift * DAY_MS);
    }
    const localTarget = this.#days.get(localIsoDay(instant));
    if (localTarget !== undefined) return onLocalDay(instant, localTarget);

    this.#rejectNearTemplateDay(
      Math.floor(instant.getTime() / DAY_MS),
      instant.toISOString(),
      path,
    );
    return instant;
  }

  #translateValue(value: unknown, path: string): unknown {
    if (typeof value === 'string') return this.#translateString(value, path);
    if (value instanceof Date) return this.translateInstant(value, path);
    if (Array.isArray(value)) {
      return value.map((item, index) => this.#translateValue(item, `${path}[${index}]`));
    }
    if (value === null || typeof value !== 'object') return value;

    const translated: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      translated[key] = this.#translateValue(item, path ? `${path}.${key}` : key);
    }
    return translated;
  }

  #translateString(text: string, path: string): string {
    if (ISO_DAY.test(text)) {
      const target = this.#days.get(text);
      if (target !== undefined) return target;
      this.#rejectNearTemplateDay(dayNumber(text), text, path);
      return text;
    }
    if (!ISO_TIMESTAMP.test(text)) return text;

    const instant = new Date(text);
    if (Number.isNaN(instant.getTime())) return text;
    const translated = this.translateInstant(instant, path);
    return translated === instant ? text : translated.toISOString();
  }

  // A value close to a template day but not on it may be derived from a stage date (a
  // reminder two days before the start, say), which this translation cannot move.
  #rejectNearTemplateDay(day: number, text: string, path: string): void {
    for (const { day: templateDay, number } of this.#templateDays) {
      if (Math.abs(day - number) > TEMPLATE_DAY_MARGIN_DAYS) continue;
      throw new Error(
        `The template's value ${text} at ${path || 'the top level'} lies within ` +
          `${TEMPLATE_DAY_MARGIN_DAYS} days of its stage date ${templateDay} without falling ` +
          'on it, so it cannot be moved to the clone; clone only from a template whose ' +
          'values either fall on a stage date or lie far from both.',
      );
    }
  }
}

/** The dates of a stage, ISO calendar days. */
export type StagePeriod = Pick<StageVariables, 'startDate' | 'endDate'>;

/** Days since 1970-01-01 of an ISO calendar day. */
function dayNumber(isoDay: string): number {
  return Math.floor(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
}

function localIsoDay(instant: Date): string {
  const month = String(instant.getMonth() + 1).padStart(2, '0');
  const day = String(instant.getDate()).padStart(2, '0');
  return `${instant.getFullYear()}-${month}-${day}`;
}

// The same local time of day on `isoDay`, so local midnight stays local midnight across DST.
function onLocalDay(instant: Date, isoDay: string): Date {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(
    year,
    month - 1,
    day,
    instant.getHours(),
    instant.getMinutes(),
    instant.getSeconds(),
    instant.getMilliseconds(),
  );
}
