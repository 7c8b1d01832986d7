import { ROLES, type Role } from '../../backend/src/platform/permissions/roles';
import { createProcessRuntime } from '../../backend/src/runtime';
import { completeOverHttp, TASK_ROLES } from '../support/http-lifecycle';
import { daysFromToday } from '../support/stage-fixtures';
import { readStageLifecycle } from '../support/lifecycle-driver';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import {
  insertReferenceData,
  insertRoleUsers,
  roleEmail,
  signIn,
  TEST_PASSWORD,
  type ReferenceData,
  type TestClient,
} from '../support/test-users';

// The phases in the order the stage goes through them, with the tasks completed in each.
const PHASES: string[][] = [
  ['review_request'],
  ['prepare_badge', 'assign_locker'],
  ['check_hygiene'],
  ['confirm_execution'],
  ['validate_stage'],
  ['evaluate_by_hospital', 'evaluate_by_student'],
  ['recruitment_decision'],
];

describe('stage lifecycle over HTTP with crashes', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let reference: ReferenceData;

  beforeAll(async () => {
    db = await createTestDatabase({ persistent: true });
    reference = await insertReferenceData(db.knex);
    await insertRoleUsers(db.knex, reference, {
      passwordCost: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    });
    await db
      .knex('students')
      .where({ id: reference.student.id })
      .update({ recruitment_consent: true });
    await createProcessRuntime(db).deployDefinition(readStageLifecycle(), { userId: null });
    // The embedded database allows one process at a time: hand it over to the server.
    await db.disconnect();
    server = await startServerProcess(db.env);
  });

  afterAll(async () => {
    await server?.stop();
    await db.removeData();
  });

  it('finishes after a SIGKILL between every two phases', async () => {
    const clients = await signInEveryRole(server.baseUrl);
    const stageId = await requestStage(clients.student, reference);

    const retried: string[] = [];
    const options = {
      admin: clients.platform_admin,
      onRetry: (incident: { activityId: string }) => retried.push(incident.activityId),
    };
    for (const phase of PHASES) {
      for (const activity of phase) {
        await completeOverHttp(clients[TASK_ROLES[activity]!], stageId, activity, options);
      }
      await server.kill();
      await server.restart();
    }

    const detail = await readStage(clients.hospital_coordinator, stageId);
    const completed = detail.history
      .filter((entry) => entry.type === 'task.completed')
      .map((entry) => entry.activityId);
    // Only a kill during the IT-login call may leave an incident to retry.
    expect(retried.filter((activity) => activity !== 'create_it_account')).toEqual([]);
    expect(detail.phase).toBe('closed');
    expect(detail.status).toBe('completed');
    expect(completed.sort()).toEqual(PHASES.flat().sort());
    expect(detail.tasks.map((task) => task.activityId).sort()).toEqual(PHASES.flat().sort());
  });
});

async function signInEveryRole(baseUrl: string): Promise<Record<Role, TestClient>> {
  const clients: Partial<Record<Role, TestClient>> = {};
  for (const role of ROLES) {
    clients[role] = await signIn(baseUrl, roleEmail(role), TEST_PASSWORD);
  }
  return clients as Record<Role, TestClient>;
}

async function requestStage(student: TestClient, reference: ReferenceData): Promise<number> {
  const response = await student.post('/api/stages', {
    careUnitId: reference.hospital.careUnitIds[0],
    startDate: daysFromToday(0),
    endDate: daysFromToday(28),
    motivation: 'I would like to learn cardiac care.',
  });
  if (response.status !== 201) {
    throw new Error(`POST /api/stages answered ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as { id: number }).id;
}

interface StageDetail {
  phase: string;
  status: string;
  history: { type: string; activityId: string | null }[];
  tasks: { activityId: string }[];
}

async function readStage(client: TestClient, stageId: number): Promise<StageDetail> {
  const response = await client.get(`/api/stages/${stageId}`);
  return (await response.json()) as StageDetail;
}
