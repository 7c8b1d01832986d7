import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { aStage } from '../../shared/testing/fixtures';
import { provideTestEnvironment } from '../../shared/testing/test-providers';
import { StageApi } from './stage-api';

describe('StageApi', () => {
  describe('request()', () => {
    it('posts the request and returns the created stage', () => {
      const { api, http } = setup();
      let createdId: unknown = null;
      const body = {
        studentId: 's1',
        careUnitId: 'u1',
        startDate: '2027-04-05',
        endDate: '2027-05-14',
        motivation: 'Cardiac care',
      };

      api.request(body).subscribe((stage) => (createdId = stage.id));
      const request = http.expectOne('/api/stages');
      request.flush(aStage({ id: 'stage-9' }), { status: 201, statusText: 'Created' });

      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual(body);
      expect(createdId).toBe('stage-9');
    });
  });

  describe('list()', () => {
    it('sends the date window of the query', () => {
      const { api, http } = setup();

      api.list({ status: 'active', startFrom: '2027-04-01', startTo: '2027-04-08' }).subscribe();
      const request = http.expectOne((req) => req.url === '/api/stages');

      expect(request.request.params.get('startFrom')).toBe('2027-04-01');
      expect(request.request.params.get('startTo')).toBe('2027-04-08');
      expect(request.request.params.get('status')).toBe('active');
      request.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    });
  });
});

function setup() {
  TestBed.configureTestingModule({ providers: provideTestEnvironment() });
  return { api: TestBed.inject(StageApi), http: TestBed.inject(HttpTestingController) };
}
