import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { DateAdapter, MAT_DATE_LOCALE, provideNativeDateAdapter } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideTransloco } from '@jsverse/transloco';
import { routes } from './app.routes';
import { DayFirstDateAdapter } from './core/i18n/day-first-date-adapter';
import { LanguageStore } from './core/i18n/language-store';
import {
  DEFAULT_LANGUAGE,
  FORMAT_LOCALES,
  LANGUAGES,
  registerFormatLocales,
} from './core/i18n/languages';
import { TranslationLoader } from './core/i18n/translation-loader';
import { sessionExpiryInterceptor } from './core/session/session-expiry.interceptor';

registerFormatLocales();

/** Providers of the application: router, HTTP, translations, dates and Material defaults. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: DEFAULT_LANGUAGE,
        fallbackLang: DEFAULT_LANGUAGE,
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
      },
      loader: TranslationLoader,
    }),
    provideNativeDateAdapter(),
    { provide: DateAdapter, useClass: DayFirstDateAdapter },
    { provide: MAT_DATE_LOCALE, useValue: FORMAT_LOCALES[DEFAULT_LANGUAGE] },
    provideAppInitializer(() => inject(LanguageStore).initialize()),
  ],
};
