import { startTestServer, type TestServer } from '../support/test-server';
import {
  insertReferenceData,
  insertRoleUsers,
  roleEmail,
  signIn,
  TEST_PASSWORD,
  type ReferenceData,
} from '../support/test-users';
import { readStageLifecycle } from '../support/lifecycle-driver';
import { daysFromToday } from '../support/stage-fixtures';

describe('request hardening', () => {
  let server: TestServer;
  let reference: ReferenceData;

  beforeAll(async () => {
    server = await startTestServer();
    reference = await insertReferenceData(server.db.knex);
    await insertRoleUsers(server.db.knex, reference, {
      passwordCost: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    });
    await server.runtime.deployDefinition(readStageLifecycle(), { userId: null });
  });

  afterAll(() => server.close());

  it('rejects a POST from another origin', async () => {
    const student = await signIn(server.baseUrl, roleEmail('student'), TEST_PASSWORD);

    const response = await fetch(`${server.baseUrl}/api/stages`, {
      method: 'POST',
      headers: {
        cookie: student.cookie,
        origin: 'http://evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify(stageBody(reference.hospital.careUnitIds[0])),
    });

    expect(response.status).toBe(403);
    expect(await server.db.knex('stages').count({ count: '*' }).first()).toEqual({ count: 0 });
  });

  it('accepts a POST from its own origin', async () => {
    const response = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { origin: server.baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ email: roleEmail('student'), password: TEST_PASSWORD }),
    });

    expect(response.status).toBe(200);
  });

  it('rejects ids that are not integers', async () => {
    const student = await signIn(server.baseUrl, roleEmail('student'), TEST_PASSWORD);

    const response = await student.post('/api/stages', { ...stageBody(0), careUnitId: true });
    const problem = (await response.json()) as { errors: { field: string }[] };

    expect(response.status).toBe(400);
    expect(problem.errors.map((error) => error.field)).toContain('careUnitId');
  });

  it.each([
    ['truncated JSON', '{"email": "student@'],
    ['a null body', 'null'],
    ['a __proto__ key', '{"__proto__": {"email": "x"}, "password": "y"}'],
  ])('answers %s with 400', async (_case, body) => {
    const response = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers a null stage request with 400', async () => {
    const student = await signIn(server.baseUrl, roleEmail('student'), TEST_PASSWORD);

    const response = await student.request('POST', '/api/stages', null);

    expect(response.status).toBe(400);
  });
});

function stageBody(careUnitId: number) {
  return {
    careUnitId,
    startDate: daysFromToday(10),
    endDate: daysFromToday(30),
    motivation: 'Cardiology',
  };
}
