import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionStore } from '../../core/session/session-store';
import { aMeResponse, aStage, aUser } from '../../shared/testing/fixtures';
import { provideTestEnvironment } from '../../shared/testing/test-providers';
import { StageRequestPage } from './stage-request.page';

describe('StageRequestPage', () => {
  it('loads campuses for the chosen hospital, then its care units', async () => {
    const { page, http } = await setup();

    await page.choose('request-hospital', 'Cliniques Saint-Luc (Brussels)');
    const campuses = http.expectOne((req) => req.url === '/api/campuses');
    expect(campuses.request.params.get('hospitalId')).toBe('h1');
    campuses.flush({ items: [{ id: 'c1', hospitalId: 'h1', name: 'Woluwe' }] });

    await page.choose('request-campus', 'Woluwe');
    const units = http.expectOne((req) => req.url === '/api/care-units');

    expect(units.request.params.get('hospitalId')).toBe('h1');
    expect(units.request.params.get('campusId')).toBe('c1');
    units.flush({ items: [UNIT] });
    await page.choose('request-care-unit', /^Cardiology 2B/);

    expect(page.text('mat-hint')).toContain('Free places: 3');
  });

  it('keeps the campus closed until a hospital is chosen', async () => {
    const { page } = await setup();

    expect(await (await page.select('request-campus')).isDisabled()).toBeTrue();
  });

  it('shows client errors and sends nothing for an empty form', async () => {
    const { page, http } = await setup();

    await page.submit();

    http.expectNone('/api/stages');
    expect(page.errors()).toContain('This field is required.');
    expect(page.errors()).toContain('Enter a start date and an end date.');
  });

  it('sends the request and opens the stage page', async () => {
    const { page, http, router } = await setup();

    await page.fillValidForm(http);
    await page.submit();
    const request = http.expectOne('/api/stages');
    request.flush(aStage({ id: 'stage-42' }), { status: 201, statusText: 'Created' });
    await page.settle();

    expect(request.request.body).toEqual({
      careUnitId: 'u1',
      startDate: '2030-04-05',
      endDate: '2030-05-14',
      motivation: 'Cardiac care interests me.',
    });
    expect(router.url).toBe('/stages/stage-42');
  });

  it('puts server errors on their fields', async () => {
    const { page, http } = await setup();
    await page.fillValidForm(http);

    await page.submit();
    http.expectOne('/api/stages').flush(
      {
        code: 'validation_failed',
        errors: [
          { field: 'endDate', message: 'A stage lasts at most 26 weeks.' },
          { field: 'careUnitId', message: 'This unit has no free place in that period.' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await page.settle();

    expect(page.errors()).toContain('A stage lasts at most 26 weeks.');
    expect(page.errors()).toContain('This unit has no free place in that period.');
    expect(page.text('[data-testid="request-error"]')).toContain('The request was not sent.');
  });

  it('asks a school coordinator for the student first', async () => {
    const { page } = await setup(aUser({ roles: ['school_coordinator'], studentId: null }));

    expect(page.root().querySelector('[data-testid="request-student"]')).not.toBeNull();
  });

  it('lets a student request for themselves', async () => {
    const { page } = await setup(aUser({ roles: ['student'], studentId: 'student-1' }));

    expect(page.root().querySelector('[data-testid="request-student"]')).toBeNull();
  });
});

const UNIT = {
  id: 'u1',
  hospitalId: 'h1',
  campusId: 'c1',
  name: 'Cardiology 2B',
  department: 'Cardiology',
  section: 'B',
  freePlaces: 3,
};

@Component({ selector: 'app-stage-target', template: 'stage' })
class StageTarget {}

async function setup(user = aUser({ roles: ['student'], studentId: 'student-1' })) {
  TestBed.configureTestingModule({
    providers: provideTestEnvironment([
      { path: 'stages/new', component: StageRequestPage },
      { path: 'stages/:id', component: StageTarget },
    ]),
  });
  const http = TestBed.inject(HttpTestingController);
  TestBed.inject(SessionStore).signIn(user.email, 'secret').subscribe();
  http.expectOne('/api/auth/login').flush(user);
  http.expectOne('/api/me').flush(aMeResponse([{ action: 'create', subject: 'Stage' }], user));

  const harness = await RouterTestingHarness.create('/stages/new');
  http
    .expectOne((req) => req.url === '/api/institutions')
    .flush({
      items: [{ id: 'h1', kind: 'hospital', name: 'Cliniques Saint-Luc', city: 'Brussels' }],
    });
  await harness.fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(harness.fixture);
  const root = () => harness.routeNativeElement as HTMLElement;

  const page = {
    root,
    settle: () => harness.fixture.whenStable(),
    select: (testId: string) =>
      loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${testId}"]` })),
    async choose(testId: string, option: string | RegExp) {
      const select = await page.select(testId);
      await select.open();
      await select.clickOptions({ text: option });
    },
    type(testId: string, value: string) {
      const input = root().querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!input) throw new Error(`No field [data-testid="${testId}"] on the request page.`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
    },
    async fillValidForm(controller: HttpTestingController) {
      await page.choose('request-hospital', 'Cliniques Saint-Luc (Brussels)');
      controller
        .expectOne((req) => req.url === '/api/campuses')
        .flush({ items: [{ id: 'c1', hospitalId: 'h1', name: 'Woluwe' }] });
      await page.choose('request-campus', 'Woluwe');
      controller.expectOne((req) => req.url === '/api/care-units').flush({ items: [UNIT] });
      await page.choose('request-care-unit', /^Cardiology 2B/);
      page.type('request-start', '05/04/2030');
      page.type('request-end', '14/05/2030');
      page.type('request-motivation', '  Cardiac care interests me. ');
      await harness.fixture.whenStable();
    },
    async submit() {
      root().querySelector<HTMLButtonElement>('[data-testid="request-submit"]')?.click();
      await harness.fixture.whenStable();
    },
    errors: () =>
      Array.from(root().querySelectorAll('mat-error')).map(
        (error) => error.textContent?.trim() ?? '',
      ),
    text: (selector: string) => root().querySelector(selector)?.textContent?.trim() ?? '',
  };
  return { page, http, router: TestBed.inject(Router) };
}
