import type { Knex } from 'knex';
import { ConflictError, NotFoundError } from '../platform/errors/app-errors';
import { createLogger } from '../platform/logging/logger';
import { readUserTaskSpec, type ActivityBehaviour, type UserTaskSpec } from './activity-spec';
import { resolveCandidates } from './candidates';
import { DayTranslation } from './clone-translation';
import { loadBlankState, type EngineState } from './compiled-definitions';
import type { CommandActor, StageVariables } from './process-runtime';

const log = createLogger('engine:cloning');

/** Input of {@link cloneInstance}. */
export interface CloneInput {
  /** Stage whose process instance is copied; none of its rows change. */
  templateStageId: number;
  /** Variables of the new stage, whose row the caller has inserted in the same transaction. */
  stage: StageVariables;
  /** The user who starts the clone, named in the history rows of the template's start command. */
  actor: CommandActor;
}

type Row = Record<string, unknown>;

interface TemplateRows {
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
  history: Row[];
}

/** The clone that every copied row is rewritten for. */
interface CloneTarget {
  template: TemplateRows;
  instanceId: number;
  stage: StageVariables;
  actorId: number | null;
  days: DayTranslation;
}

// User-task specs by activity id, per definition version, which never changes once deployed.
const specCaches = new WeakMap<Knex, Map<number, Map<string, UserTaskSpec>>>();

/**
 * Copies the process instance of the template stage to `input.stage` in the caller's
 * transaction, without running the engine. The saved state gets the clone's stage variables and
 * instance id, and the template's start and end days become the clone's (see DayTranslation).
 * Tasks (with candidates resolved for the clone), timers, service jobs and history are copied,
 * and the stage row gets the template's phase and status. The runtime then recovers the clone
 * like any instance.
 *
 * The clone follows the template's path, so the caller picks a template whose variables chose
 * the same branches. Actors are copied too, except in the rows of the template's start command,
 * so the template's tasks must have been completed by the users who would complete the clone's.
 */
export async function cloneInstance(
  knex: Knex,
  trx: Knex.Transaction,
  input: CloneInput,
): Promise<{ instanceId: number }> {
  const template = await loadTemplate(trx, input.templateStageId);
  const days = new DayTranslation(template.variables, input.stage);
  days.assertFarFrom(template.instance.created_at, `template instance ${template.instance.id}`);
  const lastAt = template.history.at(-1)?.at;
  if (lastAt instanceof Date) days.assertFarFrom(lastAt, 'the latest history row of the template');

  const target: CloneTarget = {
    template,
    instanceId: await nextInstanceId(trx),
    stage: input.stage,
    actorId: input.actor.userId,
    days,
  };
  await insertInstance(trx, target);
  const taskIds = await copyTasks(knex, trx, target);
  await copyTimers(trx, target);
  await copyJobs(trx, target);
  await copyHistory(trx, target, taskIds);
  await updateStage(trx, target);

  log.debug(
    { instanceId: target.instanceId, templateInstanceId: template.instance.id },
    'instance cloned',
  );
  return { instanceId: target.instanceId };
}

async function loadTemplate(trx: Knex.Transaction, stageId: number): Promise<TemplateRows> {
  const row = (await trx('stages as s')
    .leftJoin('process_instances as i', 'i.id', 's.process_instance_id')
    .where('s.id', stageId)
    .first('s.phase', 's.status as stage_status', 'i.*')) as
    (TemplateRows['instance'] & { phase: string; stage_status: string }) | undefined;
  if (!row) throw new NotFoundError('Template stage', stageId);
  if (row.id === null) {
    throw new ConflictError(`Template stage ${stageId} has no process instance; start one first.`);
  }
  if (row.status === 'incident' || row.status === 'terminated') {
    throw new ConflictError(
      `Template stage ${stageId} has an instance in status ${row.status}; clone from a ` +
        'running or completed instance.',
    );
  }

  const { phase, stage_status: stageStatus, ...instance } = row;
  const byInstance = (table: string) =>
    trx(table).where({ instance_id: instance.id }).orderBy('id').select('*') as Promise<Row[]>;
  const [tasks, timers, jobs, history] = [
    await byInstance('tasks'),
    await byInstance('process_timers'),
    await byInstance('service_jobs'),
    await loadHistory(trx, instance.id),
  ];
  assertNoJobInFlight(stageId, jobs);
  return {
    stage: { phase, status: stageStatus },
    instance,
    variables: readVariables(instance.state, stageId),
    tasks,
    timers,
    jobs,
    history,
  };
}

// Marks the rows of the start command: they share its transaction, hence its `now()`.
async function loadHistory(trx: Knex.Transaction, instanceId: number): Promise<Row[]> {
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
    if (isRecord(stage)) return stage as unknown as StageVariables;
  }
  throw new ConflictError(`The instance of template stage ${stageId} has no stage variables.`);
}

async function nextInstanceId(trx: Knex.Transaction): Promise<number> {
  const result = await trx.raw<{ rows: { id: number | string }[] }>(
    "SELECT nextval(pg_get_serial_sequence('process_instances', 'id')) AS id",
  );
  return Number(result.rows[0]?.id);
}

async function insertInstance(trx: Knex.Transaction, target: CloneTarget): Promise<void> {
  const { instance } = target.template;
  const state = target.days.translate(instance.state);
  replaceStageVariables(state, target);
  const json = JSON.stringify(state);
  assertNoTemplateDay(target, json, 'state');

  await trx('process_instances').insert({
    id: target.instanceId,
    definition_id: instance.definition_id,
    status: instance.status,
    state: json,
    revision: instance.revision,
    created_at: instance.created_at,
  });
}

