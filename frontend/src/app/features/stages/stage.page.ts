import { Location } from '@angular/common';
import { Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { BehaviorSubject, combineLatest, switchMap } from 'rxjs';
import { AbilityStore } from '../../core/ability/ability-store';
import type { StageDetail } from '../../core/api/api-models';
import { type LoadState, toLoadState } from '../../core/api/load-state';
import { StageApi } from '../../core/api/stage-api';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslateOrPipe } from '../../core/i18n/translate-or.pipe';
import { SessionStore } from '../../core/session/session-store';
import { PhaseChip, StatePanel } from '../../shared/public-api';
import { NextStepCard } from './components/next-step-card';
import { PhaseTimeline } from './components/phase-timeline';
import { buildTimeline, nextStep } from './stage-progress';

/**
 * Stage page: the student, care unit and period, what the stage waits for, the phase
 * timeline with who did what and when, and the participants.
 */
@Component({
  selector: 'app-stage-page',
  imports: [
    MatCardModule,
    MatIconModule,
    TranslocoPipe,
    LocalDatePipe,
    TranslateOrPipe,
    PhaseChip,
    StatePanel,
    NextStepCard,
    PhaseTimeline,
  ],
  host: { class: 'app-stage-page' },
  templateUrl: './stage.page.html',
  styleUrl: './stage.page.scss',
})
export class StagePage {
  /** Route parameter: the stage id. */
  readonly id = input.required<string>();

  private readonly api = inject(StageApi);
  private readonly retries = new BehaviorSubject<void>(undefined);
  protected readonly session = inject(SessionStore);
  protected readonly canOpenTasks = inject(AbilityStore).can('read', 'Task');
  /** Whether the page opened right after the user submitted this request. */
  protected readonly isNewRequest =
    (inject(Location).getState() as { isNewRequest?: unknown } | null)?.isNewRequest === true;

  protected readonly stage = toSignal(
    combineLatest([toObservable(this.id), this.retries]).pipe(
      switchMap(([id]) => toLoadState(this.api.get(id))),
    ),
    { initialValue: { status: 'loading' } as LoadState<StageDetail> },
  );
  protected readonly timeline = computed(() => {
    const state = this.stage();
    return state.status === 'ready' ? buildTimeline(state.value) : [];
  });
  protected readonly next = computed(() => {
    const state = this.stage();
    return state.status === 'ready' ? nextStep(state.value) : null;
  });

  protected retry(): void {
    this.retries.next();
  }
}
