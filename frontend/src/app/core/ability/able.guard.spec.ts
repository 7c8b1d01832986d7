import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { aMeResponse } from '../../shared/testing/fixtures';
import { provideTestEnvironment } from '../../shared/testing/test-providers';
import { ableGuard } from './able.guard';

describe('ableGuard', () => {
  it('sends a visitor without a session to sign in, keeping the URL', async () => {
    const { http, harness, router } = await setup();

    const navigation = harness.navigateByUrl('/tasks?scope=claimable');
    (await requested(http, '/api/me')).flush(
      { code: 'unauthenticated' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await navigation;

    expect(router.url).toBe('/sign-in?returnUrl=%2Ftasks%3Fscope%3Dclaimable');
  });

  it('opens a page the rules allow', async () => {
    const { http, harness, router } = await setup();

    const navigation = harness.navigateByUrl('/tasks');
    (await requested(http, '/api/me')).flush(aMeResponse([{ action: 'read', subject: 'Task' }]));
    await navigation;

    expect(router.url).toBe('/tasks');
  });

  it('sends a user without the permission home', async () => {
    const { http, harness, router } = await setup();

    const navigation = harness.navigateByUrl('/tasks');
    (await requested(http, '/api/me')).flush(aMeResponse([{ action: 'read', subject: 'Stage' }]));
    await navigation;

    expect(router.url).toBe('/home?denied=%2Ftasks');
  });

  it('loads the session only once', async () => {
    const { http, harness } = await setup();

    const first = harness.navigateByUrl('/home');
    (await requested(http, '/api/me')).flush(aMeResponse([{ action: 'read', subject: 'Task' }]));
    await first;
    await harness.navigateByUrl('/tasks');

    http.expectNone('/api/me');
  });
});

@Component({ selector: 'app-guarded-page', template: 'page' })
class BlankPage {}

// The guard starts its request after the router has begun the navigation.
async function requested(http: HttpTestingController, url: string) {
  await new Promise((resolve) => setTimeout(resolve));
  return http.expectOne(url);
}

async function setup() {
  TestBed.configureTestingModule({
    providers: provideTestEnvironment([
      { path: 'sign-in', component: BlankPage },
      { path: 'home', component: BlankPage, canActivate: [ableGuard] },
      {
        path: 'tasks',
        component: BlankPage,
        canActivate: [ableGuard],
        data: { able: { action: 'read', subject: 'Task' } },
      },
    ]),
  });
  const harness = await RouterTestingHarness.create();
  return { harness, http: TestBed.inject(HttpTestingController), router: TestBed.inject(Router) };
}
