import { Component, computed, inject, input, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { BehaviorSubject, switchMap } from 'rxjs';
import { AblePipe } from '../../core/ability/able.pipe';
import { AbilityStore } from '../../core/ability/ability-store';
import type { Page, Stage } from '../../core/api/api-models';
import { type LoadState, toLoadState } from '../../core/api/load-state';
import { type StageQuery, StageApi } from '../../core/api/stage-api';
import { addDays } from '../../core/i18n/calendar-date';
import { LocalDatePipe, LocalNumberPipe } from '../../core/i18n/local-date.pipe';
import { TaskCountStore } from '../../core/realtime/task-count-store';
import { SessionStore } from '../../core/session/session-store';
import { StageSection } from './components/stage-section';
import {
  ARRIVAL_WINDOW_DAYS,
  arrivalsQuery,
  ownStagesQuery,
  waitingRequestsQuery,
} from './home-queries';

/**
 * Home page: what needs the user's attention. Students see their stages; staff see their open
 * tasks, the requests still waiting and the arrivals of the coming week.
 */
@Component({
  selector: 'app-home-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    RouterLink,
    TranslocoPipe,
    AblePipe,
    LocalDatePipe,
    LocalNumberPipe,
    StageSection,
  ],
  host: { class: 'app-home-page' },
  templateUrl: './home.page.html',
  styleUrl: './home.page.scss',
})
export class HomePage {
  /** Query parameter set by the route guard: a page the user may not open. */
  readonly denied = input<string | undefined>();

  protected readonly session = inject(SessionStore);
  protected readonly taskCount = inject(TaskCountStore);
  private readonly stages = inject(StageApi);
  private readonly abilities = inject(AbilityStore);

  protected readonly isStudent = computed(() => this.session.user()?.studentId != null);
  protected readonly today = new Date();
  protected readonly arrivalsEnd = addDays(this.today, ARRIVAL_WINDOW_DAYS);

  protected readonly ownStages = this.isStudent() ? this.section(ownStagesQuery()) : null;
  protected readonly waitingRequests = this.isStudent()
    ? null
    : this.section(waitingRequestsQuery());
  protected readonly arrivals = this.isStudent() ? null : this.section(arrivalsQuery(this.today));

  // The route guard has loaded the session, so the role is known when the page is created.
  private section(query: StageQuery): SectionLoad | null {
    if (!this.abilities.can('read', 'Stage')) return null;
    const retries = new BehaviorSubject<void>(undefined);
    const state = toSignal(retries.pipe(switchMap(() => toLoadState(this.stages.list(query)))), {
      initialValue: { status: 'loading' } as LoadState<Page<Stage>>,
    });
    return { state, retry: () => retries.next() };
  }
}

/** One list section of the home page, with its load state and a retry. */
interface SectionLoad {
  state: Signal<LoadState<Page<Stage>>>;
  retry: () => void;
}
