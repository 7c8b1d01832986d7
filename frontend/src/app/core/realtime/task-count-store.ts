import { computed, inject, Injectable } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of, startWith, Subject, switchMap } from 'rxjs';
import { AbilityStore } from '../ability/ability-store';
import { TaskApi } from '../api/task-api';
import { createLogger } from '../logging/logger';
import { SessionStore } from '../session/session-store';
import { PAGE_VISIBLE } from './page-visibility';
import { POLL_INTERVAL, pollWhileVisible } from './polling';

const log = createLogger('task-count');

/**
 * Counts the open tasks of the signed-in user (assigned to them or claimable) for the toolbar
 * badge. It polls while the page is visible and someone who may read tasks is signed in.
 */
@Injectable({ providedIn: 'root' })
export class TaskCountStore {
  private readonly api = inject(TaskApi);
  private readonly abilities = inject(AbilityStore);
  private readonly session = inject(SessionStore);
  private readonly refreshes = new Subject<void>();
  private readonly visible$ = inject(PAGE_VISIBLE);
  private readonly intervalMs = inject(POLL_INTERVAL);

  private readonly canReadTasks = computed(
    () => this.session.isSignedIn() && this.abilities.can('read', 'Task'),
  );

  /** Open task count; null before the first answer, without permission or after an error. */
  readonly count = toSignal(
    toObservable(this.canReadTasks).pipe(
      switchMap((isAllowed) => (isAllowed ? this.poll() : of(null))),
    ),
    { initialValue: null },
  );

  /** Reloads the count now, for example after a claim or a completion. */
  refresh(): void {
    this.refreshes.next();
  }

  private poll() {
    const query$ = this.refreshes.pipe(startWith(undefined));
    const load = () =>
      this.api.countOpen().pipe(
        map((open): number | null => open),
        catchError((error: unknown) => {
          log.warn('loading the open task count failed; the next poll retries', error);
          return of(null);
        }),
      );
    return pollWhileVisible(query$, load, { visible$: this.visible$, intervalMs: this.intervalMs });
  }
}
