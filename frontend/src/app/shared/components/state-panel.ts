import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoPipe } from '@jsverse/transloco';

/** Kinds of {@link StatePanel}. */
export type StatePanelKind = 'loading' | 'empty' | 'error';

/**
 * Shows that content is loading, that there is none, or that loading failed with a retry
 * button. Texts are already translated by the caller, except the defaults.
 */
@Component({
  selector: 'app-state-panel',
  imports: [MatButtonModule, MatIconModule, MatProgressSpinnerModule, TranslocoPipe],
  host: {
    class: 'app-state-panel',
    '[attr.data-kind]': 'kind()',
    '[attr.role]': "kind() === 'error' ? 'alert' : 'status'",
  },
  template: `
    @switch (kind()) {
      @case ('loading') {
        <mat-spinner diameter="32" [attr.aria-label]="'common.loading' | transloco" />
      }
      @case ('empty') {
        <mat-icon aria-hidden="true" [fontIcon]="icon() || 'inbox'" />
      }
      @case ('error') {
        <mat-icon aria-hidden="true" class="error-icon" fontIcon="error_outline" />
      }
    }
    <p class="message">{{ message() || (defaultMessageKey() | transloco) }}</p>
    @if (kind() === 'error' && retryable()) {
      <button mat-stroked-button type="button" (click)="retry.emit()">
        {{ 'common.retry' | transloco }}
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding: 32px 16px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
    .message {
      margin: 0;
      max-width: 40ch;
    }
    .error-icon {
      color: var(--mat-sys-error);
    }
  `,
})
export class StatePanel {
  /** State to show. */
  readonly kind = input.required<StatePanelKind>();
  /** Translated message; each kind has a generic default. */
  readonly message = input<string | null>(null);
  /** Material icon name for the empty state. */
  readonly icon = input<string>('');
  /** Whether the error state offers a retry button. */
  readonly retryable = input(true);
  /** Emits when the user asks to retry after an error. */
  readonly retry = output<void>();

  protected defaultMessageKey(): string {
    return `common.state.${this.kind()}`;
  }
}
