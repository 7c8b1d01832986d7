import { computed, inject, Injectable, type Signal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { catchError, type Observable, of, switchMap } from 'rxjs';
import type { CareUnit, Institution, Programme, Role } from '../../core/api/api-models';
import { DirectoryApi } from '../../core/api/directory-api';
import type { TaskQuery } from '../../core/api/task-api';
import { createLogger } from '../../core/logging/logger';
import { SessionStore } from '../../core/session/session-store';

const HOSPITAL_ROLES: readonly Role[] = [
  'hospital_coordinator',
  'supervisor',
  'badge_manager',
  'hygienist',
];
const log = createLogger('inbox-options');

/**
 * Loads the choices of the inbox filters: the care units of the user's hospital (all units
 * for other users), the schools, and the programmes of the chosen school or the user's own.
 * A list the user may not read stays empty, which hides its filter.
 */
@Injectable()
export class InboxOptions {
  private readonly directory = inject(DirectoryApi);
  private readonly session = inject(SessionStore);
  private readonly user = this.session.user;
  private readonly isHospitalStaff = HOSPITAL_ROLES.some((role) => this.session.hasRole(role));

  /** Care units for the care unit filter. */
  readonly careUnits = toSignal(
    orEmpty(
      this.directory.careUnits({
        hospitalId: this.isHospitalStaff ? this.user()?.institutionId : null,
      }),
    ),
    { initialValue: [] as CareUnit[] },
  );

  /** Schools for the school filter. */
  readonly schools = toSignal(orEmpty(this.directory.institutions('school')), {
    initialValue: [] as Institution[],
  });

  private readonly followedQuery = signal<Signal<TaskQuery> | null>(null);
  private readonly ownSchool = this.isHospitalStaff ? null : (this.user()?.institutionId ?? null);
  private readonly schoolId = computed(() => this.followedQuery()?.().schoolId ?? this.ownSchool);

  /** Programmes of the school chosen in the filter, or of the user's own school. */
  readonly programmes = toSignal(
    toObservable(this.schoolId).pipe(
      switchMap((schoolId) => (schoolId ? orEmpty(this.directory.programmes(schoolId)) : of([]))),
    ),
    { initialValue: [] as Programme[] },
  );

  /** Makes the programme list follow the school in `query`. */
  follow(query: Signal<TaskQuery>): void {
    this.followedQuery.set(query);
  }
}

function orEmpty<T>(source: Observable<T[]>): Observable<T[]> {
  return source.pipe(
    catchError((error: unknown) => {
      log.debug('filter choices unavailable; hiding the filter', error);
      return of([]);
    }),
  );
}
