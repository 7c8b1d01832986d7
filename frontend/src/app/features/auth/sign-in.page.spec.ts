import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aMeResponse, aUser } from '../../shared/testing/fixtures';
import { provideTestEnvironment } from '../../shared/testing/test-providers';
import { SignInPage } from './sign-in.page';

describe('SignInPage', () => {
  it('explains wrong credentials on 401', async () => {
    const { page, http } = await setup('/sign-in');

    await page.signIn('claire@demo.example', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush({ code: 'invalid_credentials' }, { status: 401, statusText: 'Unauthorized' });
    await page.settle();

    expect(page.text('[data-testid="sign-in-error"]')).toBe(
      'The email or the password is incorrect.',
    );
  });

  it('gives the end of a lockout on 423', async () => {
    const { page, http } = await setup('/sign-in');

    await page.signIn('claire@demo.example', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush(
        { code: 'account_locked', lockedUntil: '2027-03-01T10:15:00' },
        { status: 423, statusText: 'Locked' },
      );
    await page.settle();

    expect(page.text('[data-testid="sign-in-error"]')).toContain(
      'Try again after 01/03/2027, 10:15.',
    );
  });

  it('shows a notice after the session expired', async () => {
    const { page } = await setup('/sign-in?reason=expired');

    expect(page.text('[data-testid="sign-in-notice"]')).toBe(
      'Your session has expired. Sign in again to continue.',
    );
  });

  it('opens the requested page after signing in', async () => {
    const { page, http, router } = await setup('/sign-in?returnUrl=%2Ftasks');

    await page.signIn('claire@demo.example', 'secret');
    http.expectOne('/api/auth/login').flush(aUser());
    http.expectOne('/api/me').flush(aMeResponse([]));
    await page.settle();

    expect(router.url).toBe('/tasks');
  });

  it('sends nothing while the email is invalid', async () => {
    const { page, http } = await setup('/sign-in');

    await page.signIn('not-an-email', 'secret');

    http.expectNone('/api/auth/login');
    expect(page.text('mat-error')).toBe('Enter an email address such as name@example.org.');
  });
});

@Component({ selector: 'app-target-page', template: 'target' })
class TargetPage {}

async function setup(url: string) {
  TestBed.configureTestingModule({
    providers: provideTestEnvironment([
      { path: 'sign-in', component: SignInPage },
      { path: 'tasks', component: TargetPage },
      { path: 'home', component: TargetPage },
    ]),
  });
  const harness = await RouterTestingHarness.create(url);
  const root = harness.routeNativeElement as HTMLElement;
  const page = {
    async signIn(email: string, password: string) {
      type(root, 'input[type="email"]', email);
      type(root, 'input[type="password"]', password);
      root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await harness.fixture.whenStable();
    },
    settle: () => harness.fixture.whenStable(),
    text: (selector: string) => root.querySelector(selector)?.textContent?.trim() ?? '',
  };
  return { page, http: TestBed.inject(HttpTestingController), router: TestBed.inject(Router) };
}

function type(root: HTMLElement, selector: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`No input matches ${selector} on the sign-in page.`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
