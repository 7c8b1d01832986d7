import { Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Id } from '../../../core/api/api-models';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslateOrPipe } from '../../../core/i18n/translate-or.pipe';
import type { NextStep } from '../stage-progress';

/** Explains what a stage waits for: who has to act on which task, or that it has ended. */
@Component({
  selector: 'app-next-step-card',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    RouterLink,
    TranslocoPipe,
    LocalDatePipe,
    TranslateOrPipe,
  ],
  host: { class: 'app-next-step-card' },
  template: `
    <mat-card appearance="outlined" data-testid="next-step">
      <mat-card-header>
        <mat-icon mat-card-avatar aria-hidden="true" fontIcon="next_plan" />
        <mat-card-title>{{ 'stage.next.title' | transloco }}</mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @let step = next();
        @switch (step.kind) {
          @case ('finished') {
            <p>{{ 'stage.next.' + step.status | transloco }}</p>
          }
          @case ('phase') {
            <p>{{ 'stage.next.phase.' + step.phase | transloco }}</p>
          }
          @case ('tasks') {
            <ul class="tasks">
              @for (task of step.tasks; track task.id) {
                @let taskName = 'task.name.' + task.activityId | translateOr: task.name;
                <li>
                  @if (task.assignee?.id === userId()) {
                    <strong>{{ 'stage.next.yourTask' | transloco: { task: taskName } }}</strong>
                  } @else if (task.assignee) {
                    {{
                      'stage.next.assigned'
                        | transloco: { task: taskName, name: task.assignee.name }
                    }}
                  } @else {
                    {{
                      'stage.next.waitingFor'
                        | transloco
                          : {
                              task: taskName,
                              role:
                                ('role.' + task.candidateRole | translateOr: task.candidateRole),
                            }
                    }}
                  }
                  @if (task.dueAt) {
                    <span class="due">{{
                      'inbox.dueAt' | transloco: { date: (task.dueAt | localDate) }
                    }}</span>
                  }
                  @if (canOpenTasks()) {
                    <a
                      mat-button
                      routerLink="/tasks"
                      [queryParams]="{ task: task.id }"
                      data-testid="open-stage-task"
                    >
                      {{ 'task.open' | transloco }}
                    </a>
                  }
                </li>
              }
            </ul>
          }
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .tasks {
      margin: 0;
      padding-left: 20px;
    }
    li {
      padding: 4px 0;
    }
    .due {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class NextStepCard {
  /** Next step of the stage, from `nextStep`. */
  readonly next = input.required<NextStep>();
  /** Id of the signed-in user, to tell them which task is theirs. */
  readonly userId = input<Id | null>(null);
  /** Whether the user may open tasks in the inbox. */
  readonly canOpenTasks = input(false);
}
