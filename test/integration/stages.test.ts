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

interface Problem {
  errors: { field: string; message: string }[];
}

interface StageBody {
  id: number;
  requesterRole: string;
  processInstanceId: number | null;
  careUnit: { id: number };
}

interface StagePage {
  items: StageBody[];
  total: number;
  page: number;
  pageSize: number;
}

interface StageDetailBody extends StageBody {
  history: { type: string; actor: { id: number; name: string } | null }[];
  tasks: { activityId: string; status: string }[];
  participants: { role: string; name: string; email: string }[];
}

let server: TestServer;
let reference: ReferenceData;
let users: Record<Role, TestUser>;
let student: TestClient;
let schoolCoordinator: TestClient;
let hospitalCoordinator: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  await server.runtime.deployDefinition(readStageLifecycle(), { userId: null });
  reference = await insertReferenceData(server.db.knex);
  users = await insertRoleUsers(server.db.knex, reference, { passwordCost: FAST_HASH });

  student = await signIn(server.baseUrl, users.student.email, TEST_PASSWORD);
  schoolCoordinator = await signIn(server.baseUrl, users.school_coordinator.email, TEST_PASSWORD);
  hospitalCoordinator = await signIn(
    server.baseUrl,
    users.hospital_coordinator.email,
    TEST_PASSWORD,
  );
});

afterAll(() => server.close());

describe('POST /api/stages', () => {
  it('lets a student request a stage for themselves', async () => {
    const response = await student.post('/api/stages', {
      careUnitId: reference.hospital.careUnitIds[0],
      startDate: daysFromToday(30),
      endDate: daysFromToday(60),
      motivation: 'I want to learn cardiology.',
    });
    const body = (await response.json()) as StageBody;

    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/stages/${body.id}`);
    expect(body).toMatchObject({
      requesterRole: 'student',
      status: 'active',
      phase: 'acceptance',
      motivation: 'I want to learn cardiology.',
      student: { id: reference.student.id },
      hospital: { id: reference.hospital.id },
      school: { id: reference.school.id },
      programme: { id: reference.school.programmeId },
    });
    expect(body.processInstanceId).toEqual(expect.any(Number));
  });

  it('shows the requested stage in the student list', async () => {
    const created = await requestStage(student, { startDate: daysFromToday(70) });

    const list = (await (await student.get('/api/stages?pageSize=100')).json()) as StagePage;

    expect(list.items.map((item) => item.id)).toContain(created.id);
  });

  it('lets a school coordinator request for a student of their school', async () => {
    const response = await schoolCoordinator.post('/api/stages', {
      studentId: reference.student.id,
      careUnitId: reference.hospital.careUnitIds[1],
      startDate: daysFromToday(10),
      endDate: daysFromToday(20),
    });
    const body = (await response.json()) as StageBody;

    expect(response.status).toBe(201);
    expect(body.requesterRole).toBe('school_coordinator');
    expect(body.careUnit.id).toBe(reference.hospital.careUnitIds[1]);
  });

  it.each([
    ['an impossible date', { startDate: '2027-02-30' }, 'startDate'],
    ['a date in another format', { endDate: '01/03/2027' }, 'endDate'],
    ['an end before the start', { startDate: '2027-03-10', endDate: '2027-03-09' }, 'endDate'],
    ['more than 26 weeks', { startDate: '2027-01-01', endDate: '2027-07-03' }, 'endDate'],
    ['an unknown care unit', { careUnitId: 999_999 }, 'careUnitId'],
    ['a care unit id that is not a number', { careUnitId: 'cardiology' }, 'careUnitId'],
  ])('rejects %s with 400 naming the field', async (_case, change, field) => {
    const before = await countRows();

    const response = await student.post('/api/stages', { ...validRequest(), ...change });
    const body = (await response.json()) as Problem;

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(body.errors.map((error) => error.field)).toContain(field);
    expect(await countRows()).toEqual(before);
  });

  it('accepts a stage of exactly 26 weeks', async () => {
    const response = await student.post('/api/stages', {
      ...validRequest(),
      startDate: '2027-01-01',
      endDate: '2027-07-01',
    });

    expect(response.status).toBe(201);
  });

  it("answers 404 for another school's student and writes nothing", async () => {
    const before = await countRows();

    const response = await schoolCoordinator.post('/api/stages', {
      ...validRequest(),
      studentId: reference.otherStudent.id,
    });

    expect(response.status).toBe(404);
    expect(await countRows()).toEqual(before);
  });

  it('answers 404 when a student requests for another student', async () => {
    const response = await student.post('/api/stages', {
      ...validRequest(),
      studentId: reference.otherStudent.id,
    });

    expect(response.status).toBe(404);
  });

  it('answers 403 to a role that cannot request stages', async () => {
    const response = await hospitalCoordinator.post('/api/stages', {
      ...validRequest(),
      studentId: reference.student.id,
    });

    expect(response.status).toBe(403);
  });

  it('asks a school coordinator for the studentId', async () => {
    const response = await schoolCoordinator.post('/api/stages', validRequest());
    const body = (await response.json()) as Problem;

    expect(response.status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'studentId' })]);
  });

  it('answers 401 without a session', async () => {
    const response = await fetch(`${server.baseUrl}/api/stages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validRequest()),
    });

    expect(response.status).toBe(401);
  });
});

