import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { provideTestEnvironment } from '../../shared/testing/test-providers';
import { aTask } from '../../shared/testing/fixtures';
import { TaskApi } from './task-api';

describe('TaskApi', () => {
  describe('list()', () => {
    it('sends the filters that are set and leaves the others out', () => {
      const { api, http } = setup();
      let total = -1;

      api
        .list({
          scope: 'claimable',
          phase: 'acceptance',
          careUnitId: null,
          overdue: true,
          q: 'Lina',
          sort: '-dueAt',
          page: 2,
          pageSize: 20,
        })
        .subscribe((page) => (total = page.total));
      const request = http.expectOne((req) => req.url === '/api/tasks');
      request.flush({ items: [aTask()], total: 21, page: 2, pageSize: 20 });

      expect(request.request.params.keys().sort()).toEqual([
        'overdue',
        'page',
        'pageSize',
        'phase',
        'q',
        'scope',
        'sort',
      ]);
      expect(request.request.params.get('scope')).toBe('claimable');
      expect(request.request.params.get('overdue')).toBe('true');
      expect(request.request.params.get('sort')).toBe('-dueAt');
      expect(total).toBe(21);
      http.verify();
    });
  });

  describe('countOpen()', () => {
    it('returns the open count', () => {
      const { api, http } = setup();
      let open = -1;

      api.countOpen().subscribe((count) => (open = count));
      http.expectOne('/api/tasks/count').flush({ open: 7 });

      expect(open).toBe(7);
    });
  });

  describe('claim()', () => {
    it('posts to the claim endpoint of the task', () => {
      const { api, http } = setup();

      api.claim('task/1').subscribe();
      const request = http.expectOne('/api/tasks/task%2F1/claim');

      expect(request.request.method).toBe('POST');
      request.flush(aTask());
    });
  });

  describe('complete()', () => {
    it('posts the values under `values`', () => {
      const { api, http } = setup();

      api.complete('task-1', { decision: 'accept', reason: null }).subscribe();
      const request = http.expectOne('/api/tasks/task-1/complete');

      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ values: { decision: 'accept', reason: null } });
      request.flush({});
    });
  });
});

function setup() {
  TestBed.configureTestingModule({ providers: provideTestEnvironment() });
  return { api: TestBed.inject(TaskApi), http: TestBed.inject(HttpTestingController) };
}
