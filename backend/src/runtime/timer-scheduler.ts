import type { Knex } from 'knex';
import { createLogger } from '../platform/logging/logger';
import { runInstanceCommand } from './instance-command';
import { InstanceBusyError } from './runtime.errors';

const log = createLogger('engine:timers');

interface TimerRow {
  id: number;
  instance_id: number;
  activity_id: string;
  execution_id: string;
  kind: 'bpmn_timer' | 'task_due';
  due_at: Date;
  attempts: number;
}

// A timer the engine did not take as due (clocks a few ms apart) is tried again this much later.
const RETRY_DELAY_MS = 5_000;

/**
 * Fires up to `limit` due timers, one transaction each. SKIP LOCKED lets several server
 * processes share the table without firing a timer twice. Returns the number fired.
 */
export async function fireDueTimers(knex: Knex, limit = 50): Promise<number> {
  let fired = 0;
  for (let index = 0; index < limit; index++) {
    const outcome = await fireNextTimer(knex);
    if (outcome === 'none' || outcome === 'busy') break;
    if (outcome === 'fired') fired++;
  }
  return fired;
}

async function fireNextTimer(knex: Knex): Promise<'none' | 'busy' | 'fired' | 'postponed'> {
  try {
    return await knex.transaction(async (trx) => {
      const timer = (await trx('process_timers')
        .where({ status: 'pending' })
        .where('due_at', '<=', new Date())
        .orderBy('due_at')
        .forUpdate()
        .skipLocked()
        .first()) as TimerRow | undefined;
      if (!timer) return 'none';

      return timer.kind === 'task_due'
        ? markTaskOverdue(trx, timer)
        : fireProcessTimer(trx, knex, timer);
    });
  } catch (error) {
    if (error instanceof InstanceBusyError) return 'busy';
    throw error;
  }
}

async function fireProcessTimer(
  trx: Knex.Transaction,
  knex: Knex,
  timer: TimerRow,
): Promise<'fired' | 'postponed'> {
  // Resuming the instance is enough: a timer whose expiry has passed completes on resume.
  const effects = await runInstanceCommand(
    timer.instance_id,
    { knex, trx, actorId: null },
    (scope) => scope.effects,
  );
  if (effects.endedTimers.has(timer.execution_id)) {
    log.info({ instanceId: timer.instance_id, activityId: timer.activity_id }, 'timer fired');
    return 'fired';
  }

  await trx('process_timers')
    .where({ id: timer.id })
    .update({ attempts: timer.attempts + 1, due_at: new Date(Date.now() + RETRY_DELAY_MS) });
  return 'postponed';
}

async function markTaskOverdue(trx: Knex.Transaction, timer: TimerRow): Promise<'fired'> {
  await trx('process_timers').where({ id: timer.id }).update({ status: 'fired' });
  const task = (await trx('tasks')
    .where({ instance_id: timer.instance_id, execution_id: timer.execution_id, status: 'open' })
    .first('id', 'stage_id', 'name', 'phase')) as
    { id: number; stage_id: number; name: string; phase: string } | undefined;
  if (!task) return 'fired';

  // TODO: send a reminder e-mail to the candidates; until then the overdue task is only flagged
  // in the history and by the inbox's overdue filter.
  await trx('process_history').insert({
    instance_id: timer.instance_id,
    stage_id: task.stage_id,
    type: 'task.overdue',
    activity_id: timer.activity_id,
    activity_name: task.name,
    phase: task.phase,
    data: JSON.stringify({ taskId: task.id, dueAt: timer.due_at }),
  });
  return 'fired';
}
