import { InjectionToken } from '@angular/core';
import {
  asyncScheduler,
  combineLatest,
  distinctUntilChanged,
  EMPTY,
  type Observable,
  type SchedulerLike,
  interval,
  startWith,
  switchMap,
} from 'rxjs';

/** Time between two refreshes of the task list and the task badge, in milliseconds. */
export const POLL_INTERVAL = new InjectionToken<number>('POLL_INTERVAL', {
  providedIn: 'root',
  factory: () => 15_000,
});

/** Options of {@link pollWhileVisible}. */
export interface PollOptions {
  /** Page visibility; polling stops while it is false and resumes at once when it turns true. */
  visible$: Observable<boolean>;
  /** Time between two loads, in milliseconds. */
  intervalMs: number;
  /** Scheduler of the timer; tests pass a virtual-time scheduler. */
  scheduler?: SchedulerLike;
}

/**
 * Loads `load(query)` at once and then every `intervalMs`, while the page is visible. A new
 * query restarts the cycle with an immediate load, and hiding the page cancels a load in
 * flight. `load` must catch its own errors, because an error ends the polling.
 */
export function pollWhileVisible<Q, T>(
  query$: Observable<Q>,
  load: (query: Q) => Observable<T>,
  options: PollOptions,
): Observable<T> {
  const scheduler = options.scheduler ?? asyncScheduler;
  return combineLatest([options.visible$.pipe(distinctUntilChanged()), query$]).pipe(
    switchMap(([isVisible, query]) =>
      isVisible ? ticks(options.intervalMs, scheduler).pipe(switchMap(() => load(query))) : EMPTY,
    ),
  );
}

// The first tick is synchronous, so a visible page loads without waiting for a timer.
function ticks(intervalMs: number, scheduler: SchedulerLike): Observable<number> {
  return interval(intervalMs, scheduler).pipe(startWith(-1));
}
