import type { PasswordHashCost } from '../../backend/src/platform/auth/passwords';
import type { Role } from '../../backend/src/platform/permissions/roles';
import { readStageLifecycle } from '../support/lifecycle-driver';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  TEST_PASSWORD,
  insertReferenceData,
  insertRoleUsers,
  signIn,
  type TestClient,
  type TestUser,
} from '../support/test-users';

// Argon2's cheapest settings: these accounts only guard a throwaway test database.
const FAST_HASH: PasswordHashCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

interface DefinitionBody {
  id: number;
  key: string;
  version: number;
  name: string;
  deployedBy: { id: number; name: string } | null;
  versionCount: number;
}

interface Problem {
  code: string;
  problems?: { elementId: string | null; rule: string; message: string }[];
  errors?: { field: string }[];
}

let server: TestServer;
let users: Record<Role, TestUser>;
let admin: TestClient;
let institutionAdmin: TestClient;
let coordinator: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  const reference = await insertReferenceData(server.db.knex);
  users = await insertRoleUsers(server.db.knex, reference, { passwordCost: FAST_HASH });

  admin = await signIn(server.baseUrl, users.platform_admin.email, TEST_PASSWORD);
  institutionAdmin = await signIn(server.baseUrl, users.institution_admin.email, TEST_PASSWORD);
  coordinator = await signIn(server.baseUrl, users.hospital_coordinator.email, TEST_PASSWORD);
});

afterAll(() => server.close());

describe('POST /api/process-definitions', () => {
  it('deploys XML sent as application/xml', async () => {
    const response = await postXml(admin, readStageLifecycle());
    const body = (await response.json()) as DefinitionBody;

    expect(response.status).toBe(201);
    expect(body).toMatchObject({
      key: 'stage-lifecycle',
      version: 1,
      name: 'Stage lifecycle',
      deployedBy: { id: users.platform_admin.id, name: users.platform_admin.name },
    });
  });

  it('returns the latest version unchanged for identical XML', async () => {
    const response = await postXml(admin, readStageLifecycle());
    const body = (await response.json()) as DefinitionBody;

    expect(response.status).toBe(200);
    expect(body.version).toBe(1);
  });

  it('deploys a changed definition from JSON as the next version', async () => {
    const response = await admin.post('/api/process-definitions', { xml: renamedLifecycle() });
    const body = (await response.json()) as DefinitionBody;

    expect(response.status).toBe(201);
    expect(body).toMatchObject({ version: 2, name: 'Stage lifecycle, revised', versionCount: 2 });
  });

  it('rejects a definition that breaks a rule with 422 and its problems', async () => {
    const before = await countDefinitions();
    const xml = readStageLifecycle().replace('sf:candidateRole="badge_manager"', '');

    const response = await postXml(admin, xml);
    const body = (await response.json()) as Problem;

    expect(response.status).toBe(422);
    expect(body.code).toBe('definition_rejected');
    expect(body.problems).toContainEqual(
      expect.objectContaining({ elementId: 'prepare_badge', rule: expect.any(String) }),
    );
    expect(await countDefinitions()).toBe(before);
  });

  it('rejects text that is not BPMN with 422', async () => {
    const response = await postXml(admin, 'this is not XML');
    const body = (await response.json()) as Problem;

    expect(response.status).toBe(422);
    expect(body.problems?.length).toBeGreaterThan(0);
  });

  it('rejects an empty JSON body with 400 naming xml', async () => {
    const response = await admin.post('/api/process-definitions', {});
    const body = (await response.json()) as Problem;

    expect(response.status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'xml' })]);
  });

  it('rejects an XML body over 2 MB with 413', async () => {
    const padding = `<!-- ${'x'.repeat(2.5 * 1024 * 1024)} -->`;

    const response = await postXml(admin, readStageLifecycle() + padding);
    const body = (await response.json()) as Problem;

    expect(response.status).toBe(413);
    expect(body.code).toBe('payload_too_large');
  });

  it('rejects a JSON body over 256 kB with 413', async () => {
    const xml = `${readStageLifecycle()}<!-- ${'x'.repeat(300 * 1024)} -->`;

    const response = await admin.post('/api/process-definitions', { xml });

    expect(response.status).toBe(413);
  });

  it.each([
    ['an institution admin', () => institutionAdmin],
    ['a hospital coordinator', () => coordinator],
  ])('answers 403 to %s', async (_role, client) => {
    const before = await countDefinitions();

    const response = await postXml(client(), renamedLifecycle('by someone else'));

    expect(response.status).toBe(403);
    expect(await countDefinitions()).toBe(before);
  });
});

describe('GET /api/process-definitions', () => {
  it('lists the latest version per key', async () => {
    const response = await institutionAdmin.get('/api/process-definitions');
    const body = (await response.json()) as { items: DefinitionBody[] };

    expect(response.status).toBe(200);
    expect(body.items).toEqual([
      expect.objectContaining({ key: 'stage-lifecycle', version: 2, versionCount: 2 }),
    ]);
  });

  it('lists the versions of a key, newest first', async () => {
    const response = await admin.get('/api/process-definitions/stage-lifecycle/versions');
    const body = (await response.json()) as { items: DefinitionBody[] };

    expect(body.items.map((item) => item.version)).toEqual([2, 1]);
  });

  it('downloads the XML of a version', async () => {
    const response = await admin.get('/api/process-definitions/stage-lifecycle/versions/1/xml');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/xml');
    expect(await response.text()).toBe(readStageLifecycle());
  });

  it('answers 404 for an unknown key or version', async () => {
    const key = await admin.get('/api/process-definitions/unknown/versions');
    const version = await admin.get('/api/process-definitions/stage-lifecycle/versions/9/xml');

    expect(key.status).toBe(404);
    expect(version.status).toBe(404);
  });

  it('answers 403 to a role without read access', async () => {
    const response = await coordinator.get('/api/process-definitions');

    expect(response.status).toBe(403);
  });
});

// helpers

function postXml(client: TestClient, xml: string): Promise<Response> {
  return fetch(`${server.baseUrl}/api/process-definitions`, {
    method: 'POST',
    headers: { cookie: client.cookie, 'content-type': 'application/xml' },
    body: xml,
  });
}

function renamedLifecycle(suffix = 'revised'): string {
  return readStageLifecycle().replace(
    '<bpmn:process id="stage-lifecycle" name="Stage lifecycle"',
    `<bpmn:process id="stage-lifecycle" name="Stage lifecycle, ${suffix}"`,
  );
}

async function countDefinitions(): Promise<number> {
  const row = await server.db.knex('process_definitions').count({ count: '*' }).first();
  return Number(row?.count);
}
