import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { provideTestEnvironment } from '../../shared/testing/test-providers';
import { DirectoryApi } from './directory-api';

describe('DirectoryApi', () => {
  describe('careUnits()', () => {
    it('filters by hospital and campus and returns the items', () => {
      const { api, http } = setup();
      let names: string[] = [];

      api
        .careUnits({ hospitalId: 'h1', campusId: 'c1' })
        .subscribe((units) => (names = units.map((unit) => unit.name)));
      const request = http.expectOne((req) => req.url === '/api/care-units');
      request.flush({
        items: [
          {
            id: 'u1',
            hospitalId: 'h1',
            campusId: 'c1',
            name: 'Geriatrics',
            department: 'Medicine',
            section: 'A',
            freePlaces: 2,
          },
        ],
      });

      expect(request.request.params.get('hospitalId')).toBe('h1');
      expect(request.request.params.get('campusId')).toBe('c1');
      expect(names).toEqual(['Geriatrics']);
    });
  });

  describe('institutions()', () => {
    it('asks for one kind', () => {
      const { api, http } = setup();

      api.institutions('school').subscribe();
      const request = http.expectOne((req) => req.url === '/api/institutions');

      expect(request.request.params.get('kind')).toBe('school');
      request.flush({ items: [] });
    });
  });

  describe('students()', () => {
    it('searches by text and page', () => {
      const { api, http } = setup();

      api.students('peet', 2).subscribe();
      const request = http.expectOne((req) => req.url === '/api/students');

      expect(request.request.params.get('q')).toBe('peet');
      expect(request.request.params.get('page')).toBe('2');
      request.flush({ items: [], total: 0 });
      http.verify();
    });
  });
});

function setup() {
  TestBed.configureTestingModule({ providers: provideTestEnvironment() });
  return { api: TestBed.inject(DirectoryApi), http: TestBed.inject(HttpTestingController) };
}
