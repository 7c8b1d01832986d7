import type { Knex } from 'knex';
import { loadBlankState } from './compiled-definitions';
import { loadLatestDefinition } from './definition-store';
import { createEngine } from './engine-factory';
import { EngineEffects } from './engine-effects';
import { appendHistory } from './effects-store';
import { saveInstance, settle } from './instance-command';
import type { CommandActor, StageVariables } from './process-runtime';

/**
 * Starts an instance of the latest version of `definitionKey` for `stage`, runs it to its first
 * wait states and saves everything in `trx`, the caller's transaction. The engine starts from
 * the definition's compiled state, so no XML is parsed per instance.
 */
export async function startInstance(
  knex: Knex,
  trx: Knex.Transaction,
  input: { definitionKey: string; stage: StageVariables; actor: CommandActor },
): Promise<{ instanceId: number }> {
  const definition = await loadLatestDefinition(trx, input.definitionKey);
  const [row] = (await trx('process_instances')
    .insert({ definition_id: definition.id, status: 'running', state: '{}' })
    .returning('id')) as { id: number }[];
  const instanceId = row.id;
  await trx('stages').where({ id: input.stage.id }).update({ process_instance_id: instanceId });

  const target = { instanceId, stage: input.stage, actorId: input.actor.userId };
  await appendHistory(trx, target, [
    {
      type: 'instance.started',
      activityId: null,
      activityName: null,
      phase: null,
      data: { definitionKey: definition.key, definitionVersion: definition.version },
    },
  ]);

  const effects = new EngineEffects();
  // A new instance has no service results yet, so every service task is parked for the worker.
  const blankState = await loadBlankState(knex, trx, definition.id);
  const engine = createEngine(effects, () => null).recover(blankState);
  await engine.execute({
    listener: effects.listener,
    variables: { stage: input.stage, instanceId },
  });
  await settle(engine, effects);
  await saveInstance(trx, engine, effects, target);
  return { instanceId };
}
