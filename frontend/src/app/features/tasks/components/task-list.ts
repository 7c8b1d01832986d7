import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { AblePipe } from '../../../core/ability/able.pipe';
import type { Id, Task } from '../../../core/api/api-models';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslateOrPipe } from '../../../core/i18n/translate-or.pipe';
import { PhaseChip } from '../../../shared/public-api';

/** Rows of the task inbox, with claim, unclaim and open actions. */
@Component({
  selector: 'app-task-list',
  imports: [
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    AblePipe,
    LocalDatePipe,
    TranslateOrPipe,
    PhaseChip,
  ],
  host: { class: 'app-task-list' },
  templateUrl: './task-list.html',
  styleUrl: './task-list.scss',
})
export class TaskList {
  /** Tasks of the current page. */
  readonly tasks = input.required<readonly Task[]>();
  /** Id of the signed-in user, to tell their own tasks apart. */
  readonly userId = input<Id | null>(null);
  /** Id of the task whose claim or unclaim is in flight; its buttons are disabled. */
  readonly busyTaskId = input<Id | null>(null);
  /** Current time in milliseconds, against which due dates count as overdue. */
  readonly now = input(Date.now());
  /** Emits the task the user wants to open. */
  readonly opened = output<Task>();
  /** Emits the task the user wants to claim. */
  readonly claimed = output<Task>();
  /** Emits the task the user wants to give back. */
  readonly unclaimed = output<Task>();

  protected isOverdue(task: Task): boolean {
    return task.dueAt !== null && Date.parse(task.dueAt) < this.now();
  }
}