describe('GET /api/stages', () => {
  let ids: { early: number; middle: number; late: number };

  beforeAll(async () => {
    const unit = reference.hospital.careUnitIds[1];
    ids = {
      early: (await requestStage(schoolCoordinator, { startDate: '2030-01-05', careUnitId: unit }))
        .id,
      middle: (await requestStage(schoolCoordinator, { startDate: '2030-02-05', careUnitId: unit }))
        .id,
      late: (await requestStage(schoolCoordinator, { startDate: '2030-03-05', careUnitId: unit }))
        .id,
    };
  });

  it('filters by start dates and sorts by start date', async () => {
    const body = await listIds('startFrom=2030-01-05&startTo=2030-02-28&sort=-startDate');

    expect(body.ids).toEqual([ids.middle, ids.early]);
    expect(body.total).toBe(2);
  });

  it('paginates with page and pageSize', async () => {
    const query = 'startFrom=2030-01-01&sort=startDate&pageSize=2';

    const first = await listIds(`${query}&page=1`);
    const second = await listIds(`${query}&page=2`);

    expect(first).toMatchObject({ ids: [ids.early, ids.middle], total: 3, page: 1, pageSize: 2 });
    expect(second).toMatchObject({ ids: [ids.late], total: 3, page: 2 });
  });

  it('filters by care unit, phase and status', async () => {
    const unit = reference.hospital.careUnitIds[1];

    const body = await listIds(`careUnitId=${unit}&phase=acceptance&status=active&pageSize=100`);
    const none = await listIds(`careUnitId=${unit}&status=completed`);

    expect(body.ids).toEqual(expect.arrayContaining([ids.early, ids.middle, ids.late]));
    expect(none.total).toBe(0);
  });

  it('searches the matricule and the full name', async () => {
    const byMatricule = await listIds('q=e-001&startFrom=2030-01-01');
    const byName = await listIds('q=Amina%20Test&startFrom=2030-01-01');
    const byOther = await listIds('q=Bram');

    expect(byMatricule.total).toBe(3);
    expect(byName.total).toBe(3);
    expect(byOther.total).toBe(0);
  });

  it('treats LIKE wildcards in q as plain characters', async () => {
    const body = await listIds('q=%25');

    expect(body.total).toBe(0);
  });

  it('rejects a pageSize over 100 and an unknown sort', async () => {
    const response = await schoolCoordinator.get('/api/stages?pageSize=101&sort=name');
    const body = (await response.json()) as Problem;

    expect(response.status).toBe(400);
    expect(body.errors.map((error) => error.field).sort()).toEqual(['pageSize', 'sort']);
  });
});

