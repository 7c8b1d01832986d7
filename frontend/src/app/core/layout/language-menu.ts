import { Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageStore } from '../i18n/language-store';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/languages';
import { SessionStore } from '../session/session-store';

/** Toolbar menu that switches the interface language and remembers the choice. */
@Component({
  selector: 'app-language-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslocoPipe],
  host: { class: 'app-language-menu' },
  template: `
    <button mat-button type="button" class="trigger" [matMenuTriggerFor]="menu">
      <mat-icon aria-hidden="true" fontIcon="translate" />
      <!-- The accessible name keeps the visible code, as WCAG 2.5.3 (label in name) asks. -->
      <span class="visually-hidden">{{ 'toolbar.language' | transloco }}</span>
      <span class="code">{{ language.language().toUpperCase() }}</span>
    </button>
    <mat-menu #menu="matMenu">
      @for (code of languages; track code) {
        <button
          mat-menu-item
          type="button"
          [attr.lang]="code"
          [attr.data-language]="code"
          [attr.aria-current]="code === language.language()"
          (click)="choose(code)"
        >
          {{ names[code] }}
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .trigger {
      color: inherit;
    }
    .code {
      margin-left: 4px;
    }
  `,
})
export class LanguageMenu {
  protected readonly language = inject(LanguageStore);
  private readonly session = inject(SessionStore);
  protected readonly languages = LANGUAGES;
  protected readonly names = LANGUAGE_NAMES;

  protected choose(code: Language): void {
    this.session.changeLanguage(code);
  }
}
