import { Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { TranslateOrPipe } from '../../../core/i18n/translate-or.pipe';
import type { TimelinePhase } from '../stage-progress';

const STATE_ICONS = {
  done: 'check_circle',
  current: 'radio_button_checked',
  upcoming: 'radio_button_unchecked',
  skipped: 'remove_circle_outline',
} as const;

/** The phases of a stage as a vertical timeline, each with who did what and when. */
@Component({
  selector: 'app-phase-timeline',
  imports: [MatIconModule, TranslocoPipe, LocalDatePipe, TranslateOrPipe],
  host: { class: 'app-phase-timeline' },
  template: `
    <ol class="phases">
      @for (item of phases(); track item.phase) {
        <li
          [attr.data-state]="item.state"
          [attr.aria-current]="item.state === 'current' ? 'step' : null"
        >
          <div class="phase">
            <mat-icon aria-hidden="true" [fontIcon]="icons[item.state]" />
            <span class="name">{{ 'phase.' + item.phase | transloco }}</span>
            <span class="visually-hidden">({{ 'timeline.state.' + item.state | transloco }})</span>
          </div>
          @if (item.entries.length) {
            <ul class="entries">
              @for (entry of item.entries; track entry.id) {
                <li data-testid="history-entry">
                  <time [attr.datetime]="entry.at">{{ entry.at | localDate: 'short' }}</time>
                  <span class="what">
                    {{ 'history.type.' + entry.type | translateOr: entry.type }}
                    @if (entry.activityId) {
                      :
                      {{
                        'task.name.' + entry.activityId
                          | translateOr: entry.activityName ?? entry.activityId
                      }}
                    }
                  </span>
                  @if (entry.actor) {
                    <span class="who">{{
                      'timeline.by' | transloco: { name: entry.actor.name }
                    }}</span>
                  }
                </li>
              }
            </ul>
          }
        </li>
      }
    </ol>
  `,
  styleUrl: './phase-timeline.scss',
})
export class PhaseTimeline {
  /** Phases in process order, from `buildTimeline`. */
  readonly phases = input.required<readonly TimelinePhase[]>();
  protected readonly icons = STATE_ICONS;
}
