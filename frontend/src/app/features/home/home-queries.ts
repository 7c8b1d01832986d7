import type { StageQuery } from '../../core/api/stage-api';
import { addDays, toCalendarDate } from '../../core/i18n/calendar-date';

/** Number of days ahead the "arrivals" section looks, today included. */
export const ARRIVAL_WINDOW_DAYS = 7;

/** Active stages still in the request phase, oldest first. */
export function waitingRequestsQuery(): StageQuery {
  return { phase: 'request', status: 'active', sort: 'startDate', pageSize: 5 };
}

/** Active stages starting from `today` up to {@link ARRIVAL_WINDOW_DAYS} days later. */
export function arrivalsQuery(today: Date): StageQuery {
  return {
    status: 'active',
    startFrom: toCalendarDate(today),
    startTo: toCalendarDate(addDays(today, ARRIVAL_WINDOW_DAYS)),
    sort: 'startDate',
    pageSize: 10,
  };
}

/** The signed-in student's own stages, latest start first. */
export function ownStagesQuery(): StageQuery {
  return { sort: '-startDate', pageSize: 10 };
}
