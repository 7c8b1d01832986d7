import { Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Phase, StageStatus } from '../../core/api/api-models';

/** A small label with the translated phase of a stage, coloured by status. */
@Component({
  selector: 'app-phase-chip',
  imports: [TranslocoPipe],
  host: {
    class: 'app-phase-chip',
    '[attr.data-status]': 'status()',
    '[attr.data-phase]': 'phase()',
  },
  template: `
    @if (status() && status() !== 'active') {
      {{ 'status.' + status() | transloco }}
    } @else {
      {{ 'phase.' + phase() | transloco }}
    }
  `,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      white-space: nowrap;
    }
    :host([data-status='refused']),
    :host([data-status='cancelled']) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host([data-status='completed']) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class PhaseChip {
  /** Phase of the stage. */
  readonly phase = input.required<Phase>();
  /** Status of the stage; a status other than active replaces the phase in the label. */
  readonly status = input<StageStatus | null>(null);
}