describe('GET /api/stages/:id', () => {
  it('returns the history, tasks and participants', async () => {
    const created = await requestStage(student, {});

    const response = await hospitalCoordinator.get(`/api/stages/${created.id}`);
    const body = (await response.json()) as StageDetailBody;

    expect(response.status).toBe(200);
    expect(body.history[0]).toMatchObject({
      type: 'instance.started',
      actor: { id: users.student.id, name: users.student.name },
    });
    expect(body.tasks).toEqual([
      expect.objectContaining({ activityId: 'review_request', status: 'open', assignee: null }),
    ]);
    expect(participantRoles(body.participants)).toEqual([
      'student',
      'supervisor',
      'hospital_coordinator',
      'school_coordinator',
    ]);
    expect(body.participants[0]).toMatchObject({
      name: 'Amina Test',
      email: 'amina@school.example',
    });
  });

  it('answers 404 for an unknown id', async () => {
    const response = await student.get('/api/stages/999999');

    expect(response.status).toBe(404);
  });

  it('answers 400 for a non-numeric id', async () => {
    const response = await student.get('/api/stages/first');

    expect(response.status).toBe(400);
  });
});

describe('reference lists for the request form', () => {
  it('lists hospitals by kind', async () => {
    const body = await readItems(student, '/api/institutions?kind=hospital');

    expect(body.map((item) => item.name)).toEqual(['Hospital North', 'Hospital South']);
  });

  it('lists the campuses of a hospital', async () => {
    const body = await readItems(student, `/api/campuses?hospitalId=${reference.hospital.id}`);

    expect(body).toEqual([
      expect.objectContaining({
        id: reference.hospital.campusId,
        name: 'Hospital North main campus',
      }),
    ]);
  });

  it('lists care units with their campus and no quota', async () => {
    const body = await readItems(
      student,
      `/api/care-units?campusId=${reference.hospital.campusId}`,
    );

    expect(body).toEqual([
      expect.objectContaining({
        id: reference.hospital.careUnitIds[0],
        campusName: 'Hospital North main campus',
        hospitalName: 'Hospital North',
        freePlaces: null,
      }),
      expect.objectContaining({ id: reference.hospital.careUnitIds[1] }),
    ]);
  });

  it('lists the programmes of a school', async () => {
    const body = await readItems(student, `/api/programmes?schoolId=${reference.otherSchool.id}`);

    expect(body).toEqual([
      expect.objectContaining({
        id: reference.otherSchool.programmeId,
        name: 'Bachelor in nursing',
      }),
    ]);
  });

  it('rejects an unknown institution kind', async () => {
    const response = await student.get('/api/institutions?kind=clinic');

    expect(response.status).toBe(400);
  });
});

// helpers

async function readItems(client: TestClient, path: string): Promise<Record<string, unknown>[]> {
  const response = await client.get(path);
  if (response.status !== 200) throw new Error(`GET ${path}: ${await response.text()}`);
  return ((await response.json()) as { items: Record<string, unknown>[] }).items;
}

function validRequest(): Record<string, unknown> {
  return {
    careUnitId: reference.hospital.careUnitIds[0],
    startDate: daysFromToday(40),
    endDate: daysFromToday(50),
  };
}

async function requestStage(
  client: TestClient,
  change: { startDate?: string; careUnitId?: number },
): Promise<{ id: number }> {
  const startDate = change.startDate ?? daysFromToday(40);
  const response = await client.post('/api/stages', {
    ...validRequest(),
    ...(client === schoolCoordinator && { studentId: reference.student.id }),
    ...change,
    startDate,
    endDate: startDate,
  });
  if (response.status !== 201) throw new Error(`stage request failed: ${await response.text()}`);
  return (await response.json()) as { id: number };
}

async function listIds(query: string) {
  const response = await schoolCoordinator.get(`/api/stages?${query}`);
  const body = (await response.json()) as StagePage;
  if (response.status !== 200) throw new Error(`GET /api/stages?${query}: ${JSON.stringify(body)}`);
  return { ...body, ids: body.items.map((item) => item.id) };
}

async function countRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['stages', 'process_instances', 'tasks', 'process_history']) {
    const row = await server.db.knex(table).count({ count: '*' }).first();
    counts[table] = Number(row?.count);
  }
  return counts;
}

function participantRoles(participants: { role: string }[]): string[] {
  return [...new Set(participants.map((participant) => participant.role))];
}
