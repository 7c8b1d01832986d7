import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import type { Campus, CareUnit, Id, Institution, Programme, Student } from './api-models';
import { toHttpParams } from './query-params';

interface ItemsResponse<T> {
  items: T[];
}

/** Filters of `GET /api/care-units`. */
export interface CareUnitQuery {
  hospitalId?: Id | null;
  campusId?: Id | null;
}

/** Reads the reference data: institutions, campuses, care units, programmes and students. */
@Injectable({ providedIn: 'root' })
export class DirectoryApi {
  private readonly http = inject(HttpClient);

  /** Lists hospitals or schools. */
  institutions(kind: Institution['kind']): Observable<Institution[]> {
    return this.items<Institution>('/api/institutions', { kind });
  }

  /** Lists the campuses of a hospital. */
  campuses(hospitalId: Id): Observable<Campus[]> {
    return this.items<Campus>('/api/campuses', { hospitalId });
  }

  /** Lists care units, optionally of one hospital or campus. */
  careUnits(query: CareUnitQuery = {}): Observable<CareUnit[]> {
    return this.items<CareUnit>('/api/care-units', { ...query });
  }

  /** Lists programmes, optionally of one school. */
  programmes(schoolId?: Id | null): Observable<Programme[]> {
    return this.items<Programme>('/api/programmes', { schoolId });
  }

  /** Searches the students a school coordinator manages. */
  students(q: string, page = 1): Observable<{ items: Student[]; total: number }> {
    return this.http.get<{ items: Student[]; total: number }>('/api/students', {
      params: toHttpParams({ q, page }),
    });
  }

  private items<T>(url: string, query: Record<string, Id | null | undefined>): Observable<T[]> {
    return this.http
      .get<ItemsResponse<T>>(url, { params: toHttpParams(query) })
      .pipe(map((body) => body.items));
  }
}
