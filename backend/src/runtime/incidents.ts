import type { Knex } from 'knex';
import { ConflictError, NotFoundError } from '../platform/errors/app-errors';
import { createLogger } from '../platform/logging/logger';
import type { CommandActor } from './process-runtime';

const log = createLogger('engine:incidents');

/** The failure an incident records and the activity where it happened. */
export interface IncidentInput {
  instanceId: number;
  activityId: string;
  error: string;
  jobId?: number | null;
}

/** Opens an incident and marks its instance, so coordinators and admins can see it. */
export async function openIncident(trx: Knex.Transaction, input: IncidentInput): Promise<number> {
  const [row] = (await trx('incidents')
    .insert({
      instance_id: input.instanceId,
      activity_id: input.activityId,
      job_id: input.jobId ?? null,
      error: input.error,
    })
    .returning('id')) as { id: number }[];

  await trx('process_instances')
    .where({ id: input.instanceId })
    .whereIn('status', ['running', 'incident'])
    .update({ status: 'incident', updated_at: trx.fn.now() });
  await trx('process_history').insert({
    instance_id: input.instanceId,
    stage_id: trx('stages').select('id').where({ process_instance_id: input.instanceId }),
    type: 'incident.opened',
    activity_id: input.activityId,
    data: JSON.stringify({ incidentId: row.id, error: input.error }),
  });

  log.error({ ...input, incidentId: row.id }, 'incident opened');
  return row.id;
}

/**
 * Resolves an open incident: its job goes back to the queue with a fresh attempt count, and the
 * instance runs again once no other incident is open on it.
 */
export async function retryIncident(
  knex: Knex,
  incidentId: number,
  actor: CommandActor,
): Promise<void> {
  await knex.transaction(async (trx) => {
    const incident = (await trx('incidents').where({ id: incidentId }).forUpdate().first()) as
      | {
          id: number;
          instance_id: number;
          job_id: number | null;
          status: string;
          activity_id: string;
        }
      | undefined;
    if (!incident) throw new NotFoundError('Incident', incidentId);
    if (incident.status !== 'open') {
      throw new ConflictError(`Incident ${incidentId} is already resolved.`, { incidentId });
    }

    if (incident.job_id !== null) {
      await trx('service_jobs')
        .where({ id: incident.job_id, status: 'incident' })
        .update({ status: 'pending', attempts: 0, run_after: trx.fn.now(), started_at: null });
    }
    await trx('incidents')
      .where({ id: incidentId })
      .update({ status: 'resolved', resolved_by: actor.userId, resolved_at: trx.fn.now() });
    await reopenInstanceIfClear(trx, incident.instance_id);
    await trx('process_history').insert({
      instance_id: incident.instance_id,
      stage_id: trx('stages').select('id').where({ process_instance_id: incident.instance_id }),
      type: 'incident.retried',
      activity_id: incident.activity_id,
      actor_id: actor.userId,
      data: JSON.stringify({ incidentId }),
    });
  });
  log.info({ incidentId, actorId: actor.userId }, 'incident retried');
}

async function reopenInstanceIfClear(trx: Knex.Transaction, instanceId: number): Promise<void> {
  const open = await trx('incidents')
    .where({ instance_id: instanceId, status: 'open' })
    .count({ count: '*' })
    .first();
  if (Number(open?.count) > 0) return;

  await trx('process_instances')
    .where({ id: instanceId, status: 'incident' })
    .update({ status: 'running', updated_at: trx.fn.now() });
}
