import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { TranslocoService } from '@jsverse/transloco';
import { aMeResponse, aUser } from '../../shared/testing/fixtures';
import { provideTestEnvironment } from '../../shared/testing/test-providers';
import { LANGUAGE_STORAGE_KEY, LanguageStore } from '../i18n/language-store';
import { SessionStore } from '../session/session-store';
import { LanguageMenu } from './language-menu';

describe('LanguageMenu', () => {
  afterEach(() => localStorage.removeItem(LANGUAGE_STORAGE_KEY));

  it('switches the language at runtime and stores it on this browser', async () => {
    const { menu, fixture } = await setup();

    await menu.clickItem({ text: 'Nederlands' });
    await fixture.whenStable();

    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('nl');
    expect(TestBed.inject(LanguageStore).locale()).toBe('nl-BE');
    expect(document.documentElement.lang).toBe('nl');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('nl');
    expect(fixture.nativeElement.textContent).toContain('NL');
  });

  it('saves the choice for the signed-in user', async () => {
    const { menu, http } = await setup();
    const session = TestBed.inject(SessionStore);
    session.signIn('claire@demo.example', 'secret').subscribe();
    http.expectOne('/api/auth/login').flush(aUser());
    http.expectOne('/api/me').flush(aMeResponse([], aUser({ locale: 'en' })));

    await menu.clickItem({ text: 'Français' });
    const save = http.expectOne('/api/me/locale');

    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({ locale: 'fr' });
    save.flush({ user: aUser({ locale: 'fr' }) });
  });

  it('saves nothing when nobody is signed in', async () => {
    const { menu, http } = await setup();

    await menu.clickItem({ text: 'Français' });

    http.expectNone('/api/me/locale');
  });
});

async function setup() {
  TestBed.configureTestingModule({ providers: provideTestEnvironment() });
  TestBed.inject(LanguageStore).use('en');
  const fixture = TestBed.createComponent(LanguageMenu);
  await fixture.whenStable();
  const menu = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatMenuHarness);
  return { fixture, menu, http: TestBed.inject(HttpTestingController) };
}
