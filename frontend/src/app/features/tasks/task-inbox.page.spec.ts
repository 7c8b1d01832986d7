import { TestBed } from '@angular/core/testing';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { BehaviorSubject } from 'rxjs';
import { AbilityStore } from '../../core/ability/ability-store';
import type { Task } from '../../core/api/api-models';
import { PAGE_VISIBLE } from '../../core/realtime/page-visibility';
import { POLL_INTERVAL } from '../../core/realtime/polling';
import { aTask } from '../../shared/testing/fixtures';
import { provideTestEnvironment } from '../../shared/testing/test-providers';
import { TaskInboxPage } from './task-inbox.page';

describe('TaskInboxPage', () => {
  it('lists the tasks assigned to me', async () => {
    const { inbox } = await setup();

    const request = await inbox.expectList();
    request.flush(page([aTask({ assignee: { id: 'user-1', name: 'Claire' } })]));
    await inbox.settle();

    expect(request.request.params.get('scope')).toBe('mine');
    expect(inbox.rows().length).toBe(1);
    expect(inbox.rows()[0].textContent).toContain('Review the stage request');
    expect(inbox.rows()[0].textContent).toContain('Lina Peeters');
  });

  it('shows an empty state', async () => {
    const { inbox } = await setup();

    (await inbox.expectList()).flush(page([]));
    await inbox.settle();

    expect(inbox.text('[data-testid="inbox-empty"]')).toContain('No task is assigned to you.');
  });

  it('shows an error with a retry that reloads', async () => {
    const { inbox } = await setup();
    (await inbox.expectList()).flush(
      { code: 'internal_error' },
      { status: 500, statusText: 'Server Error' },
    );
    await inbox.settle();

    expect(inbox.text('app-state-panel[data-kind="error"]')).toContain(
      'The tasks could not be loaded.',
    );

    inbox.click('app-state-panel[data-kind="error"] button');
    (await inbox.expectList()).flush(page([aTask()]));
    await inbox.settle();

    expect(inbox.rows().length).toBe(1);
  });

  it('claims a task and reloads the list', async () => {
    const { inbox, http } = await setup('/tasks?scope=claimable');
    (await inbox.expectList()).flush(page([aTask()]));
    await inbox.settle();

    inbox.click('[data-testid="claim"]');
    const claim = http.expectOne('/api/tasks/task-1/claim');
    claim.flush(aTask({ assignee: { id: 'user-1', name: 'Claire' } }));
    const reload = await inbox.expectList();

    expect(claim.request.method).toBe('POST');
    expect(reload.request.params.get('scope')).toBe('claimable');
    reload.flush(page([]));
  });

  it('sends the filters of the URL to the server', async () => {
    const { inbox } = await setup(
      '/tasks?phase=preparation&overdue=true&q=Lina&sort=-dueAt&page=2',
    );

    const request = await inbox.expectList();

    expect(request.request.params.get('phase')).toBe('preparation');
    expect(request.request.params.get('overdue')).toBe('true');
    expect(request.request.params.get('q')).toBe('Lina');
    expect(request.request.params.get('sort')).toBe('-dueAt');
    expect(request.request.params.get('page')).toBe('2');
    request.flush(page([]));
  });

  it('moves to the claimable tab through the URL', async () => {
    const { inbox, router } = await setup();
    (await inbox.expectList()).flush(page([]));
    await inbox.settle();

    inbox.click('[data-testid="tab-claimable"]');
    const request = await inbox.expectList();

    expect(router.url).toBe('/tasks?scope=claimable');
    expect(request.request.params.get('scope')).toBe('claimable');
    request.flush(page([]));
  });

  it('loads nothing while the page is hidden, and reloads when it shows again', async () => {
    const { inbox, http, visible } = await setup('/tasks', false);
    await inbox.settle();

    expect(http.match(isTaskList).length).toBe(0);

    visible.next(true);
    (await inbox.expectList()).flush(page([aTask()]));
    await inbox.settle();

    expect(inbox.rows().length).toBe(1);
  });
});

function page(items: Task[]) {
  return { items, total: items.length, page: 1, pageSize: 20 };
}

function isTaskList(request: { url: string }): boolean {
  return request.url === '/api/tasks';
}

async function setup(url = '/tasks', isVisible = true) {
  const visible = new BehaviorSubject(isVisible);
  TestBed.configureTestingModule({
    providers: [
      ...provideTestEnvironment([{ path: 'tasks', component: TaskInboxPage }]),
      { provide: PAGE_VISIBLE, useValue: visible },
      // One hour: no timer fires during a spec, so every load comes from the spec's actions.
      { provide: POLL_INTERVAL, useValue: 3_600_000 },
    ],
  });
  TestBed.inject(AbilityStore).update([
    { action: 'read', subject: 'Task' },
    { action: 'claim', subject: 'Task' },
  ]);
  const http = TestBed.inject(HttpTestingController);
  const harness = await RouterTestingHarness.create(url);
  const root = () => harness.routeNativeElement as HTMLElement;
  const inbox = {
    async expectList(): Promise<TestRequest> {
      await harness.fixture.whenStable();
      flushFilterChoices(http);
      return http.expectOne(isTaskList);
    },
    settle: () => harness.fixture.whenStable(),
    rows: () => Array.from(root().querySelectorAll('[data-testid="task-row"]')),
    text: (selector: string) => root().querySelector(selector)?.textContent?.trim() ?? '',
    click: (selector: string) => {
      const element = root().querySelector<HTMLElement>(selector);
      if (!element) throw new Error(`Nothing matches ${selector} in the inbox.`);
      element.click();
    },
  };
  return { inbox, http, visible, router: TestBed.inject(Router) };
}

// The filter lists load once per page; they are not under test here.
function flushFilterChoices(http: HttpTestingController): void {
  for (const url of ['/api/care-units', '/api/institutions', '/api/programmes']) {
    for (const request of http.match((req) => req.url === url)) request.flush({ items: [] });
  }
}
