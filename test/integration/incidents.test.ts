import type { PasswordHashCost } from '../../backend/src/platform/auth/passwords';
import type { Role } from '../../backend/src/platform/permissions/roles';
import { PermanentPluginError, type ServicePlugin } from '../../backend/src/plugin-api';
import { createProcessRuntime } from '../../backend/src/runtime';
import { readStageLifecycle } from '../support/lifecycle-driver';
import { daysFromToday } from '../support/stage-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  TEST_PASSWORD,
  insertReferenceData,
  insertRoleUsers,
  insertTestUser,
  signIn,
  type ReferenceData,
  type TestClient,
  type TestUser,
} from '../support/test-users';

// Argon2's cheapest settings: these accounts only guard a throwaway test database.
const FAST_HASH: PasswordHashCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

/** Stands in for the identity system's plugin: every call fails and cannot be retried away. */
const failingItAccount: ServicePlugin = {
  name: 'it-account',
  title: 'Create the IT login (always fails)',
  description: 'Test double that rejects every request.',
  run: () => Promise.reject(new PermanentPluginError('The identity system rejected the request.')),
};

interface IncidentBody {
  id: number;
  status: string;
  activityId: string;
  error: string;
  resolvedBy: { id: number; name: string } | null;
  job: { id: number; status: string } | null;
  stage: { id: number; hospital: { id: number } } | null;
}

let server: TestServer;
let reference: ReferenceData;
let users: Record<Role, TestUser>;
let admin: TestClient;
let institutionAdmin: TestClient;
let otherInstitutionAdmin: TestClient;
let coordinator: TestClient;
let incident: IncidentBody;

beforeAll(async () => {
  server = await startTestServer({
    runtime: (db) => createProcessRuntime(db, { plugins: [failingItAccount] }),
  });
  await server.runtime.deployDefinition(readStageLifecycle(), { userId: null });
  reference = await insertReferenceData(server.db.knex);
  users = await insertRoleUsers(server.db.knex, reference, { passwordCost: FAST_HASH });
  const otherAdmin = await insertTestUser(server.db.knex, {
    email: 'south-admin@stageflow.example',
    roles: ['institution_admin'],
    institutionId: reference.otherHospital.id,
    passwordCost: FAST_HASH,
  });

  admin = await login(users.platform_admin);
  institutionAdmin = await login(users.institution_admin);
  otherInstitutionAdmin = await login(otherAdmin);
  coordinator = await login(users.hospital_coordinator);
  incident = await openIncident();
});

afterAll(() => server.close());

describe('GET /api/incidents', () => {
  it('lists an open incident with its stage for a platform admin', async () => {
    const body = await listIncidents(admin, '');

    expect(body.items).toEqual([
      expect.objectContaining({
        id: incident.id,
        status: 'open',
        activityId: 'create_it_account',
        error: expect.stringContaining('identity system rejected'),
        stage: expect.objectContaining({
          hospital: expect.objectContaining({ id: reference.hospital.id }),
        }),
      }),
    ]);
  });

  it("shows the incident to the admin of the stage's hospital", async () => {
    const body = await listIncidents(institutionAdmin, 'status=open');

    expect(body.items.map((item) => item.id)).toEqual([incident.id]);
  });

  it('hides the incident from the admin of another hospital', async () => {
    const body = await listIncidents(otherInstitutionAdmin, 'status=open');

    expect(body.total).toBe(0);
  });

  it('answers 403 to a coordinator', async () => {
    const response = await coordinator.get('/api/incidents');

    expect(response.status).toBe(403);
  });
});

describe('POST /api/incidents/:id/retry', () => {
  it.each([
    ["the stage's hospital", () => institutionAdmin],
    ['another hospital', () => otherInstitutionAdmin],
  ])('answers 403 to the admin of %s', async (_hospital, client) => {
    const response = await client().post(`/api/incidents/${incident.id}/retry`);

    expect(response.status).toBe(403);
    expect(await incidentStatus()).toBe('open');
  });

  it('answers 404 for an unknown incident', async () => {
    const response = await admin.post('/api/incidents/999999/retry');

    expect(response.status).toBe(404);
  });

  it('resolves the incident and queues its job again', async () => {
    const response = await admin.post(`/api/incidents/${incident.id}/retry`);
    const body = (await response.json()) as IncidentBody;

    expect(response.status).toBe(200);
    expect(body.status).toBe('resolved');
    expect(body.resolvedBy).toEqual({
      id: users.platform_admin.id,
      name: users.platform_admin.name,
    });
    expect(body.job?.status).toBe('pending');
  });

  it('moves the incident to the resolved list', async () => {
    const open = await listIncidents(admin, 'status=open');
    const resolved = await listIncidents(admin, 'status=resolved');

    expect(open.total).toBe(0);
    expect(resolved.items.map((item) => item.id)).toEqual([incident.id]);
  });

  it('answers 409 for a resolved incident', async () => {
    const response = await admin.post(`/api/incidents/${incident.id}/retry`);

    expect(response.status).toBe(409);
  });
});

// helpers

async function login(user: TestUser): Promise<TestClient> {
  return signIn(server.baseUrl, user.email, TEST_PASSWORD);
}

// Requests a stage, accepts it and runs the jobs, so the IT-login task fails into an incident.
async function openIncident(): Promise<IncidentBody> {
  const student = await login(users.student);
  const stageResponse = await student.post('/api/stages', {
    careUnitId: reference.hospital.careUnitIds[0],
    startDate: daysFromToday(30),
    endDate: daysFromToday(45),
  });
  const stage = (await stageResponse.json()) as { id: number };

  const inbox = (await (await coordinator.get(`/api/tasks?stageId=${stage.id}`)).json()) as {
    items: { id: number }[];
  };
  await coordinator.post(`/api/tasks/${inbox.items[0]!.id}/complete`, {
    values: { decision: 'accept' },
  });
  await server.runtime.runPendingJobs();

  const body = await listIncidents(admin, 'status=open');
  if (body.items.length !== 1) throw new Error(`expected one incident: ${JSON.stringify(body)}`);
  return body.items[0]!;
}

async function incidentStatus(): Promise<string> {
  const row = (await server.db.knex('incidents').where({ id: incident.id }).first('status')) as {
    status: string;
  };
  return row.status;
}

async function listIncidents(
  client: TestClient,
  query: string,
): Promise<{ items: IncidentBody[]; total: number }> {
  const response = await client.get(`/api/incidents?${query}`);
  if (response.status !== 200) throw new Error(`GET /api/incidents: ${await response.text()}`);
  return (await response.json()) as { items: IncidentBody[]; total: number };
}
