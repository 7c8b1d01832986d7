import { registerLocaleData } from '@angular/common';
import localeEnGb from '@angular/common/locales/en-GB';
import localeFrBe from '@angular/common/locales/fr-BE';
import localeNlBe from '@angular/common/locales/nl-BE';

/** Languages the interface is translated into. */
export const LANGUAGES = ['fr', 'nl', 'en'] as const;

/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** Language used when neither the user, the browser nor storage names a supported one. */
export const DEFAULT_LANGUAGE: Language = 'en';

/** Formatting locale (dates, numbers) of each language: Belgian French and Dutch, British English. */
export const FORMAT_LOCALES: Record<Language, string> = {
  fr: 'fr-BE',
  nl: 'nl-BE',
  en: 'en-GB',
};

/** Name of each language in itself, for the language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  fr: 'Français',
  nl: 'Nederlands',
  en: 'English',
};

/** Whether `value` is a supported language code. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Returns the first supported language among `candidates`, such as `navigator.languages`;
 * `nl-BE` matches `nl`. Returns null when none matches.
 */
export function matchLanguage(candidates: readonly (string | null | undefined)[]): Language | null {
  for (const candidate of candidates) {
    const primary = candidate?.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return null;
}

/** Registers Angular's locale data for every {@link FORMAT_LOCALES} entry. */
export function registerFormatLocales(): void {
  registerLocaleData(localeFrBe, 'fr-BE');
  registerLocaleData(localeNlBe, 'nl-BE');
  registerLocaleData(localeEnGb, 'en-GB');
}
