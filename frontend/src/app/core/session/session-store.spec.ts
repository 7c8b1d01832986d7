import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoService } from '@jsverse/transloco';
import { AbilityStore } from '../ability/ability-store';
import { aMeResponse, aUser } from '../../shared/testing/fixtures';
import { provideTestEnvironment } from '../../shared/testing/test-providers';
import { LANGUAGE_STORAGE_KEY } from '../i18n/language-store';
import { SessionStore } from './session-store';

describe('SessionStore', () => {
  afterEach(() => localStorage.removeItem(LANGUAGE_STORAGE_KEY));

  describe('signIn()', () => {
    it('logs in, then loads the user and the rules', async () => {
      const { session, http } = await setup();
      let signedIn = '';

      session.signIn('claire@demo.example', 'secret').subscribe((user) => (signedIn = user.name));
      const login = http.expectOne('/api/auth/login');
      expect(login.request.body).toEqual({ email: 'claire@demo.example', password: 'secret' });
      login.flush(aUser());
      http.expectOne('/api/me').flush(aMeResponse([{ action: 'read', subject: 'Task' }]));

      expect(signedIn).toBe('Claire Coordinator');
      expect(session.isSignedIn()).toBeTrue();
      expect(TestBed.inject(AbilityStore).can('read', 'Task')).toBeTrue();
    });

    it("switches to the user's saved language", async () => {
      const { session, http } = await setup();

      session.signIn('claire@demo.example', 'secret').subscribe();
      http.expectOne('/api/auth/login').flush(aUser());
      http.expectOne('/api/me').flush(aMeResponse([], aUser({ locale: 'nl' })));

      expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('nl');
    });
  });

  describe('expire()', () => {
    it('runs when a signed-in request gets 401, and opens sign-in with a notice', async () => {
      const { session, http, harness, router } = await setup();
      await harness.navigateByUrl('/tasks?scope=claimable');
      session.signIn('claire@demo.example', 'secret').subscribe();
      http.expectOne('/api/auth/login').flush(aUser());
      http.expectOne('/api/me').flush(aMeResponse([{ action: 'read', subject: 'Task' }]));

      TestBed.inject(HttpClient)
        .get('/api/tasks/count')
        .subscribe({ error: () => undefined });
      http
        .expectOne('/api/tasks/count')
        .flush({ code: 'unauthenticated' }, { status: 401, statusText: 'Unauthorized' });
      await harness.fixture.whenStable();

      expect(session.isSignedIn()).toBeFalse();
      expect(TestBed.inject(AbilityStore).can('read', 'Task')).toBeFalse();
      expect(router.url).toBe('/sign-in?reason=expired&returnUrl=%2Ftasks%3Fscope%3Dclaimable');
    });

    it('leaves a failed login to the form', async () => {
      const { session, http, router } = await setup();
      let status = 0;

      session
        .signIn('claire@demo.example', 'wrong')
        .subscribe({ error: (error: { status: number }) => (status = error.status) });
      http
        .expectOne('/api/auth/login')
        .flush({ code: 'invalid_credentials' }, { status: 401, statusText: 'Unauthorized' });

      expect(status).toBe(401);
      expect(router.url).toBe('/');
    });
  });

  describe('signOut()', () => {
    it('ends the session even when the server does not answer', async () => {
      const { session, http, harness, router } = await setup();
      session.signIn('claire@demo.example', 'secret').subscribe();
      http.expectOne('/api/auth/login').flush(aUser());
      http.expectOne('/api/me').flush(aMeResponse([]));

      session.signOut().subscribe();
      http.expectOne('/api/auth/logout').error(new ProgressEvent('error'));
      await harness.fixture.whenStable();

      expect(session.isSignedIn()).toBeFalse();
      expect(router.url).toBe('/sign-in?reason=signed-out');
    });
  });
});

@Component({ selector: 'app-session-page', template: 'page' })
class BlankPage {}

async function setup() {
  TestBed.configureTestingModule({
    providers: provideTestEnvironment([
      { path: 'sign-in', component: BlankPage },
      { path: 'tasks', component: BlankPage },
    ]),
  });
  const harness = await RouterTestingHarness.create();
  return {
    session: TestBed.inject(SessionStore),
    http: TestBed.inject(HttpTestingController),
    harness,
    router: TestBed.inject(Router),
  };
}
