import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { type EnvironmentProviders, importProvidersFrom, type Provider } from '@angular/core';
import { DateAdapter, provideNativeDateAdapter } from '@angular/material/core';
import { provideRouter, type Routes, withComponentInputBinding } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../i18n/en.json';
import fr from '../../../i18n/fr.json';
import nl from '../../../i18n/nl.json';
import { DayFirstDateAdapter } from '../../core/i18n/day-first-date-adapter';
import { registerFormatLocales } from '../../core/i18n/languages';
import { provideMaterialDefaults } from '../../core/layout/form-defaults';
import { sessionExpiryInterceptor } from '../../core/session/session-expiry.interceptor';

registerFormatLocales();

/**
 * Providers for component and service specs: the real translations (preloaded, English
 * first), HttpClient with the app's interceptor backed by HttpTestingController, the router
 * with `routes`, and the app's date adapter.
 */
export function provideTestEnvironment(routes: Routes = []): (Provider | EnvironmentProviders)[] {
  return [
    importProvidersFrom(
      TranslocoTestingModule.forRoot({
        langs: { en, fr, nl },
        translocoConfig: { availableLangs: ['fr', 'nl', 'en'], defaultLang: 'en' },
        preloadLangs: true,
      }),
    ),
    provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
    provideHttpClientTesting(),
    provideRouter(routes, withComponentInputBinding()),
    provideNativeDateAdapter(),
    { provide: DateAdapter, useClass: DayFirstDateAdapter },
    provideMaterialDefaults(),
  ];
}
