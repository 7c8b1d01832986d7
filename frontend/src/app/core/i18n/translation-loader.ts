import { Injectable } from '@angular/core';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';
import { from, map, type Observable } from 'rxjs';

/**
 * Loads a translation file as a lazy chunk. The build hashes the chunk names, so a new release
 * never serves stale translations from the browser cache.
 */
@Injectable({ providedIn: 'root' })
export class TranslationLoader implements TranslocoLoader {
  /** Loads `src/i18n/<lang>.json`. */
  getTranslation(lang: string): Observable<Translation> {
    return from(importTranslation(lang)).pipe(map((module) => module.default));
  }
}

function importTranslation(lang: string): Promise<{ default: Translation }> {
  switch (lang) {
    case 'fr':
      return import('../../../i18n/fr.json');
    case 'nl':
      return import('../../../i18n/nl.json');
    case 'en':
      return import('../../../i18n/en.json');
    default:
      return Promise.reject(
        new Error(`No translation file for language "${lang}"; use fr, nl or en.`),
      );
  }
}
