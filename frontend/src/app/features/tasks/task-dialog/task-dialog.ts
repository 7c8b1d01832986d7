import { Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Observable } from 'rxjs';
import { AblePipe } from '../../../core/ability/able.pipe';
import type { Task } from '../../../core/api/api-models';
import { toLoadState } from '../../../core/api/load-state';
import { type FieldProblem, toProblem } from '../../../core/api/problem';
import { StageApi } from '../../../core/api/stage-api';
import { TaskApi, type TaskValues } from '../../../core/api/task-api';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslateOrPipe } from '../../../core/i18n/translate-or.pipe';
import { SessionStore } from '../../../core/session/session-store';
import { PhaseChip, StatePanel, TaskForm } from '../../../shared/public-api';

/** Data the dialog opens with. */
export interface TaskDialogData {
  task: Task;
}

/** What happened in the dialog, so the opener knows whether to reload. */
export type TaskDialogResult = 'completed' | 'claimed' | 'unclaimed' | 'conflict' | undefined;

/** An action in flight or its failure, shown in the dialog. */
type Failure = 'conflict' | 'forbidden' | 'unexpected' | null;

/**
 * Shows one task with its stage's context and, once the user holds the task, the form that
 * completes it. Claiming and unclaiming happen here too.
 */
@Component({
  selector: 'app-task-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    AblePipe,
    LocalDatePipe,
    TranslateOrPipe,
    PhaseChip,
    StatePanel,
    TaskForm,
  ],
  host: { class: 'app-task-dialog' },
  templateUrl: './task-dialog.html',
  styleUrl: './task-dialog.scss',
})
export class TaskDialog {
  private readonly dialogRef = inject<MatDialogRef<TaskDialog, TaskDialogResult>>(MatDialogRef);
  private readonly tasks = inject(TaskApi);
  private readonly stages = inject(StageApi);
  private readonly session = inject(SessionStore);

  protected readonly task = signal(inject<TaskDialogData>(MAT_DIALOG_DATA).task);
  protected readonly stage = toSignal(toLoadState(this.stages.get(this.task().stageId)), {
    initialValue: { status: 'loading' as const },
  });
  protected readonly isMine = computed(() => this.task().assignee?.id === this.session.user()?.id);
  protected readonly isBusy = signal(false);
  protected readonly problems = signal<readonly FieldProblem[]>([]);
  protected readonly failure = signal<Failure>(null);
  private result: TaskDialogResult;

  protected claim(): void {
    this.run(this.tasks.claim(this.task().id), (task) => {
      this.task.set(task);
      this.result = 'claimed';
    });
  }

  protected unclaim(): void {
    this.run(this.tasks.unclaim(this.task().id), () => this.dialogRef.close('unclaimed'));
  }

  protected complete(values: TaskValues): void {
    this.problems.set([]);
    this.run(this.tasks.complete(this.task().id, values), () => this.dialogRef.close('completed'));
  }

  protected close(): void {
    this.dialogRef.close(this.failure() === 'conflict' ? 'conflict' : this.result);
  }

  private run<T>(request: Observable<T>, onSuccess: (value: T) => void): void {
    this.isBusy.set(true);
    this.failure.set(null);
    request.subscribe({
      next: (value) => {
        this.isBusy.set(false);
        onSuccess(value);
      },
      error: (error: unknown) => {
        this.isBusy.set(false);
        const problem = toProblem(error);
        if (problem.status === 400 && problem.errors.length) this.problems.set(problem.errors);
        else if (problem.status === 409) this.failure.set('conflict');
        else if (problem.status === 403) this.failure.set('forbidden');
        else this.failure.set('unexpected');
      },
    });
  }
}
