import { TestBed } from '@angular/core/testing';
import { DOCUMENT } from '@angular/common';
import { TranslocoService } from '@jsverse/transloco';
import { provideTestEnvironment } from '../../shared/testing/test-providers';
import { LANGUAGE_STORAGE_KEY, LanguageStore } from './language-store';

describe('LanguageStore', () => {
  beforeEach(() => localStorage.removeItem(LANGUAGE_STORAGE_KEY));
  afterEach(() => localStorage.removeItem(LANGUAGE_STORAGE_KEY));

  describe('initialize()', () => {
    it('follows the browser language on the first visit', async () => {
      const store = setup(['nl-BE', 'fr-BE']);

      await store.initialize();

      expect(store.language()).toBe('nl');
      expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('nl');
    });

    it('prefers the language stored on this browser', async () => {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
      const store = setup(['nl-BE']);

      await store.initialize();

      expect(store.language()).toBe('fr');
    });

    it('falls back to English for unsupported browser languages', async () => {
      const store = setup(['de-DE']);

      await store.initialize();

      expect(store.language()).toBe('en');
      expect(store.locale()).toBe('en-GB');
    });
  });
});

function setup(navigatorLanguages: string[]): LanguageStore {
  const fakeDocument = {
    documentElement: document.createElement('html'),
    defaultView: { navigator: { languages: navigatorLanguages } },
  };
  TestBed.configureTestingModule({
    providers: [...provideTestEnvironment(), { provide: DOCUMENT, useValue: fakeDocument }],
  });
  return TestBed.inject(LanguageStore);
}
