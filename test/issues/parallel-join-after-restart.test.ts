import { createProcessRuntime } from '../../backend/src/runtime';
import {
  completeActivity,
  drainBackgroundWork,
  openTasks,
  readStageLifecycle,
} from '../support/lifecycle-driver';
import { createStageWorld, daysFromToday, insertStage } from '../support/stage-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('parallel preparation joined across a restart', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ persistent: true });
  });

  afterAll(() => db.close());

  it('continues once the last branch completes', async () => {
    const runtime = createProcessRuntime(db);
    await runtime.deployDefinition(readStageLifecycle(), { userId: null });
    const stage = await insertStage(db.knex, await createStageWorld(db.knex), {
      startDate: daysFromToday(-5),
      endDate: daysFromToday(20),
    });
    await db.knex.transaction((trx) =>
      runtime.startInstance(trx, {
        definitionKey: 'stage-lifecycle',
        stage,
        actor: { userId: null },
      }),
    );
    await completeActivity(db.knex, runtime, stage.id, 'review_request');
    await completeActivity(db.knex, runtime, stage.id, 'prepare_badge');
    await drainBackgroundWork(runtime);

    db = await db.reopen();
    const restarted = createProcessRuntime(db);
    const beforeLastBranches = (await openTasks(db.knex, stage.id)).map((task) => task.activity_id);
    await completeActivity(db.knex, restarted, stage.id, 'assign_locker');

    db = await db.reopen();
    const restartedAgain = createProcessRuntime(db);
    await completeActivity(db.knex, restartedAgain, stage.id, 'check_hygiene');
    await drainBackgroundWork(restartedAgain);

    expect(beforeLastBranches).toEqual(['assign_locker', 'check_hygiene']);
    expect((await openTasks(db.knex, stage.id)).map((task) => task.activity_id)).toEqual([
      'confirm_execution',
    ]);
    const badgeTasks = await db
      .knex('tasks')
      .where({ stage_id: stage.id, activity_id: 'prepare_badge' });
    expect(badgeTasks).toHaveLength(1);
  });
});
