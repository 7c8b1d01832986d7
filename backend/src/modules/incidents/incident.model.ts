import type { JSONSchema, Modifiers, QueryBuilder, RelationMappings } from 'objection';
import { AppModel, belongsToOne, columnOf } from '../../platform/db/app.model';
import { User } from '../auth/user.model';
import { Stage } from '../stages/stage.model';

/** Statuses of an incident, as in the `incident_status` database type. */
export const INCIDENT_STATUSES = ['open', 'resolved'] as const;

/**
 * A failure that stopped a process instance, such as a service-task job out of attempts. The
 * runtime opens incidents and resolves them when an admin retries.
 */
export class Incident extends AppModel {
  static override tableName = 'incidents';

  declare id: number;
  declare instanceId: number;
  /** The service job that failed, null for other failures. */
  declare jobId: number | null;
  declare activityId: string;
  declare error: string;
  declare status: (typeof INCIDENT_STATUSES)[number];
  declare createdAt: Date;
  declare resolvedBy: number | null;
  declare resolvedAt: Date | null;

  /** The stage whose process instance failed, null for an instance without a stage. */
  declare stage?: Stage | null;
  declare resolver?: User | null;

  // A retry is the only write clients make: it resolves the incident.
  static override jsonSchema: JSONSchema = {
    type: 'object',
    properties: {
      status: { type: 'string', enum: [...INCIDENT_STATUSES] },
      resolvedBy: { type: ['integer', 'null'], minimum: 1 },
    },
  };

  static override modifiers: Modifiers<QueryBuilder<Incident>> = {
    /** Incidents no one has retried yet. */
    open: (query) => {
      query.where(columnOf(query, 'status'), 'open');
    },
  };

  static override relationMappings = (): RelationMappings => ({
    // A stage's process_instance_id is unique, so an instance has at most one stage.
    stage: belongsToOne(Stage, 'incidents.instance_id', 'stages.process_instance_id'),
    resolver: belongsToOne(User, 'incidents.resolved_by', 'users.id'),
  });
}
