import { isDeepStrictEqual } from 'node:util';
import type { Role } from '../../backend/src/platform/permissions/roles';
import { createProcessRuntime } from '../../backend/src/runtime';
import { MAIN_PATH_VALUES, readStageLifecycle } from '../support/lifecycle-driver';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { daysFromToday, insertStage } from '../support/stage-fixtures';
import { createTestDatabase, isPostgres, type TestDatabase } from '../support/test-database';
import {
  insertReferenceData,
  insertRoleUsers,
  roleEmail,
  signIn,
  TEST_PASSWORD,
  type TestClient,
} from '../support/test-users';

const STAGE_COUNT = 24;
const KILL_ROUNDS = 3;
// Roles whose inboxes hold the main path's tasks.
const WORKING_ROLES: Role[] = [
  'hospital_coordinator',
  'badge_manager',
  'hygienist',
  'supervisor',
  'student',
];

interface Acknowledged {
  taskId: number;
  userId: number;
  values: Record<string, unknown>;
}

// Two server processes cannot share an embedded database, so this runs on PostgreSQL only.
const describeOnPostgres = isPostgres ? describe : describe.skip;

describeOnPostgres('completions while the server is killed', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  const acknowledged: Acknowledged[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const reference = await insertReferenceData(db.knex);
    await insertRoleUsers(db.knex, reference, {
      passwordCost: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    });
    const runtime = createProcessRuntime(db);
    await runtime.deployDefinition(readStageLifecycle(), { userId: null });
    for (let index = 0; index < STAGE_COUNT; index++) {
      const stage = await insertStage(db.knex, worldOf(reference), {
        startDate: daysFromToday(-10),
        endDate: daysFromToday(20),
      });
      await db.knex.transaction((trx) =>
        runtime.startInstance(trx, {
          definitionKey: 'stage-lifecycle',
          stage,
          actor: { userId: null },
        }),
      );
    }
    server = await startServerProcess(db.env);
  });

  afterAll(async () => {
    await server?.stop();
    await db.close();
  });

  it('keeps every acknowledged completion, once', async () => {
    for (let round = 0; round < KILL_ROUNDS; round++) {
      const clients = await signInWorkingRoles(server.baseUrl);
      const stop = { isStopped: false };
      const drivers = Object.values(clients).map((client) => drive(client, stop, acknowledged));

      await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 2_000));
      await server.kill();
      stop.isStopped = true;
      await Promise.all(drivers);
      await server.restart();
    }
    // Let the restarted server's scheduler and job worker settle what was in flight.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    expect(acknowledged.length).toBeGreaterThan(0);
    expect(await missingAcknowledged(db, acknowledged)).toEqual([]);
    expect(await tasksCompletedTwice(db)).toEqual([]);
    expect(await instancesWithoutWait(db)).toEqual([]);
  });
});

async function signInWorkingRoles(baseUrl: string): Promise<Record<string, TestClient>> {
  const clients: Record<string, TestClient> = {};
  for (const role of WORKING_ROLES) {
    clients[role] = await signIn(baseUrl, roleEmail(role), TEST_PASSWORD);
  }
  return clients;
}

// Completes the tasks in the client's inbox until the server goes away.
async function drive(
  client: TestClient,
  stop: { isStopped: boolean },
  acknowledged: Acknowledged[],
): Promise<void> {
  while (!stop.isStopped) {
    try {
      const response = await client.get('/api/tasks?scope=all&pageSize=20');
      const { items } = (await response.json()) as { items: { id: number; activityId: string }[] };
      for (const task of items) {
        const values = MAIN_PATH_VALUES[task.activityId] ?? {};
        const completion = await client.post(`/api/tasks/${task.id}/complete`, { values });
        if (completion.status === 200) {
          acknowledged.push({ taskId: task.id, userId: client.session.user.id, values });
        }
      }
      if (items.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    } catch {
      // The server was killed mid-request: only completions with a response count as acknowledged.
      return;
    }
  }
}

async function missingAcknowledged(db: TestDatabase, acknowledged: Acknowledged[]) {
  const missing: number[] = [];
  for (const completion of acknowledged) {
    const task = await db.knex('tasks').where({ id: completion.taskId }).first();
    const isKept =
      task?.status === 'completed' &&
      task.completed_by === completion.userId &&
      // jsonb reorders keys, so compare the values structurally.
      isDeepStrictEqual(task.values, completion.values);
    if (!isKept) missing.push(completion.taskId);
  }
  return missing;
}

async function tasksCompletedTwice(db: TestDatabase): Promise<unknown[]> {
  const result = await db.knex.raw(
    `SELECT data->>'taskId' AS task_id, count(*) AS completions FROM process_history
     WHERE type = 'task.completed' GROUP BY data->>'taskId' HAVING count(*) > 1`,
  );
  return result.rows;
}

// A running instance must wait on something: an open task, a pending timer or a service job.
async function instancesWithoutWait(db: TestDatabase): Promise<unknown[]> {
  const result = await db.knex.raw(
    `SELECT i.id FROM process_instances i
     WHERE i.status = 'running'
       AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = i.id AND t.status = 'open')
       AND NOT EXISTS (SELECT 1 FROM process_timers m
                       WHERE m.instance_id = i.id AND m.status = 'pending' AND m.kind = 'bpmn_timer')
       AND NOT EXISTS (SELECT 1 FROM service_jobs j
                       WHERE j.instance_id = i.id AND j.status IN ('pending', 'running', 'succeeded'))`,
  );
  return result.rows;
}

function worldOf(reference: Awaited<ReturnType<typeof insertReferenceData>>) {
  return {
    hospitalId: reference.hospital.id,
    campusId: reference.hospital.campusId,
    careUnitId: reference.hospital.careUnitIds[0],
    schoolId: reference.school.id,
    programmeId: reference.school.programmeId,
    studentId: reference.student.id,
  };
}
