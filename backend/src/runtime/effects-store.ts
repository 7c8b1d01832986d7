import type { Knex } from 'knex';
import { resolveCandidates, resolveDueDate } from './candidates';
import type { EngineEffects } from './engine-effects';
import type { StageVariables } from './process-runtime';

/** The ids a command's effects are written under. */
export interface EffectsTarget {
  instanceId: number;
  stage: StageVariables;
  actorId: number | null;
}

/**
 * Writes what the engine did during one command, inside the command's transaction: new tasks
 * (idempotently, since recovered waits are announced again), timers, service jobs, history,
 * and the stage's phase and status.
 */
export async function storeEffects(
  trx: Knex.Transaction,
  resolveExpression: (expression: string) => unknown,
  effects: EngineEffects,
  target: EffectsTarget,
): Promise<void> {
  await storeTasks(trx, resolveExpression, effects, target);
  await storeTimers(trx, effects, target.instanceId);
  await storeJobs(trx, effects, target.instanceId);
  await appendHistory(trx, target, effects.history);
  await updateStage(trx, effects, target.stage.id);
}

/** Appends history rows for the instance, in order. */
export async function appendHistory(
  trx: Knex.Transaction,
  target: EffectsTarget,
  entries: EngineEffects['history'],
): Promise<void> {
  if (entries.length === 0) return;

  await trx('process_history').insert(
    entries.map((entry) => ({
      instance_id: target.instanceId,
      stage_id: target.stage.id,
      type: entry.type,
      activity_id: entry.activityId,
      activity_name: entry.activityName,
      phase: entry.phase,
      actor_id: target.actorId,
      data: JSON.stringify(entry.data),
    })),
  );
}

async function storeTasks(
  trx: Knex.Transaction,
  resolveExpression: (expression: string) => unknown,
  effects: EngineEffects,
  target: EffectsTarget,
): Promise<void> {
  const now = new Date();

  for (const task of effects.waitingTasks.values()) {
    const dueAt = resolveDueDate(task.spec.dueDate, now, resolveExpression);
    const inserted = await trx('tasks')
      .insert({
        instance_id: target.instanceId,
        stage_id: target.stage.id,
        activity_id: task.activityId,
        execution_id: task.executionId,
        name: task.spec.name,
        phase: task.spec.phase ?? effects.phase ?? 'unknown',
        ...toColumns(resolveCandidates(task.spec, target.stage)),
        due_at: dueAt,
        form: JSON.stringify({ fields: task.spec.form }),
      })
      .onConflict(['instance_id', 'execution_id'])
      .ignore()
      .returning('id');
    if (inserted.length === 0) continue;

    effects.history.push({
      type: 'task.created',
      activityId: task.activityId,
      activityName: task.spec.name,
      phase: task.spec.phase,
      data: { taskId: (inserted[0] as { id: number }).id, dueAt },
    });
    if (dueAt) {
      await insertTimer(
        trx,
        target.instanceId,
        task.activityId,
        task.executionId,
        'task_due',
        dueAt,
      );
    }
  }
}

async function storeTimers(
  trx: Knex.Transaction,
  effects: EngineEffects,
  instanceId: number,
): Promise<void> {
  for (const timer of effects.startedTimers.values()) {
    if (effects.endedTimers.has(timer.executionId)) continue;
    await insertTimer(
      trx,
      instanceId,
      timer.activityId,
      timer.executionId,
      'bpmn_timer',
      timer.dueAt,
    );
  }
  if (effects.endedTimers.size > 0) {
    await trx('process_timers')
      .where({ instance_id: instanceId, kind: 'bpmn_timer', status: 'pending' })
      .whereIn('execution_id', [...effects.endedTimers])
      .update({ status: 'fired' });
  }
}

async function storeJobs(
  trx: Knex.Transaction,
  effects: EngineEffects,
  instanceId: number,
): Promise<void> {
  for (const job of effects.parkedServiceTasks.values()) {
    await trx('service_jobs')
      .insert({
        instance_id: instanceId,
        activity_id: job.activityId,
        execution_id: job.executionId,
        plugin: job.plugin,
      })
      .onConflict(['instance_id', 'execution_id'])
      .ignore();
  }
  if (effects.finishedServiceTasks.size > 0) {
    await trx('service_jobs')
      .where({ instance_id: instanceId })
      .whereIn('execution_id', [...effects.finishedServiceTasks])
      .update({ status: 'done' });
  }
}

async function updateStage(
  trx: Knex.Transaction,
  effects: EngineEffects,
  stageId: number,
): Promise<void> {
  const changes: Record<string, unknown> = {};
  if (effects.phase) changes.phase = effects.phase;
  if (effects.stageStatus) changes.status = effects.stageStatus;
  if (Object.keys(changes).length === 0) return;

  await trx('stages')
    .where({ id: stageId })
    .update({ ...changes, updated_at: trx.fn.now() });
}

async function insertTimer(
  trx: Knex.Transaction,
  instanceId: number,
  activityId: string,
  executionId: string,
  kind: 'bpmn_timer' | 'task_due',
  dueAt: Date,
): Promise<void> {
  await trx('process_timers')
    .insert({
      instance_id: instanceId,
      activity_id: activityId,
      execution_id: executionId,
      kind,
      due_at: dueAt,
    })
    .onConflict(['instance_id', 'execution_id', 'kind'])
    .ignore();
}

function toColumns(candidates: ReturnType<typeof resolveCandidates>) {
  return {
    candidate_role: candidates.candidateRole,
    candidate_institution_id: candidates.candidateInstitutionId,
    candidate_unit_id: candidates.candidateUnitId,
    candidate_student_id: candidates.candidateStudentId,
  };
}
