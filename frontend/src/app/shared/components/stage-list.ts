import { Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { Stage } from '../../core/api/api-models';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { PhaseChip } from './phase-chip';

/** A compact list of stages, each linking to its stage page. */
@Component({
  selector: 'app-stage-list',
  imports: [MatIconModule, RouterLink, LocalDatePipe, PhaseChip],
  host: { class: 'app-stage-list' },
  template: `
    <ul>
      @for (stage of stages(); track stage.id) {
        <li>
          <a [routerLink]="['/stages', stage.id]" data-testid="stage-link">
            <span class="who">{{ stage.student.firstName }} {{ stage.student.lastName }}</span>
            <span class="where">
              {{ stage.careUnit.name }} · {{ stage.careUnit.campusName }} ·
              {{ stage.hospital.name }}
            </span>
            <span class="when">
              {{ stage.startDate | localDate }} – {{ stage.endDate | localDate }}
            </span>
            <app-phase-chip [phase]="stage.phase" [status]="stage.status" />
          </a>
        </li>
      }
    </ul>
  `,
  styles: `
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li + li {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    a {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 2px 12px;
      padding: 10px 4px;
      color: inherit;
      text-decoration: none;
    }
    a:hover,
    a:focus-visible {
      background: var(--mat-sys-surface-container);
    }
    .who {
      font: var(--mat-sys-title-small);
    }
    .where,
    .when {
      grid-column: 1;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    app-phase-chip {
      grid-column: 2;
      grid-row: 1 / span 3;
      align-self: center;
    }
  `,
})
export class StageList {
  /** Stages to list, in display order. */
  readonly stages = input.required<readonly Stage[]>();
}
