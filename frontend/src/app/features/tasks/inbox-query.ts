import type { ParamMap, Params } from '@angular/router';
import { type Phase, PHASES } from '../../core/api/api-models';
import type { TaskQuery, TaskScope, TaskSort } from '../../core/api/task-api';

/** Page sizes the inbox offers. */
export const PAGE_SIZES = [10, 20, 50] as const;

/** Sort orders the inbox offers, with their translation keys. */
export const TASK_SORTS: readonly TaskSort[] = ['dueAt', '-dueAt', 'createdAt'];

const SCOPES: readonly TaskScope[] = ['mine', 'claimable', 'all'];
const DEFAULT_PAGE_SIZE = 20;

/** The inbox's filters when the URL names none: my tasks, soonest due first. */
export const DEFAULT_INBOX_QUERY: TaskQuery = {
  scope: 'mine',
  sort: 'dueAt',
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

/**
 * Reads the inbox query from the URL's query parameters, so that filters survive a reload and
 * can be shared. Unknown or malformed values fall back to the defaults.
 */
export function parseInboxQuery(params: ParamMap): TaskQuery {
  return {
    scope: pick(params.get('scope'), SCOPES) ?? DEFAULT_INBOX_QUERY.scope,
    phase: pick(params.get('phase'), PHASES) as Phase | null,
    careUnitId: params.get('careUnitId'),
    schoolId: params.get('schoolId'),
    programmeId: params.get('programmeId'),
    dueBefore: /^\d{4}-\d{2}-\d{2}$/.test(params.get('dueBefore') ?? '')
      ? params.get('dueBefore')
      : null,
    overdue: params.get('overdue') === 'true',
    q: params.get('q')?.trim() || null,
    sort: pick(params.get('sort'), TASK_SORTS) ?? DEFAULT_INBOX_QUERY.sort,
    page: positiveInteger(params.get('page')) ?? 1,
    pageSize: pick(Number(params.get('pageSize')), PAGE_SIZES) ?? DEFAULT_PAGE_SIZE,
  };
}

/**
 * Writes `changes` as query parameters to merge into the URL: defaults and empty values become
 * null, which removes them. Any filter change returns to the first page.
 */
export function toInboxParams(changes: Partial<TaskQuery>): Params {
  const params: Params = {};
  for (const [key, value] of Object.entries(changes)) {
    const isDefault = DEFAULT_INBOX_QUERY[key as keyof TaskQuery] === value;
    params[key] =
      value === '' || value === false || value === undefined || isDefault ? null : value;
  }
  if (!('page' in changes)) params['page'] = null;
  return params;
}

function pick<T extends string | number>(value: unknown, allowed: readonly T[]): T | null {
  return allowed.includes(value as T) ? (value as T) : null;
}

function positiveInteger(value: string | null): number | null {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : null;
}
