import fs from 'node:fs';
import path from 'node:path';
import { createProcessRuntime } from '../../backend/src/runtime';
import { openTasks } from '../support/lifecycle-driver';
import { createStageWorld, daysFromToday, insertStage } from '../support/stage-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SHORT_TIMER = fs.readFileSync(path.join(__dirname, 'fixtures/short-timer.bpmn'), 'utf8');

describe('timer due while the server is down', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ persistent: true });
  });

  afterAll(() => db.close());

  it('fires after the restart', async () => {
    const runtime = createProcessRuntime(db);
    await runtime.deployDefinition(SHORT_TIMER, { userId: null });
    const world = await createStageWorld(db.knex);
    const stage = await insertStage(db.knex, world, {
      startDate: daysFromToday(1),
      endDate: daysFromToday(10),
    });
    await db.knex.transaction((trx) =>
      runtime.startInstance(trx, { definitionKey: 'short-timer', stage, actor: { userId: null } }),
    );
    const firedBeforeDue = await runtime.fireDueTimers();

    // The server is down while the timer falls due.
    db = await db.reopen();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const restarted = createProcessRuntime(db);
    const firedAfterRestart = await restarted.fireDueTimers();

    expect(firedBeforeDue).toBe(0);
    expect(firedAfterRestart).toBe(1);
    expect((await openTasks(db.knex, stage.id)).map((task) => task.activity_id)).toEqual([
      'confirm',
    ]);
  });
});
