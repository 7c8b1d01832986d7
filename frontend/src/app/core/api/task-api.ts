import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import type { Id, Page, Phase, Task } from './api-models';
import { toHttpParams } from './query-params';

/** Which tasks to list: assigned to me, claimable by my roles, or all (administrators). */
export type TaskScope = 'mine' | 'claimable' | 'all';

/** Sort orders of the task list. */
export type TaskSort = 'dueAt' | '-dueAt' | 'createdAt';

/** Filters, sorting and paging of `GET /api/tasks`. */
export interface TaskQuery {
  scope: TaskScope;
  phase?: Phase | null;
  careUnitId?: Id | null;
  schoolId?: Id | null;
  programmeId?: Id | null;
  /** Calendar date, `YYYY-MM-DD`. */
  dueBefore?: string | null;
  overdue?: boolean;
  q?: string | null;
  sort?: TaskSort;
  page?: number;
  pageSize?: number;
}

/** Values entered in a task form, keyed by field name. */
export type TaskValues = Record<string, string | number | boolean | null>;

/** Lists, claims and completes user tasks. */
@Injectable({ providedIn: 'root' })
export class TaskApi {
  private readonly http = inject(HttpClient);

  /** Lists tasks matching `query`. */
  list(query: TaskQuery): Observable<Page<Task>> {
    return this.http.get<Page<Task>>('/api/tasks', { params: toHttpParams({ ...query }) });
  }

  /** Counts the open tasks assigned to the user or claimable by them. */
  countOpen(): Observable<number> {
    return this.http.get<{ open: number }>('/api/tasks/count').pipe(map((body) => body.open));
  }

  /** Loads one task the user may read. */
  get(id: Id): Observable<Task> {
    return this.http.get<Task>(`/api/tasks/${encodeURIComponent(id)}`);
  }

  /** Assigns the task to the user. */
  claim(id: Id): Observable<Task> {
    return this.http.post<Task>(`/api/tasks/${encodeURIComponent(id)}/claim`, null);
  }

  /** Gives the task back to its candidates. */
  unclaim(id: Id): Observable<Task> {
    return this.http.post<Task>(`/api/tasks/${encodeURIComponent(id)}/unclaim`, null);
  }

  /**
   * Completes the task with the form values. Fails with 400 `validation_failed` (errors on
   * `values.<field>`) or 409 when someone else completed it first.
   */
  complete(id: Id, values: TaskValues): Observable<unknown> {
    return this.http.post(`/api/tasks/${encodeURIComponent(id)}/complete`, { values });
  }
}
