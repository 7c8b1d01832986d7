import { createProcessRuntime } from '../../backend/src/runtime';
import type { ProcessRuntime, StageVariables } from '../../backend/src/runtime/process-runtime';
import {
  completeActivity,
  drainBackgroundWork,
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

describe('stage lifecycle on the runtime', () => {
  let db: TestDatabase;
  let runtime: ProcessRuntime;
  let world: StageWorld;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = createProcessRuntime(db);
    await runtime.deployDefinition(readStageLifecycle(), { userId: null });
    world = await createStageWorld(db.knex);
  });

  afterAll(() => db.close());

  it('runs every phase to the end', async () => {
    const stage = await startStage({ startDate: daysFromToday(-20), endDate: daysFromToday(-1) });

    await completeActivity(db.knex, runtime, stage.id, 'review_request');
    expect(await activities(stage)).toEqual(['prepare_badge', 'assign_locker', 'check_hygiene']);

    for (const activity of ['prepare_badge', 'assign_locker', 'check_hygiene']) {
      await completeActivity(db.knex, runtime, stage.id, activity);
    }
    await drainBackgroundWork(runtime);
    expect(await activities(stage)).toEqual(['confirm_execution']);

    await completeActivity(db.knex, runtime, stage.id, 'confirm_execution');
    await completeActivity(db.knex, runtime, stage.id, 'validate_stage');
    expect(await activities(stage)).toEqual(['evaluate_by_hospital', 'evaluate_by_student']);

    await completeActivity(db.knex, runtime, stage.id, 'evaluate_by_hospital');
    await completeActivity(db.knex, runtime, stage.id, 'evaluate_by_student');
    await completeActivity(db.knex, runtime, stage.id, 'recruitment_decision');

    const row = await db.knex('stages').where({ id: stage.id }).first();
    expect(row.phase).toBe('closed');
    expect(row.status).toBe('completed');
    expect(await duplicatedTasks(stage)).toEqual([]);
  });

  it('ends refused when the coordinator refuses', async () => {
    const stage = await startStage({ startDate: daysFromToday(30), endDate: daysFromToday(60) });

    await completeActivity(db.knex, runtime, stage.id, 'review_request', {
      decision: 'refuse',
      reason: 'No place left',
    });

    const row = await db.knex('stages').where({ id: stage.id }).first();
    expect(row.status).toBe('refused');
    expect(await activities(stage)).toEqual([]);
  });

  it('loops back to review after more information', async () => {
    const stage = await startStage({ startDate: daysFromToday(30), endDate: daysFromToday(60) });

    await completeActivity(db.knex, runtime, stage.id, 'review_request', {
      decision: 'more_info',
      question: 'Which year are you in?',
    });
    const requesterTasks = await openTasks(db.knex, stage.id);
    await completeActivity(db.knex, runtime, stage.id, 'provide_information');

    expect(requesterTasks.map((task) => [task.activity_id, task.candidate_role])).toEqual([
      ['provide_information', 'student'],
    ]);
    expect(await activities(stage)).toEqual(['review_request']);
  });

  it('skips recruitment without consent', async () => {
    const stage = await startStage(
      { startDate: daysFromToday(-20), endDate: daysFromToday(-1) },
      false,
    );
    for (const activity of ['review_request', 'prepare_badge', 'assign_locker', 'check_hygiene']) {
      await completeActivity(db.knex, runtime, stage.id, activity);
    }
    await drainBackgroundWork(runtime);
    for (const activity of [
      'confirm_execution',
      'validate_stage',
      'evaluate_by_hospital',
      'evaluate_by_student',
    ]) {
      await completeActivity(db.knex, runtime, stage.id, activity);
    }

    const row = await db.knex('stages').where({ id: stage.id }).first();
    expect(row.status).toBe('completed');
    expect(await activities(stage)).toEqual([]);
  });

  it('waits for a future start date', async () => {
    const stage = await startStage({ startDate: daysFromToday(40), endDate: daysFromToday(70) });
    for (const activity of ['review_request', 'prepare_badge', 'assign_locker', 'check_hygiene']) {
      await completeActivity(db.knex, runtime, stage.id, activity);
    }
    await drainBackgroundWork(runtime);

    const timer = await db
      .knex('process_timers')
      .where({ 'process_timers.activity_id': 'wait_for_start', 'process_timers.status': 'pending' })
      .join('stages', 'stages.process_instance_id', 'process_timers.instance_id')
      .where('stages.id', stage.id)
      .first('process_timers.due_at');
    expect(await activities(stage)).toEqual([]);
    expect(new Date(timer.due_at).toISOString().slice(0, 10)).toBe(stage.startDate);
  });

  async function startStage(
    period: { startDate: string; endDate: string },
    recruitmentConsent = true,
  ): Promise<StageVariables> {
    const stage = await insertStage(db.knex, world, period, { recruitmentConsent });
    await db.knex.transaction((trx) =>
      runtime.startInstance(trx, {
        definitionKey: 'stage-lifecycle',
        stage,
        actor: { userId: null },
      }),
    );
    return stage;
  }

  async function activities(stage: StageVariables): Promise<string[]> {
    return (await openTasks(db.knex, stage.id))
      .map((task) => task.activity_id)
      .sort(byProcessOrder);
  }

  // Activities with more than one task row: recovered waits must not create a second task.
  async function duplicatedTasks(stage: StageVariables): Promise<string[]> {
    const rows = (await db
      .knex('tasks')
      .where({ stage_id: stage.id })
      .groupBy('activity_id')
      .havingRaw('count(*) > 1')
      .select('activity_id')) as { activity_id: string }[];
    return rows.map((row) => row.activity_id);
  }
});

const ORDER = [
  'review_request',
  'provide_information',
  'prepare_badge',
  'assign_locker',
  'check_hygiene',
  'confirm_execution',
  'validate_stage',
  'evaluate_by_hospital',
  'evaluate_by_student',
  'recruitment_decision',
];

function byProcessOrder(left: string, right: string): number {
  return ORDER.indexOf(left) - ORDER.indexOf(right);
}
