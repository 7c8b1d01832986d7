import type { Knex } from 'knex';
import { ConflictError, NotFoundError } from '../platform/errors/app-errors';
import { createLogger } from '../platform/logging/logger';
import type { BpmnEngine } from './bpmn-modules';
import { withSource, withoutSource, type EngineState } from './compiled-definitions';
import { createEngine, type ServiceTaskResolver } from './engine-factory';
import { EngineEffects } from './engine-effects';
import { storeEffects } from './effects-store';
import type { StageVariables } from './process-runtime';
import { EngineRunError, InstanceBusyError } from './runtime.errors';

const log = createLogger('engine:command');

// PostgreSQL's lock_not_available, raised by FOR UPDATE NOWAIT.
const LOCK_NOT_AVAILABLE = '55P03';
// Rounds of setImmediate without a new engine event after which the engine counts as idle.
const QUIET_ROUNDS = 2;
const MAX_ROUNDS = 2_000;

/** The saved row of an instance, as read by a command under its lock. */
export interface InstanceRow {
  id: number;
  definition_id: number;
  status: 'running' | 'completed' | 'incident' | 'terminated';
  state: EngineState;
  revision: number;
}

/** The scope passed to `apply`: the recovered engine and the open transaction. */
export interface CommandScope {
  trx: Knex.Transaction;
  engine: BpmnEngine;
  effects: EngineEffects;
  instance: InstanceRow;
  stage: StageVariables;
}

/** Options of {@link runInstanceCommand}. */
export interface CommandOptions {
  knex: Knex;
  /** Runs inside this transaction instead of opening one. */
  trx?: Knex.Transaction;
  actorId: number | null;
}

/**
 * Runs one command on an instance in one transaction. It locks the instance row with NOWAIT,
 * so a concurrent command gets a conflict instead of waiting. It then recovers a fresh engine
 * from the saved state, resumes it, calls `apply`, waits until the engine is idle and saves
 * state and effects. The engine is dropped afterwards, so nothing stays in memory.
 */
export async function runInstanceCommand<T>(
  instanceId: number,
  options: CommandOptions,
  apply: (scope: CommandScope) => Promise<T> | T,
): Promise<T> {
  const work = async (trx: Knex.Transaction): Promise<T> => {
    const instance = await lockInstance(trx, instanceId);
    if (instance.status === 'completed' || instance.status === 'terminated') {
      throw new ConflictError(`Process instance ${instanceId} has ended; nothing can change it.`);
    }

    const effects = new EngineEffects();
    const resolver = await loadServiceResults(trx, instanceId);
    const state = await withSource(options.knex, trx, instance.definition_id, instance.state);
    const engine = createEngine(effects, resolver).recover(state);
    await engine.resume({ listener: effects.listener });
    await settle(engine, effects);

    const stage = await readStageVariables(engine);
    const result = await apply({ trx, engine, effects, instance, stage });
    await settle(engine, effects);
    await saveInstance(trx, engine, effects, { instanceId, stage, actorId: options.actorId });
    return result;
  };

  return options.trx ? work(options.trx) : options.knex.transaction(work);
}

/**
 * Waits until the engine has stopped producing events, then fails if an activity errored.
 * bpmn-engine runs synchronously between waits, so a few quiet event-loop turns mean idle.
 */
export async function settle(engine: BpmnEngine, effects: EngineEffects): Promise<void> {
  let quietRounds = 0;
  for (let round = 0; round < MAX_ROUNDS && quietRounds < QUIET_ROUNDS; round++) {
    const before = effects.eventCount;
    await new Promise((resolve) => setImmediate(resolve));
    quietRounds = effects.eventCount === before ? quietRounds + 1 : 0;
  }

  if (quietRounds < QUIET_ROUNDS) {
    throw new EngineRunError('The engine did not reach a wait state.', null);
  }
  if (effects.failure || engineState(engine) === 'error') {
    const failure = effects.failure ?? { activityId: null, message: 'engine error' };
    throw new EngineRunError(failure.message, failure.activityId);
  }
}

/** Saves the engine state and the effects, and marks the instance completed at its end. */
export async function saveInstance(
  trx: Knex.Transaction,
  engine: BpmnEngine,
  effects: EngineEffects,
  target: { instanceId: number; stage: StageVariables; actorId: number | null },
): Promise<void> {
  const hasEnded = engineState(engine) === 'idle';
  const environment = await definitionEnvironment(engine);
  await storeEffects(
    trx,
    (expression) => environment.resolveExpression(expression),
    effects,
    target,
  );

  const state = withoutSource((await engine.getState()) as unknown as EngineState);
  await trx('process_instances')
    .where({ id: target.instanceId })
    .update({
      state: JSON.stringify(state),
      ...(hasEnded && { status: 'completed' }),
      revision: trx.raw('revision + 1'),
      updated_at: trx.fn.now(),
    });

  if (hasEnded) await closeInstance(trx, target.instanceId, target.stage.id);
  log.debug({ instanceId: target.instanceId, hasEnded }, 'instance saved');
}

/** Reads the stage variables the instance was started with. */
export async function readStageVariables(engine: BpmnEngine): Promise<StageVariables> {
  const variables = (await definitionEnvironment(engine)).variables as { stage?: StageVariables };
  if (!variables.stage) throw new EngineRunError('The instance has no stage variables.', null);
  return variables.stage;
}

/**
 * Returns the environment of the instance's definition. Execute-time variables and outputs live
 * there; the engine's own environment stays empty.
 */
export async function definitionEnvironment(engine: BpmnEngine): Promise<DefinitionEnvironment> {
  const [definition] = await engine.getDefinitions();
  if (!definition) throw new EngineRunError('The engine has no definition loaded.', null);
  return definition.environment;
}

/** The part of a bpmn-elements environment the runtime reads. */
export interface DefinitionEnvironment {
  variables: Record<string, unknown>;
  output: Record<string, unknown>;
  resolveExpression(expression: string): unknown;
}

// bpmn-engine declares its state as a const enum, which isolated modules cannot compare against.
function engineState(engine: BpmnEngine): string {
  return engine.state as string;
}

async function lockInstance(trx: Knex.Transaction, instanceId: number): Promise<InstanceRow> {
  try {
    const row = (await trx('process_instances')
      .where({ id: instanceId })
      .forUpdate()
      .noWait()
      .first()) as InstanceRow | undefined;
    if (!row) throw new NotFoundError('Process instance', instanceId);
    return row;
  } catch (error) {
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) {
      throw new InstanceBusyError(instanceId);
    }
    throw error;
  }
}

async function loadServiceResults(
  trx: Knex.Transaction,
  instanceId: number,
): Promise<ServiceTaskResolver> {
  const rows = (await trx('service_jobs')
    .where({ instance_id: instanceId, status: 'succeeded' })
    .select('execution_id', 'output')) as { execution_id: string; output: unknown }[];
  const outputs = new Map(rows.map((row) => [row.execution_id, row.output]));

  return ({ executionId }) => {
    if (!outputs.has(executionId)) return null;
    return { output: (outputs.get(executionId) ?? {}) as Record<string, unknown> };
  };
}

async function closeInstance(
  trx: Knex.Transaction,
  instanceId: number,
  stageId: number,
): Promise<void> {
  await trx('tasks')
    .where({ instance_id: instanceId, status: 'open' })
    .update({ status: 'cancelled' });
  await trx('process_timers')
    .where({ instance_id: instanceId, status: 'pending' })
    .update({ status: 'cancelled' });
  await trx('stages').where({ id: stageId }).update({ phase: 'closed', updated_at: trx.fn.now() });
}
