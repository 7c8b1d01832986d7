import type { Knex } from 'knex';
import { ConflictError, NotFoundError } from '../platform/errors/app-errors';
import { readUserTaskSpec, type ActivityBehaviour, type UserTaskSpec } from './activity-spec';
import { loadBlankState, type EngineState } from './compiled-definitions';
import type { StageVariables } from './process-runtime';

/** A row as knex returns it, column by column. */
export type Row = Record<string, unknown>;

/** Every row of a template stage's instance that cloning copies. */
export interface TemplateRows {
  stage: { phase: string; status: string };
  instance: {
    id: number;
    definition_id: number;
    status: string;
    state: EngineState;
    revision: number;
    created_at: Date;
  };
  variables: StageVariables;
  tasks: Row[];
  timers: Row[];
  jobs: Row[];
  /** Ordered by id, each with `by_start_command` telling whether the start command wrote it. */
  history: Row[];
}

// Templates read in each open transaction, which holds a share lock on their instance rows.
const templateCaches = new WeakMap<Knex.Transaction, Map<number, TemplateRows>>();
// User-task specs by activity id, per definition version, which never changes once deployed.
const specCaches = new WeakMap<Knex, Map<number, Map<string, UserTaskSpec>>>();

/**
 * Loads the rows of the template stage's instance, once per transaction. The first load takes a
 * share lock on the instance row, so commands that run the engine on the template get a busy
 * conflict (they lock it with NOWAIT) until `trx` ends. Marking a task overdue takes no such
 * lock; clones read before it keep the task's pending due timer and get their own overdue row.
 */
export async function loadTemplate(trx: Knex.Transaction, stageId: number): Promise<TemplateRows> {
  const cache = templateCaches.get(trx) ?? new Map<number, TemplateRows>();
  templateCaches.set(trx, cache);
  const cached = cache.get(stageId);
  if (cached) return cached;

  const template = await readTemplate(trx, stageId);
  cache.set(stageId, template);
  return template;
}

/** Returns the specs of the user tasks of definition `definitionId`, by activity id. */
export async function loadTaskSpecs(
  knex: Knex,
  trx: Knex.Transaction,
  definitionId: number,
): Promise<Map<string, UserTaskSpec>> {
  const cache = specCaches.get(knex) ?? new Map<number, Map<string, UserTaskSpec>>();
  specCaches.set(knex, cache);
  const cached = cache.get(definitionId);
  if (cached) return cached;

  const blankState = await loadBlankState(knex, trx, definitionId);
  const specs = new Map<string, UserTaskSpec>();
  for (const definition of blankState.definitions) {
    const source = JSON.parse(definition.source ?? '{}') as {
      activities?: { id: string; behaviour: ActivityBehaviour }[];
    };
    for (const activity of source.activities ?? []) {
      if (activity.behaviour.$type !== 'bpmn:UserTask') continue;
      specs.set(activity.id, readUserTaskSpec(activity.behaviour));
    }
  }
  cache.set(definitionId, specs);
  return specs;
}

async function readTemplate(trx: Knex.Transaction, stageId: number): Promise<TemplateRows> {
  const stage = (await trx('stages')
    .where({ id: stageId })
    .first('phase', 'status', 'process_instance_id')) as
    { phase: string; status: string; process_instance_id: number | null } | undefined;
  if (!stage) throw new NotFoundError('Template stage', stageId);
  if (stage.process_instance_id === null) {
    throw new ConflictError(`Template stage ${stageId} has no process instance; start one first.`);
  }

  const instance = (await trx('process_instances')
    .where({ id: stage.process_instance_id })
    .forShare()
    .first()) as TemplateRows['instance'];
  if (instance.status === 'incident' || instance.status === 'terminated') {
    throw new ConflictError(
      `Template stage ${stageId} has an instance in status ${instance.status}; clone from a ` +
        'running or completed instance.',
    );
  }

  const byInstance = (table: string) =>
    trx(table).where({ instance_id: instance.id }).orderBy('id').select('*') as Promise<Row[]>;
  const jobs = await byInstance('service_jobs');
  assertNoJobInFlight(stageId, jobs);
  return {
    stage: { phase: stage.phase, status: stage.status },
    instance,
    variables: readVariables(instance.state, stageId),
    tasks: await byInstance('tasks'),
    timers: await byInstance('process_timers'),
    jobs,
    history: await readHistory(trx, instance.id),
  };
}

// Marks the rows of the start command: they share its transaction, hence its `now()`.
async function readHistory(trx: Knex.Transaction, instanceId: number): Promise<Row[]> {
  return (await trx('process_history as h')
    .where('h.instance_id', instanceId)
    .orderBy('h.id')
    .select(
      'h.*',
      trx.raw(
        `h.at = (SELECT at FROM process_history WHERE instance_id = h.instance_id
                 AND type = 'instance.started' ORDER BY id LIMIT 1) AS by_start_command`,
      ),
    )) as Row[];
}

// A job whose plugin call is under way, or failed, has no outcome a clone could share.
function assertNoJobInFlight(stageId: number, jobs: Row[]): void {
  const unsettled = jobs.find((job) => job.status === 'running' || job.status === 'incident');
  if (!unsettled) return;
  throw new ConflictError(
    `Template stage ${stageId} has service job ${String(unsettled.id)} in status ` +
      `${String(unsettled.status)}; wait until it has run, or resolve its incident, then clone.`,
  );
}

function readVariables(state: EngineState, stageId: number): StageVariables {
  for (const definition of state.definitions) {
    const environment = (definition as { environment?: { variables?: { stage?: unknown } } })
      .environment;
    const stage = environment?.variables?.stage;
    if (stage !== null && typeof stage === 'object') return stage as StageVariables;
  }
  throw new ConflictError(`The instance of template stage ${stageId} has no stage variables.`);
}
