import { createProcessRuntime } from '../../backend/src/runtime';
import type { ProcessRuntime } from '../../backend/src/runtime/process-runtime';
import { ConflictError } from '../../backend/src/platform/errors/app-errors';
import { openTasks, readStageLifecycle } from '../support/lifecycle-driver';
import { createStageWorld, daysFromToday, insertStage } from '../support/stage-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('two completions of one task', () => {
  let db: TestDatabase;
  let runtime: ProcessRuntime;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = createProcessRuntime(db);
    await runtime.deployDefinition(readStageLifecycle(), { userId: null });
  });

  afterAll(() => db.close());

  it('applies one and rejects the other', async () => {
    const stage = await insertStage(db.knex, await createStageWorld(db.knex), {
      startDate: daysFromToday(10),
      endDate: daysFromToday(30),
    });
    await db.knex.transaction((trx) =>
      runtime.startInstance(trx, {
        definitionKey: 'stage-lifecycle',
        stage,
        actor: { userId: null },
      }),
    );
    const [review] = await openTasks(db.knex, stage.id);

    const outcomes = await Promise.allSettled([
      runtime.completeTask(review.id, { decision: 'accept' }, { userId: null }),
      runtime.completeTask(review.id, { decision: 'accept' }, { userId: null }),
    ]);

    const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(ConflictError);
    const completions = await db
      .knex('process_history')
      .where({ stage_id: stage.id, type: 'task.completed' });
    expect(completions).toHaveLength(1);
    const badgeTasks = await db
      .knex('tasks')
      .where({ stage_id: stage.id, activity_id: 'prepare_badge' });
    expect(badgeTasks).toHaveLength(1);
  });

  it('rejects values that break the form', async () => {
    const stage = await insertStage(db.knex, await createStageWorld(db.knex, 'B'), {
      startDate: daysFromToday(10),
      endDate: daysFromToday(30),
    });
    await db.knex.transaction((trx) =>
      runtime.startInstance(trx, {
        definitionKey: 'stage-lifecycle',
        stage,
        actor: { userId: null },
      }),
    );
    const [review] = await openTasks(db.knex, stage.id);

    const attempt = runtime.completeTask(
      review.id,
      { decision: 'maybe', extra: 1 },
      { userId: null },
    );

    await expect(attempt).rejects.toMatchObject({
      status: 400,
      errors: [
        { field: 'values.decision', message: 'must be one of accept, refuse, more_info' },
        { field: 'values.extra', message: 'is not a field of this task; remove it' },
      ],
    });
    expect(await openTasks(db.knex, stage.id)).toEqual([review]);
  });
});
