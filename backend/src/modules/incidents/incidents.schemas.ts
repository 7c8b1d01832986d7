import { z } from 'zod';
import { emptyToUndefined, idSchema, pageQueryShape } from '../reference/list-query';

/** Statuses of an incident, as in the `incident_status` database type. */
export const INCIDENT_STATUSES = ['open', 'resolved'] as const;

/** Query of `GET /api/incidents`. */
export const incidentListQuerySchema = z.object({
  status: z.preprocess(
    emptyToUndefined,
    z
      .enum(INCIDENT_STATUSES, { error: `must be one of ${INCIDENT_STATUSES.join(', ')}` })
      .default('open'),
  ),
  ...pageQueryShape,
});

/** A parsed {@link incidentListQuerySchema}. */
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

/** Path parameters of `/api/incidents/:id/retry`. */
export const incidentParamsSchema = z.object({ id: idSchema });
