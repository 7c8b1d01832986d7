import type { Knex } from 'knex';
import { NotFoundError } from '../../backend/src/platform/errors/app-errors';
import { createProcessRuntime } from '../../backend/src/runtime';
import type { ProcessRuntime, StageVariables } from '../../backend/src/runtime/process-runtime';
import {
  completeActivity,
  drainBackgroundWork,
  MAIN_PATH_VALUES,
  openTasks,
  readStageLifecycle,
} from '../support/lifecycle-driver';
import {
  createStageWorld,
  daysFromToday,
  insertStage,
  type StageWorld,
} from '../support/stage-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Template dates lie years from today, as cloning requires, so only stage dates fall on them.
const PAST_TEMPLATE = { startDate: daysFromToday(-900), endDate: daysFromToday(-870) };
const FUTURE_TEMPLATE = { startDate: daysFromToday(800), endDate: daysFromToday(830) };
const PREPARATION_TASKS = ['prepare_badge', 'assign_locker', 'check_hygiene'];

describe('ProcessRuntime', () => {
  let db: TestDatabase;
  let runtime: ProcessRuntime;
  let templateWorld: StageWorld;
  let cloneWorld: StageWorld;

  beforeAll(async () => {
    db = await createTestDatabase();
    const itAccount = {
      name: 'it-account',
      title: 'IT login',
      description: 'Stand-in for the identity system',
      run: () => Promise.resolve({ login: 'stand-in' }),
    };
    runtime = createProcessRuntime(db, { plugins: [itAccount] });
    await runtime.deployDefinition(readStageLifecycle(), { userId: null });
    templateWorld = await createStageWorld(db.knex, 'Template');
    cloneWorld = await createStageWorld(db.knex, 'Clone');
  });

  afterAll(() => db.close());

  describe('cloneInstance()', () => {
    it('continues a clone to its end like a driven stage', async () => {
      const template = await driveToValidation(templateWorld, PAST_TEMPLATE);
      const period = { startDate: daysFromToday(-60), endDate: daysFromToday(-35) };
      const driven = await driveToValidation(cloneWorld, period);

      const clone = await cloneInto(template, cloneWorld, period);

      expect(await historyOf(clone.id)).toEqual(await historyOf(driven.id));
      expect(await stageRow(clone.id)).toEqual({ phase: 'validation', status: 'active' });

      await completeUntilEnd(clone.id);
      await completeUntilEnd(driven.id);

      expect(await historyOf(clone.id)).toEqual(await historyOf(driven.id));
      expect(await stageRow(clone.id)).toEqual({ phase: 'closed', status: 'completed' });
      expect(await instanceStatusOf(clone.id)).toBe('completed');
    });

    it('writes the clone’s ids into its saved state', async () => {
      const template = await driveToValidation(templateWorld, PAST_TEMPLATE);
      const period = { startDate: daysFromToday(-50), endDate: daysFromToday(-20) };

      const clone = await cloneInto(template, cloneWorld, period);

      const state = await stateOf(clone.id);
      const environment = state.definitions[0].environment.variables;
      const instanceId = await instanceIdOf(clone.id);
      expect(environment.stage).toEqual(clone);
      expect(environment.instanceId).toBe(instanceId);
      expect(JSON.stringify(state)).not.toContain(PAST_TEMPLATE.startDate);
      expect(JSON.stringify(state)).not.toContain(PAST_TEMPLATE.endDate);
    });

    it('dates the start timer at the clone’s start date', async () => {
      const template = await driveToStartWait(templateWorld, FUTURE_TEMPLATE);
      const period = { startDate: daysFromToday(30), endDate: daysFromToday(55) };

      const clone = await cloneInto(template, cloneWorld, period);

      const timer = await startTimerOf(clone.id);
      const content = timerContent(await stateOf(clone.id));
      const localMidnight = new Date(`${period.startDate}T00:00:00`);
      expect(timer.due_at).toEqual(localMidnight);
      expect(timer.status).toBe('pending');
      expect(content.timeDate).toBe(period.startDate);
      expect(new Date(content.expireAt as string)).toEqual(localMidnight);
    });

    it('fires the clone’s timer once its start date has passed', async () => {
      const template = await driveToStartWait(templateWorld, FUTURE_TEMPLATE);
      const period = { startDate: daysFromToday(-3), endDate: daysFromToday(20) };
      const clone = await cloneInto(template, cloneWorld, period);

      await runtime.fireDueTimers();

      const [confirmation] = await openTaskRows(clone.id);
      expect((await startTimerOf(clone.id)).status).toBe('fired');
      expect((await startTimerOf(template.id)).status).toBe('pending');
      expect(confirmation?.activity_id).toBe('confirm_execution');
      expect(confirmation?.due_at).toEqual(new Date(`${period.endDate}T23:59:59Z`));
      expect(confirmation?.candidate_unit_id).toBe(cloneWorld.careUnitId);
      expect(await stageRow(clone.id)).toEqual({ phase: 'execution', status: 'active' });
    });

    it('resolves the candidates of copied tasks for the clone', async () => {
      const template = await driveToValidation(templateWorld, PAST_TEMPLATE);
      const period = { startDate: daysFromToday(-40), endDate: daysFromToday(-15) };

      const clone = await cloneInto(template, cloneWorld, period);

      const tasks = await taskRows(clone.id);
      const review = tasks.find((task) => task.activity_id === 'review_request');
      const validation = tasks.find((task) => task.activity_id === 'validate_stage');
      expect(tasks.map((task) => task.activity_id).sort()).toEqual(
        (await taskRows(template.id)).map((task) => task.activity_id).sort(),
      );
      expect(review?.candidate_institution_id).toBe(cloneWorld.hospitalId);
      expect(validation?.candidate_institution_id).toBe(cloneWorld.hospitalId);
      expect(validation?.candidate_unit_id).toBe(cloneWorld.careUnitId);
      expect(validation?.status).toBe('open');
    });

    it('resolves the requester’s task for the clone’s requester', async () => {
      const template = await driveToRequest(templateWorld, FUTURE_TEMPLATE);
      const period = { startDate: daysFromToday(90), endDate: daysFromToday(115) };

      const clone = await cloneInto(template, cloneWorld, period, 'school_coordinator');

      const [question] = await openTaskRows(clone.id);
      expect(question?.activity_id).toBe('provide_information');
      expect(question?.candidate_role).toBe('school_coordinator');
      expect(question?.candidate_institution_id).toBe(cloneWorld.schoolId);
      expect(question?.candidate_student_id).toBeNull();
    });

    it('points copied history at the clone’s tasks', async () => {
      const template = await driveToValidation(templateWorld, PAST_TEMPLATE);
      const period = { startDate: daysFromToday(-45), endDate: daysFromToday(-25) };

      const clone = await cloneInto(template, cloneWorld, period);

      const rows = await db
        .knex('process_history')
        .where({ stage_id: clone.id })
        .whereIn('type', ['task.created', 'task.completed'])
        .select('data');
      const taskIds = new Set((await taskRows(clone.id)).map((task) => task.id));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(taskIds).toContain(row.data.taskId);
    });

    it('names the clone’s actor in its start and copies other actors', async () => {
      const requesterId = await insertUser(db.knex, 'template-requester');
      const reviewerId = await insertUser(db.knex, 'reviewer');
      const cloneRequesterId = await insertUser(db.knex, 'clone-requester');
      const template = await startStage(templateWorld, FUTURE_TEMPLATE, requesterId);
      const [review] = await openTasks(db.knex, template.id);
      await runtime.completeTask(review!.id, { decision: 'accept' }, { userId: reviewerId });
      const period = { startDate: daysFromToday(60), endDate: daysFromToday(85) };

      const clone = await cloneInto(template, cloneWorld, period, 'student', cloneRequesterId);

      const history = await db
        .knex('process_history')
        .where({ stage_id: clone.id })
        .orderBy('id')
        .select('type', 'activity_id', 'actor_id');
      const started = history.filter((row) => row.type === 'instance.started');
      const completed = history.filter((row) => row.type === 'task.completed');
      const reviewTask = (await taskRows(clone.id)).find((task) => task.status === 'completed');
      expect(started.map((row) => row.actor_id)).toEqual([cloneRequesterId]);
      expect(completed.map((row) => row.actor_id)).toEqual([reviewerId]);
      expect(history.map((row) => row.actor_id)).not.toContain(requesterId);
      expect(reviewTask?.completed_by).toBe(reviewerId);
    });

    it('clones several stages in one transaction', async () => {
      const template = await driveToValidation(templateWorld, PAST_TEMPLATE);
      const periods = [-70, -40, -30].map((start) => ({
        startDate: daysFromToday(start),
        endDate: daysFromToday(start + 20),
      }));
      const stages: StageVariables[] = [];
      for (const period of periods) stages.push(await insertStage(db.knex, cloneWorld, period));

      await db.knex.transaction(async (trx) => {
        for (const stage of stages) {
          await runtime.cloneInstance(trx, {
            templateStageId: template.id,
            stage,
            actor: { userId: null },
          });
        }
      });

      const instanceIds = await Promise.all(stages.map((stage) => instanceIdOf(stage.id)));
      expect(new Set(instanceIds).size).toBe(stages.length);
      for (const [index, stage] of stages.entries()) {
        const [validation] = await openTaskRows(stage.id);
        const state = await stateOf(stage.id);
        expect(validation?.activity_id).toBe('validate_stage');
        expect(validation?.instance_id).toBe(instanceIds[index]);
        expect(state.definitions[0].environment.variables.stage).toEqual(stage);
      }
    });

    it('leaves every row of the template unchanged', async () => {
      const template = await driveToStartWait(templateWorld, FUTURE_TEMPLATE);
      const before = await snapshotOf(template.id);

      await cloneInto(template, cloneWorld, {
        startDate: daysFromToday(20),
        endDate: daysFromToday(45),
      });
      await cloneInto(template, cloneWorld, {
        startDate: daysFromToday(-2),
        endDate: daysFromToday(9),
      });
      await runtime.fireDueTimers();

      expect(await snapshotOf(template.id)).toEqual(before);
    });

    it('rejects a template whose dates lie near its run', async () => {
      const nearby = { startDate: daysFromToday(30), endDate: daysFromToday(55) };
      const template = await driveToStartWait(templateWorld, nearby);

      const attempt = cloneInto(template, cloneWorld, nearby);

      await expect(attempt).rejects.toThrow(/lies within 366 days of template instance/);
    });

    it('rejects a template stage that does not exist', async () => {
      const stage = await insertStage(db.knex, cloneWorld, FUTURE_TEMPLATE);

      const attempt = db.knex.transaction((trx) =>
        runtime.cloneInstance(trx, { templateStageId: 999_999, stage, actor: { userId: null } }),
      );

      await expect(attempt).rejects.toThrow(NotFoundError);
    });
  });

  // helpers

  async function startStage(
    world: StageWorld,
    period: { startDate: string; endDate: string },
    requesterId: number | null = null,
  ): Promise<StageVariables> {
    const stage = await insertStage(db.knex, world, period);
    await db.knex.transaction((trx) =>
      runtime.startInstance(trx, {
        definitionKey: 'stage-lifecycle',
        stage,
        actor: { userId: requesterId },
      }),
    );
    return stage;
  }

  async function driveToRequest(world: StageWorld, period: typeof FUTURE_TEMPLATE) {
    const stage = await startStage(world, period);
    await completeActivity(db.knex, runtime, stage.id, 'review_request', {
      decision: 'more_info',
      question: 'Which weeks suit you?',
    });
    return stage;
  }

  async function driveToStartWait(world: StageWorld, period: typeof FUTURE_TEMPLATE) {
    const stage = await startStage(world, period);
    await completeActivity(db.knex, runtime, stage.id, 'review_request');
    for (const activity of PREPARATION_TASKS) {
      await completeActivity(db.knex, runtime, stage.id, activity);
    }
    await runtime.runPendingJobs();
    return stage;
  }

  async function driveToValidation(world: StageWorld, period: typeof PAST_TEMPLATE) {
    const stage = await driveToStartWait(world, period);
    await drainBackgroundWork(runtime);
    await completeActivity(db.knex, runtime, stage.id, 'confirm_execution');
    return stage;
  }

  async function cloneInto(
    template: StageVariables,
    world: StageWorld,
    period: { startDate: string; endDate: string },
    requesterRole: StageVariables['requesterRole'] = 'student',
    actorId: number | null = null,
  ): Promise<StageVariables> {
    const stage = await insertStage(db.knex, world, period, { requesterRole });
    await db.knex.transaction((trx) =>
      runtime.cloneInstance(trx, {
        templateStageId: template.id,
        stage,
        actor: { userId: actorId },
      }),
    );
    return stage;
  }

  async function completeUntilEnd(stageId: number): Promise<void> {
    for (let step = 0; step < 10; step++) {
      const [task] = await openTasks(db.knex, stageId);
      if (!task) return;
      await runtime.completeTask(task.id, MAIN_PATH_VALUES[task.activity_id] ?? {}, {
        userId: null,
      });
    }
  }

  async function historyOf(stageId: number) {
    return db
      .knex('process_history')
      .where({ stage_id: stageId })
      .orderBy('id')
      .select('type', 'activity_id', 'phase');
  }

  async function stageRow(stageId: number) {
    return db.knex('stages').where({ id: stageId }).first('phase', 'status');
  }

  async function instanceIdOf(stageId: number): Promise<number> {
    const row = await db.knex('stages').where({ id: stageId }).first('process_instance_id');
    return row.process_instance_id;
  }

  async function instanceStatusOf(stageId: number): Promise<string> {
    const row = await db
      .knex('process_instances')
      .where({ id: await instanceIdOf(stageId) })
      .first('status');
    return row.status;
  }

  async function stateOf(stageId: number) {
    const row = await db
      .knex('process_instances')
      .where({ id: await instanceIdOf(stageId) })
      .first('state');
    return row.state;
  }

  async function startTimerOf(stageId: number) {
    return db
      .knex('process_timers')
      .where({ instance_id: await instanceIdOf(stageId), kind: 'bpmn_timer' })
      .first('due_at', 'status');
  }

  async function taskRows(stageId: number) {
    return db.knex('tasks').where({ stage_id: stageId }).orderBy('id').select('*');
  }

  async function openTaskRows(stageId: number) {
    return (await taskRows(stageId)).filter((task) => task.status === 'open');
  }

  // Every row of a stage's instance, without the timestamps the database sets on its own.
  async function snapshotOf(stageId: number) {
    const instanceId = await instanceIdOf(stageId);
    const byInstance = (table: string) =>
      db.knex(table).where({ instance_id: instanceId }).orderBy('id').select('*');
    return {
      stage: await db.knex('stages').where({ id: stageId }).first(),
      instance: await db.knex('process_instances').where({ id: instanceId }).first(),
      tasks: await byInstance('tasks'),
      timers: await byInstance('process_timers'),
      jobs: await byInstance('service_jobs'),
      history: await byInstance('process_history'),
    };
  }
});

// The content of the started timer of the wait before execution, as the saved state keeps it.
function timerContent(state: unknown): Record<string, unknown> {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'bpmn:TimerEventDefinition' && 'timeDate' in record) found.push(record);
    Object.values(record).forEach(visit);
  };
  visit(state);
  if (found.length === 0) throw new Error('The saved state has no started timer.');
  return found[0] as Record<string, unknown>;
}

async function insertUser(knex: Knex, label: string): Promise<number> {
  const [row] = await knex('users')
    .insert({
      email: `${label}-${Date.now()}@example.org`,
      password_hash: 'not-a-login',
      name: label,
      roles: ['student'],
    })
    .returning('id');
  return row.id;
}
