import type { PasswordHashCost } from '../../backend/src/platform/auth/passwords';
import type { Role } from '../../backend/src/platform/permissions/roles';
import { readStageLifecycle } from '../support/lifecycle-driver';
import { daysFromToday } from '../support/stage-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  TEST_PASSWORD,
  insertReferenceData,
  insertRoleUsers,
  signIn,
  type ReferenceData,
  type TestClient,
  type TestUser,
} from '../support/test-users';

// Argon2's cheapest settings: these accounts only guard a throwaway test database.
const FAST_HASH: PasswordHashCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

/** Every role but platform_admin; every role user belongs to the first hospital or school. */
type ScopedRole = Exclude<Role, 'platform_admin'>;

/**
 * Whether each role reads the stage at the user's hospital, in the second care unit, of a
 * student of the other school. School-side roles must not; the supervisor of the first unit
 * must not either.
 */
const READS_MIXED_STAGE: Record<ScopedRole, boolean> = {
  student: false,
  school_coordinator: false,
  supervisor: false,
  hospital_coordinator: true,
  badge_manager: true,
  hygienist: true,
  institution_admin: true,
};

/**
 * The status returned for claiming the review task of the user's own hospital, which only hospital
 * coordinators may claim: 404 when the role may not even read it, 403 when it may.
 */
const CLAIMS_REVIEW_TASK: Record<Exclude<ScopedRole, 'hospital_coordinator'>, number> = {
  student: 404,
  school_coordinator: 404,
  supervisor: 404,
  badge_manager: 404,
  hygienist: 404,
  institution_admin: 403,
};

const SCOPED_ROLES = Object.keys(READS_MIXED_STAGE) as ScopedRole[];

interface Ids {
  /** Student of the first school, first care unit of the first hospital. */
  own: { stageId: number; taskId: number };
  /** Student of the other school, first care unit of the other hospital. */
  foreign: { stageId: number; taskId: number };
  /** Student of the other school, second care unit of the first hospital. */
  mixed: { stageId: number; taskId: number };
}

let server: TestServer;
let reference: ReferenceData;
let users: Record<Role, TestUser>;
let clients: Record<Role, TestClient>;
let ids: Ids;

beforeAll(async () => {
  server = await startTestServer();
  await server.runtime.deployDefinition(readStageLifecycle(), { userId: null });
  reference = await insertReferenceData(server.db.knex);
  users = await insertRoleUsers(server.db.knex, reference, { passwordCost: FAST_HASH });

  const signedIn: Partial<Record<Role, TestClient>> = {};
  for (const [role, user] of Object.entries(users) as [Role, TestUser][]) {
    signedIn[role] = await signIn(server.baseUrl, user.email, TEST_PASSWORD);
  }
  clients = signedIn as Record<Role, TestClient>;

  ids = {
    own: await requestStage(clients.student, reference.hospital.careUnitIds[0]),
    foreign: await requestStage(
      clients.platform_admin,
      reference.otherHospital.careUnitId,
      reference.otherStudent.id,
    ),
    mixed: await requestStage(
      clients.platform_admin,
      reference.hospital.careUnitIds[1],
      reference.otherStudent.id,
    ),
  };
});

afterAll(() => server.close());

describe.each(SCOPED_ROLES)('%s', (role) => {
  it('reads the stage of its own institution', async () => {
    const response = await clients[role].get(`/api/stages/${ids.own.stageId}`);

    expect(response.status).toBe(200);
  });

  it("gets 404 for another institution's stage", async () => {
    const response = await clients[role].get(`/api/stages/${ids.foreign.stageId}`);

    expect(response.status).toBe(404);
  });

  it("misses another institution's stage in the list", async () => {
    const listed = await listedIds(clients[role], '/api/stages?pageSize=100');

    expect(listed).toContain(ids.own.stageId);
    expect(listed).not.toContain(ids.foreign.stageId);
  });

  it('reads the mixed stage only from the hospital side', async () => {
    const response = await clients[role].get(`/api/stages/${ids.mixed.stageId}`);
    const listed = await listedIds(clients[role], '/api/stages?pageSize=100');

    expect(response.status).toBe(READS_MIXED_STAGE[role] ? 200 : 404);
    expect(listed.includes(ids.mixed.stageId)).toBe(READS_MIXED_STAGE[role]);
  });

  it("gets 404 for another institution's task", async () => {
    const response = await clients[role].get(`/api/tasks/${ids.foreign.taskId}`);
    const listed = await listedIds(clients[role], '/api/tasks?scope=all&pageSize=100');

    expect(response.status).toBe(404);
    expect(listed).not.toContain(ids.foreign.taskId);
  });

  it("cannot claim another institution's task", async () => {
    const response = await clients[role].post(`/api/tasks/${ids.foreign.taskId}/claim`);

    expect(response.status).toBe(404);
    expect(await assigneeOf(ids.foreign.taskId)).toBeNull();
  });

  it("cannot complete another institution's task", async () => {
    const response = await clients[role].post(`/api/tasks/${ids.foreign.taskId}/complete`, {
      values: { decision: 'accept' },
    });

    expect(response.status).toBe(404);
    expect(await statusOf(ids.foreign.taskId)).toBe('open');
  });

  it('cannot deploy a process definition', async () => {
    const response = await fetch(`${server.baseUrl}/api/process-definitions`, {
      method: 'POST',
      headers: { cookie: clients[role].cookie, 'content-type': 'application/xml' },
      body: readStageLifecycle(),
    });

    expect(response.status).toBe(403);
  });

  it('cannot retry incidents', async () => {
    const response = await clients[role].post('/api/incidents/1/retry');

    expect(response.status).toBe(403);
  });
});

