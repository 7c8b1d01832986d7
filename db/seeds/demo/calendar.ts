// A stage plan counts in day numbers: whole days since 1970-01-01, in UTC.
const DAY_MS = 86_400_000;

/** Converts an ISO calendar day such as 2027-02-01 to its day number. */
export function toDayNumber(isoDay: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay)) {
    throw new Error(`Day ${JSON.stringify(isoDay)} is invalid; write it as YYYY-MM-DD.`);
  }
  return Math.round(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
}

/** Converts a day number back to an ISO calendar day. */
export function toIsoDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Returns today's ISO calendar day in UTC. */
export function todayIsoDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Returns the Monday on or before `dayNumber`. Day 0 was a Thursday. */
export function mondayOnOrBefore(dayNumber: number): number {
  return dayNumber - ((dayNumber + 3) % 7);
}
