import { Component, input, output } from '@angular/core';
import type { Page, Stage } from '../../../core/api/api-models';
import type { LoadState } from '../../../core/api/load-state';
import { StageList, StatePanel } from '../../../shared/public-api';

/** A home page section listing stages, with its loading, empty and error states. */
@Component({
  selector: 'app-stage-section',
  imports: [StageList, StatePanel],
  host: { class: 'app-stage-section' },
  template: `
    <ng-content select="h2" />
    @let current = state();
    @switch (current.status) {
      @case ('loading') {
        <app-state-panel kind="loading" />
      }
      @case ('error') {
        <app-state-panel kind="error" (retry)="retry.emit()" />
      }
      @case ('ready') {
        @if (current.value.items.length) {
          <app-stage-list [stages]="current.value.items" />
        } @else {
          <app-state-panel kind="empty" [icon]="emptyIcon()" [message]="emptyMessage()" />
        }
      }
    }
  `,
  styles: `
    :host {
      display: block;
      margin-top: 24px;
    }
  `,
})
export class StageSection {
  /** Load state of the section's stages. */
  readonly state = input.required<LoadState<Page<Stage>>>();
  /** Translated message shown when there are no stages. */
  readonly emptyMessage = input.required<string>();
  /** Material icon of the empty state. */
  readonly emptyIcon = input('event_note');
  /** Emits when the user asks to reload after an error. */
  readonly retry = output<void>();
}