// bpmn-engine keeps `variables.stage` and `variables.instanceId` in the definition's and the
// process's environment; every copy is replaced.
function replaceStageVariables(node: unknown, target: CloneTarget): void {
  if (Array.isArray(node)) {
    for (const item of node) replaceStageVariables(item, target);
    return;
  }
  if (!isRecord(node)) return;

  const variables = node.variables;
  if (isRecord(variables) && isRecord(variables.stage)) {
    variables.stage = { ...target.stage };
    if ('instanceId' in variables) variables.instanceId = target.instanceId;
  }
  for (const value of Object.values(node)) replaceStageVariables(value, target);
}

async function copyTasks(
  knex: Knex,
  trx: Knex.Transaction,
  target: CloneTarget,
): Promise<Map<number, number>> {
  const { tasks, instance } = target.template;
  if (tasks.length === 0) return new Map();

  const specs = await loadTaskSpecs(knex, trx, instance.definition_id);
  const rows = tasks.map(({ id: _id, ...task }) => {
    const spec = specs.get(String(task.activity_id));
    if (!spec) {
      throw new ConflictError(
        `Task ${String(_id)} of template stage ${target.template.variables.id} runs activity ` +
          `${String(task.activity_id)}, which its definition has no user task for.`,
      );
    }
    const candidates = resolveCandidates(spec, target.stage);
    return toInsertable({
      ...target.days.translate(task),
      instance_id: target.instanceId,
      stage_id: target.stage.id,
      candidate_role: candidates.candidateRole,
      candidate_institution_id: candidates.candidateInstitutionId,
      candidate_unit_id: candidates.candidateUnitId,
      candidate_student_id: candidates.candidateStudentId,
    });
  });
  assertNoTemplateDay(target, JSON.stringify(rows), 'tasks');

  const inserted = (await trx('tasks').insert(rows).returning(['id', 'execution_id'])) as {
    id: number;
    execution_id: string;
  }[];
  const newIds = new Map(inserted.map((row) => [row.execution_id, row.id]));
  return new Map(tasks.map((task) => [task.id as number, newIds.get(String(task.execution_id))!]));
}

async function copyTimers(trx: Knex.Transaction, target: CloneTarget): Promise<void> {
  const rows = target.template.timers.map(({ id: _id, ...timer }) =>
    toInsertable({ ...target.days.translate(timer), instance_id: target.instanceId }),
  );
  if (rows.length > 0) await trx('process_timers').insert(rows);
}

async function copyJobs(trx: Knex.Transaction, target: CloneTarget): Promise<void> {
  const rows = target.template.jobs.map(({ id: _id, ...job }) =>
    toInsertable({ ...target.days.translate(job), instance_id: target.instanceId }),
  );
  if (rows.length > 0) await trx('service_jobs').insert(rows);
}

async function copyHistory(
  trx: Knex.Transaction,
  target: CloneTarget,
  taskIds: ReadonlyMap<number, number>,
): Promise<void> {
  const rows = target.template.history.map(
    ({ id: _id, by_start_command: byStartCommand, ...entry }) => {
      const translated = target.days.translate(entry);
      const data = translated.data;
      if (isRecord(data) && typeof data.taskId === 'number') {
        data.taskId = taskIds.get(data.taskId) ?? data.taskId;
      }
      return toInsertable({
        ...translated,
        instance_id: target.instanceId,
        stage_id: target.stage.id,
        actor_id: byStartCommand === true ? target.actorId : entry.actor_id,
      });
    },
  );
  assertNoTemplateDay(target, JSON.stringify(rows), 'history');
  if (rows.length > 0) await trx('process_history').insert(rows);
}

async function updateStage(trx: Knex.Transaction, target: CloneTarget): Promise<void> {
  const { phase, status } = target.template.stage;
  const updated = await trx('stages').where({ id: target.stage.id }).update({
    phase,
    status,
    process_instance_id: target.instanceId,
    updated_at: trx.fn.now(),
  });
  if (updated === 0) throw new NotFoundError('Stage', target.stage.id);
}

async function loadTaskSpecs(
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

// Sentinel template days make any leftover occurrence a value the translation did not
// recognise, such as a stage date quoted inside a text.
function assertNoTemplateDay(target: CloneTarget, json: string, where: string): void {
  const { variables } = target.template;
  const moved = [
    [variables.startDate, target.stage.startDate],
    [variables.endDate, target.stage.endDate],
  ].filter(([from, to]) => from !== to);
  const day = moved.find(([from]) => json.includes(from))?.[0];
  if (day === undefined) return;
  throw new Error(
    `The ${where} of template stage ${variables.id} still contains its stage date ${day} ` +
      'after translation, in a form cloning does not move; clone from a template whose form ' +
      'values do not quote its dates.',
  );
}

// jsonb values go in as JSON text: pg would turn a top-level array into a PostgreSQL array.
function toInsertable(row: Row): Row {
  const insertable: Row = {};
  for (const [column, value] of Object.entries(row)) {
    const isJson = value !== null && typeof value === 'object' && !(value instanceof Date);
    insertable[column] = isJson ? JSON.stringify(value) : value;
  }
  return insertable;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