describe('GET /api/students', () => {
  it('returns only the student themselves to a student', async () => {
    const listed = await listedIds(clients.student, '/api/students');

    expect(listed).toEqual([reference.student.id]);
  });

  it("returns only the school's students to a school coordinator", async () => {
    const listed = await listedIds(clients.school_coordinator, '/api/students?pageSize=100');

    expect(listed).toEqual([reference.student.id]);
  });

  it('searches by matricule within the school', async () => {
    const own = await listedIds(clients.school_coordinator, '/api/students?q=E-001');
    const other = await listedIds(clients.school_coordinator, '/api/students?q=W-001');

    expect(own).toEqual([reference.student.id]);
    expect(other).toEqual([]);
  });

  it.each(['hospital_coordinator', 'supervisor', 'badge_manager'] as const)(
    'answers 403 to a %s',
    async (role) => {
      const response = await clients[role].get('/api/students');

      expect(response.status).toBe(403);
    },
  );
});

describe.each(Object.keys(CLAIMS_REVIEW_TASK) as (keyof typeof CLAIMS_REVIEW_TASK)[])(
  '%s on the review task of its hospital',
  (role) => {
    it('cannot claim it', async () => {
      const response = await clients[role].post(`/api/tasks/${ids.own.taskId}/claim`);

      expect(response.status).toBe(CLAIMS_REVIEW_TASK[role]);
      expect(await assigneeOf(ids.own.taskId)).toBeNull();
    });

    it('cannot complete it', async () => {
      const response = await clients[role].post(`/api/tasks/${ids.own.taskId}/complete`, {
        values: { decision: 'refuse' },
      });

      expect(response.status).toBe(CLAIMS_REVIEW_TASK[role]);
      expect(await statusOf(ids.own.taskId)).toBe('open');
    });
  },
);

describe('platform_admin', () => {
  it('reads the stages of every institution', async () => {
    const listed = await listedIds(clients.platform_admin, '/api/stages?pageSize=100');

    expect(listed).toEqual(
      expect.arrayContaining([ids.own.stageId, ids.foreign.stageId, ids.mixed.stageId]),
    );
  });

  it('cannot complete a task claimed by someone else', async () => {
    await clients.hospital_coordinator.post(`/api/tasks/${ids.mixed.taskId}/claim`);

    const response = await clients.platform_admin.post(`/api/tasks/${ids.mixed.taskId}/complete`, {
      values: { decision: 'accept' },
    });

    expect(response.status).toBe(409);
    expect(await statusOf(ids.mixed.taskId)).toBe('open');
  });
});

// helpers

async function requestStage(
  client: TestClient,
  careUnitId: number,
  studentId?: number,
): Promise<{ stageId: number; taskId: number }> {
  const response = await client.post('/api/stages', {
    careUnitId,
    ...(studentId !== undefined && { studentId }),
    startDate: daysFromToday(30),
    endDate: daysFromToday(45),
  });
  if (response.status !== 201) throw new Error(`stage request failed: ${await response.text()}`);

  const stage = (await response.json()) as { id: number };
  const task = (await server.db
    .knex('tasks')
    .where({ stage_id: stage.id, activity_id: 'review_request' })
    .first('id')) as { id: number };
  return { stageId: stage.id, taskId: task.id };
}

async function listedIds(client: TestClient, path: string): Promise<number[]> {
  const response = await client.get(path);
  if (response.status !== 200) throw new Error(`GET ${path}: ${await response.text()}`);
  const body = (await response.json()) as { items: { id: number }[] };
  return body.items.map((item) => item.id);
}

async function assigneeOf(taskId: number): Promise<number | null> {
  const row = (await server.db.knex('tasks').where({ id: taskId }).first('assignee_id')) as {
    assignee_id: number | null;
  };
  return row.assignee_id;
}

async function statusOf(taskId: number): Promise<string> {
  const row = (await server.db.knex('tasks').where({ id: taskId }).first('status')) as {
    status: string;
  };
  return row.status;
}
