import { z } from 'zod';
import {
  calendarDaySchema,
  emptyToUndefined,
  idSchema,
  optionalDaySchema,
  optionalIdSchema,
  pageQueryShape,
  searchTextSchema,
} from '../reference/list-query';

/** Maximum length of a stage in days: 26 weeks, counting both the first and the last day. */
export const MAX_STAGE_DAYS = 26 * 7;

/** Statuses of a stage, as in the `stage_status` database type. */
export const STAGE_STATUSES = ['active', 'refused', 'completed', 'cancelled'] as const;

/** Sort orders of `GET /api/stages`; a leading `-` sorts descending. */
export const STAGE_SORTS = ['startDate', '-startDate', 'createdAt', '-createdAt'] as const;

/** One of {@link STAGE_SORTS}. */
export type StageSort = (typeof STAGE_SORTS)[number];

/** Body of `POST /api/stages`. */
export const stageRequestSchema = z
  .object({
    /** Defaults to the signed-in student; required for a school coordinator. */
    studentId: idSchema.optional(),
    careUnitId: idSchema,
    startDate: calendarDaySchema,
    endDate: calendarDaySchema,
    motivation: z
      .string({ error: 'must be text' })
      .trim()
      .max(4000, { error: 'must be at most 4000 characters' })
      .optional(),
  })
  .superRefine((request, context) => {
    const days = stageLengthInDays(request.startDate, request.endDate);
    if (days < 1) {
      context.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: `must be on or after startDate (${request.startDate})`,
      });
    } else if (days > MAX_STAGE_DAYS) {
      context.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: `makes the stage ${days} days long; the maximum is ${MAX_STAGE_DAYS} (26 weeks)`,
      });
    }
  });

/** A parsed {@link stageRequestSchema}. */
export type StageRequest = z.infer<typeof stageRequestSchema>;

/** Query of `GET /api/stages`. */
export const stageListQuerySchema = z.object({
  phase: z.preprocess(emptyToUndefined, z.string().max(50).optional()),
  status: z.preprocess(
    emptyToUndefined,
    z.enum(STAGE_STATUSES, { error: `must be one of ${STAGE_STATUSES.join(', ')}` }).optional(),
  ),
  careUnitId: optionalIdSchema,
  schoolId: optionalIdSchema,
  hospitalId: optionalIdSchema,
  studentId: optionalIdSchema,
  q: searchTextSchema,
  /** Earliest start date, inclusive. */
  startFrom: optionalDaySchema,
  /** Latest start date, inclusive. */
  startTo: optionalDaySchema,
  sort: z.preprocess(
    emptyToUndefined,
    z
      .enum(STAGE_SORTS, { error: `must be one of ${STAGE_SORTS.join(', ')}` })
      .default('-createdAt'),
  ),
  ...pageQueryShape,
});

/** A parsed {@link stageListQuerySchema}. */
export type StageListQuery = z.infer<typeof stageListQuerySchema>;

/** Path parameters of `/api/stages/:id`. */
export const stageParamsSchema = z.object({ id: idSchema });

/**
 * Returns how many calendar days the period covers, both ends included: 1 when the stage starts
 * and ends on the same day, 0 or less when it ends before it starts. Both days are valid
 * `YYYY-MM-DD` strings, which `Date.parse` reads as UTC midnight.
 */
export function stageLengthInDays(startDate: string, endDate: string): number {
  const millisecondsPerDay = 86_400_000;
  return (Date.parse(endDate) - Date.parse(startDate)) / millisecondsPerDay + 1;
}
