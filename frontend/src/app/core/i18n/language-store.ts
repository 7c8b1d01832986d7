import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import { DateAdapter } from '@angular/material/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { createLogger } from '../logging/logger';
import {
  DEFAULT_LANGUAGE,
  FORMAT_LOCALES,
  isLanguage,
  type Language,
  matchLanguage,
} from './languages';

const log = createLogger('language');

/** localStorage key of the language chosen on this browser. */
export const LANGUAGE_STORAGE_KEY = 'stageflow.language';

/**
 * Holds the interface language. The first choice comes from storage, then the browser's
 * languages; a signed-in user's saved locale overrides both.
 */
@Injectable({ providedIn: 'root' })
export class LanguageStore {
  private readonly transloco = inject(TranslocoService);
  private readonly dateAdapter = inject<DateAdapter<unknown>>(DateAdapter);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(DEFAULT_LANGUAGE);

  /** Active language code. */
  readonly language = this.current.asReadonly();

  /** Formatting locale of the active language, such as `fr-BE`. */
  readonly locale = computed(() => FORMAT_LOCALES[this.current()]);

  /**
   * Picks the first language from storage or the browser, loads its translations and then
   * activates it, so the first render shows text rather than keys. Resolves even when the
   * file fails to load, because the app must start anyway.
   */
  async initialize(): Promise<void> {
    const stored = readStorage(LANGUAGE_STORAGE_KEY);
    const navigatorLanguages = this.document.defaultView?.navigator.languages ?? [];
    const language = isLanguage(stored)
      ? stored
      : (matchLanguage(navigatorLanguages) ?? DEFAULT_LANGUAGE);
    try {
      await firstValueFrom(this.transloco.load(language));
    } catch (error) {
      log.error(`loading the ${language} translations failed; the interface shows keys`, error);
    }
    this.use(language);
  }

  /** Activates `language` everywhere: translations, date adapter, `<html lang>` and storage. */
  use(language: Language): void {
    this.current.set(language);
    this.transloco.setActiveLang(language);
    this.dateAdapter.setLocale(FORMAT_LOCALES[language]);
    this.document.documentElement.lang = language;
    writeStorage(LANGUAGE_STORAGE_KEY, language);
  }
}

// Storage can throw in private modes or when disabled; the language then lasts for the page.
function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // The choice still applies until the page reloads.
  }
}
