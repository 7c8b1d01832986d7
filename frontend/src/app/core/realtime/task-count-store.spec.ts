import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { BehaviorSubject } from 'rxjs';
import { SessionStore } from '../session/session-store';
import { aMeResponse, aUser } from '../../shared/testing/fixtures';
import { provideTestEnvironment } from '../../shared/testing/test-providers';
import { PAGE_VISIBLE } from './page-visibility';
import { POLL_INTERVAL } from './polling';
import { TaskCountStore } from './task-count-store';

describe('TaskCountStore', () => {
  it('counts the open tasks of a user who may read tasks', async () => {
    const { store, http, signIn } = setup();

    await signIn([{ action: 'read', subject: 'Task' }]);
    http.expectOne('/api/tasks/count').flush({ open: 4 });

    expect(store.count()).toBe(4);
  });

  it('asks nothing for a user who may not read tasks', async () => {
    const { store, http, signIn } = setup();

    await signIn([{ action: 'read', subject: 'Stage' }]);

    http.expectNone('/api/tasks/count');
    expect(store.count()).toBeNull();
  });

  it('reloads on refresh()', async () => {
    const { store, http, signIn } = setup();
    await signIn([{ action: 'read', subject: 'Task' }]);
    http.expectOne('/api/tasks/count').flush({ open: 4 });

    store.refresh();
    http.expectOne('/api/tasks/count').flush({ open: 3 });

    expect(store.count()).toBe(3);
  });

  it('keeps quiet while the page is hidden', async () => {
    const { http, signIn, visible } = setup();
    visible.next(false);

    await signIn([{ action: 'read', subject: 'Task' }]);

    http.expectNone('/api/tasks/count');
  });
});

function setup() {
  const visible = new BehaviorSubject(true);
  TestBed.configureTestingModule({
    providers: [
      ...provideTestEnvironment(),
      { provide: PAGE_VISIBLE, useValue: visible },
      { provide: POLL_INTERVAL, useValue: 3_600_000 },
    ],
  });
  const store = TestBed.inject(TaskCountStore);
  const http = TestBed.inject(HttpTestingController);
  const signIn = async (rules: Parameters<typeof aMeResponse>[0]) => {
    TestBed.inject(SessionStore).signIn('claire@demo.example', 'secret').subscribe();
    http.expectOne('/api/auth/login').flush(aUser());
    http.expectOne('/api/me').flush(aMeResponse(rules));
    // toObservable() emits during change detection, which TestBed runs on tick().
    TestBed.tick();
    await Promise.resolve();
  };
  return { store, http, signIn, visible };
}
