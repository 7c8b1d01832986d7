import { z } from 'zod';
import {
  emptyToUndefined,
  idSchema,
  optionalDaySchema,
  optionalIdSchema,
  pageQueryShape,
  searchTextSchema,
} from '../reference/list-query';

/** Inbox scopes of `GET /api/tasks`, described at {@link taskListQuerySchema}. */
export const TASK_SCOPES = ['mine', 'claimable', 'all'] as const;

/** Sort orders of `GET /api/tasks`; tasks without a due date come last by due date. */
export const TASK_SORTS = ['dueAt', '-dueAt', 'createdAt', '-createdAt'] as const;

/** Statuses of a task, as in the `task_status` database type. */
export const TASK_STATUSES = ['open', 'completed', 'cancelled'] as const;

/** One of {@link TASK_SCOPES}. */
export type TaskScope = (typeof TASK_SCOPES)[number];

/** One of {@link TASK_SORTS}. */
export type TaskSort = (typeof TASK_SORTS)[number];

/**
 * Query of `GET /api/tasks`. `scope`: `mine` (assigned to the user), `claimable` (unassigned
 * and claimable by the user) or `all` (both, the default). `dueBefore` keeps tasks due on or
 * before that day (UTC); `overdue=true` keeps tasks whose due time has passed.
 */
export const taskListQuerySchema = z.object({
  scope: z.preprocess(
    emptyToUndefined,
    z.enum(TASK_SCOPES, { error: `must be one of ${TASK_SCOPES.join(', ')}` }).default('all'),
  ),
  status: z.preprocess(
    emptyToUndefined,
    z.enum(TASK_STATUSES, { error: `must be one of ${TASK_STATUSES.join(', ')}` }).default('open'),
  ),
  phase: z.preprocess(emptyToUndefined, z.string().max(50).optional()),
  careUnitId: optionalIdSchema,
  hospitalId: optionalIdSchema,
  schoolId: optionalIdSchema,
  programmeId: optionalIdSchema,
  stageId: optionalIdSchema,
  dueBefore: optionalDaySchema,
  overdue: z.preprocess(
    emptyToUndefined,
    z.stringbool({ error: 'must be true or false' }).optional(),
  ),
  q: searchTextSchema,
  sort: z.preprocess(
    emptyToUndefined,
    z.enum(TASK_SORTS, { error: `must be one of ${TASK_SORTS.join(', ')}` }).default('dueAt'),
  ),
  ...pageQueryShape,
});

/** A parsed {@link taskListQuerySchema}. */
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

/** Path parameters of `/api/tasks/:id/...`. */
export const taskParamsSchema = z.object({ id: idSchema });

/** Body of `POST /api/tasks/:id/complete`: the form values, keyed by field name. */
export const taskCompletionSchema = z.object({
  values: z.record(z.string(), z.unknown(), { error: 'must be an object of form values' }),
});

/** A parsed {@link taskCompletionSchema}. */
export type TaskCompletionRequest = z.infer<typeof taskCompletionSchema>;
