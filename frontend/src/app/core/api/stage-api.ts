import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Observable } from 'rxjs';
import type { Id, Page, Phase, Stage, StageDetail, StageStatus } from './api-models';
import { toHttpParams } from './query-params';

/** Body of `POST /api/stages`. */
export interface StageRequest {
  /** Required for school coordinators; students request for themselves. */
  studentId?: Id;
  careUnitId: Id;
  startDate: string;
  endDate: string;
  motivation: string;
}

/** Filters, sorting and paging of `GET /api/stages`. */
export interface StageQuery {
  phase?: Phase | null;
  status?: StageStatus | null;
  careUnitId?: Id | null;
  schoolId?: Id | null;
  q?: string | null;
  /** Earliest start date, `YYYY-MM-DD`. */
  startFrom?: string | null;
  /** Latest start date, `YYYY-MM-DD`. */
  startTo?: string | null;
  page?: number;
  pageSize?: number;
  sort?: 'startDate' | '-startDate';
}

/** Creates and reads stages. */
@Injectable({ providedIn: 'root' })
export class StageApi {
  private readonly http = inject(HttpClient);

  /** Lists the stages the user may read. */
  list(query: StageQuery = {}): Observable<Page<Stage>> {
    return this.http.get<Page<Stage>>('/api/stages', { params: toHttpParams({ ...query }) });
  }

  /** Loads one stage with its history, open tasks and participants. */
  get(id: Id): Observable<StageDetail> {
    return this.http.get<StageDetail>(`/api/stages/${encodeURIComponent(id)}`);
  }

  /** Requests a stage; the server starts its process. */
  request(body: StageRequest): Observable<Stage> {
    return this.http.post<Stage>('/api/stages', body);
  }
}
