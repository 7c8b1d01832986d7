import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';
import pino from 'pino';
import { setRootLogger, type Logger } from '../../backend/src/platform/logging/logger';
import type { AuthenticatedUser } from '../../backend/src/platform/http/app-context';
import type { Role } from '../../backend/src/platform/permissions/roles';
import type * as TestServerModule from '../support/test-server';
import type { TestServer } from '../support/test-server';
import {
  TEST_PASSWORD,
  insertReferenceData,
  insertRoleUsers,
  insertTestUser,
  sessionCookie,
  signIn,
  type TestClient,
  type TestUser,
} from '../support/test-users';

const logLines: string[] = [];
const issuedTokens: string[] = [];
let previousLogger: Logger;
let previousTrustProxy: string | undefined;
let server: TestServer;
let users: Record<Role, TestUser>;

beforeAll(async () => {
  previousLogger = setRootLogger(pino({ level: 'trace' }, captureStream()));
  previousTrustProxy = process.env.TRUST_PROXY;
  process.env.TRUST_PROXY = 'true';

  // Modules create their loggers when first loaded, so the app is loaded only after the swap.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTestServer } = require('../support/test-server') as typeof TestServerModule;
  server = await startTestServer();
  users = await insertRoleUsers(server.db.knex, await insertReferenceData(server.db.knex));
});

afterAll(async () => {
  await server.close();
  setRootLogger(previousLogger);
  if (previousTrustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = previousTrustProxy;
});

describe('POST /api/auth/login', () => {
  it('opens a session and returns the user', async () => {
    const response = await login(users.hygienist.email, TEST_PASSWORD);
    const body = await sessionBody(response);

    expect(response.status).toBe(200);
    expect(body.user).toMatchObject({ id: users.hygienist.id, roles: ['hygienist'] });
    expect(body.rules.length).toBeGreaterThan(0);
  });

  it('sets a strict cookie and stores its hash', async () => {
    const response = await login(users.supervisor.email, TEST_PASSWORD);
    const header = response.headers.getSetCookie().find((value) => value.startsWith('sf_session'));
    const token = remember(sessionCookie(response).split('=')[1]);

    expect(header).toMatch(/; path=\/; samesite=strict; httponly$/);
    expect(await sessionRow(sha256(token))).toMatchObject({ user_id: users.supervisor.id });
    expect(await server.db.knex('sessions').where('token_hash', token).first()).toBeUndefined();
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const response = await login(users.supervisor.email, TEST_PASSWORD, {
      'x-forwarded-proto': 'https',
    });
    remember(sessionCookie(response).split('=')[1]);

    expect(response.headers.getSetCookie().join('\n')).toMatch(/sf_session=[^;]+;.*secure/);
  });

  it('ignores the case of the e-mail address', async () => {
    const response = await login(users.badge_manager.email.toUpperCase(), TEST_PASSWORD);

    expect(response.status).toBe(200);
  });

  it('rejects a wrong password with 401 invalid_credentials', async () => {
    const response = await login(users.student.email, 'not-the-password');
    const body = await problemBody(response);

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(body.code).toBe('invalid_credentials');
  });

  it('treats an unknown e-mail like a wrong password', async () => {
    const wrongPassword = await login(users.student.email, 'not-the-password');
    const unknownEmail = await login('nobody@stageflow.example', 'not-the-password');

    expect(unknownEmail.status).toBe(wrongPassword.status);
    expect(withoutRequestId(await problemBody(unknownEmail))).toEqual(
      withoutRequestId(await problemBody(wrongPassword)),
    );
  });

  it('rejects a body without a password with 400', async () => {
    const response = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: users.student.email }),
    });

    expect(response.status).toBe(400);
    expect((await problemBody(response)).errors?.[0]?.field).toBe('password');
  });

  it('replaces the session the request already had', async () => {
    const first = await signIn(server.baseUrl, users.hygienist.email, TEST_PASSWORD);
    remember(first.token);

    const second = await login(users.hygienist.email, TEST_PASSWORD, { cookie: first.cookie });
    remember(sessionCookie(second).split('=')[1]);

    expect(second.status).toBe(200);
    expect(await sessionRow(sha256(first.token))).toBeUndefined();
  });
});

describe('account lockout', () => {
  it('locks the account on the fifth failure', async () => {
    const user = await setupUser('locked@stageflow.example');

    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await login(user.email, 'wrong')).status).toBe(401);
    }
    const locked = await login(user.email, 'wrong');
    const body = await problemBody(locked);

    expect(locked.status).toBe(423);
    expect(body.code).toBe('account_locked');
    expect(new Date(body.lockedUntil as string).getTime()).toBeGreaterThan(
      Date.now() + 14 * 60 * 1000,
    );
  });

  it('rejects the correct password while locked', async () => {
    const user = await setupUser('locked-correct@stageflow.example');
    for (let attempt = 1; attempt <= 5; attempt++) await login(user.email, 'wrong');

    const response = await login(user.email, TEST_PASSWORD);

    expect(response.status).toBe(423);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('accepts the correct password after the lock', async () => {
    const user = await setupUser('lock-expired@stageflow.example');
    for (let attempt = 1; attempt <= 5; attempt++) await login(user.email, 'wrong');
    await server.db
      .knex('users')
      .where('id', user.id)
      .update({ locked_until: minutesFromNow(-1) });

    const response = await login(user.email, TEST_PASSWORD);
    remember(sessionCookie(response).split('=')[1]);

    expect(response.status).toBe(200);
    expect(await accountState(user.id)).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('resets the failure count on success', async () => {
    const user = await setupUser('reset@stageflow.example');
    for (let attempt = 1; attempt <= 3; attempt++) await login(user.email, 'wrong');
    expect((await accountState(user.id)).failed_logins).toBe(3);

    const response = await login(user.email, TEST_PASSWORD);
    remember(sessionCookie(response).split('=')[1]);

    expect(response.status).toBe(200);
    expect((await accountState(user.id)).failed_logins).toBe(0);
  });
});

describe('POST /api/auth/logout', () => {
  it('deletes the session and clears the cookie', async () => {
    const client = await setupClient('school_coordinator');

    const response = await client.post('/api/auth/logout');

    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join('\n')).toMatch(
      /sf_session=;.*expires=Thu, 01 Jan 1970/,
    );
    expect(await sessionRow(sha256(client.token))).toBeUndefined();
    expect((await client.get('/api/me')).status).toBe(401);
  });
});

describe('session expiry', () => {
  it('rejects an idle-expired session with 401 and deletes it', async () => {
    const client = await setupClient('hospital_coordinator');
    await sessionQuery(client).update({ expires_at: minutesFromNow(-1) });

    const response = await client.get('/api/me');

    expect(response.status).toBe(401);
    expect((await problemBody(response)).code).toBe('unauthenticated');
    expect(await sessionRow(sha256(client.token))).toBeUndefined();
  });

  it('rejects a session older than 12 hours', async () => {
    const client = await setupClient('hospital_coordinator');
    await sessionQuery(client).update({
      created_at: minutesFromNow(-13 * 60),
      expires_at: minutesFromNow(30),
    });

    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('extends the idle expiry of a used session', async () => {
    const client = await setupClient('institution_admin');
    await sessionQuery(client).update({ expires_at: minutesFromNow(5) });

    expect((await client.get('/api/me')).status).toBe(200);

    const row = await sessionRow(sha256(client.token));
    const idleMs = server.config.sessionIdleMinutes * 60 * 1000;
    expect(new Date(row!.expires_at).getTime()).toBeGreaterThan(Date.now() + idleMs - 60_000);
  });
});

describe('GET /api/me', () => {
  it('returns the user, roles and rules', async () => {
    const client = await setupClient('hygienist');

    const response = await client.get('/api/me');
    const body = await sessionBody(response);
    const ability = createMongoAbility(body.rules);

    expect(response.status).toBe(200);
    expect(body.user).toEqual({
      id: users.hygienist.id,
      email: users.hygienist.email,
      name: users.hygienist.name,
      roles: ['hygienist'],
      institutionId: users.hygienist.institutionId,
      careUnitId: null,
      studentId: null,
      locale: null,
    });
    expect(ability.can('read', 'Institution')).toBe(true);
    expect(body.rules).toContainEqual(
      expect.objectContaining({
        subject: 'Task',
        conditions: expect.objectContaining({ candidateRole: 'hygienist' }),
      }),
    );
  });

  it('returns 401 without a session', async () => {
    const response = await fetch(`${server.baseUrl}/api/me`);

    expect(response.status).toBe(401);
    expect((await problemBody(response)).code).toBe('unauthenticated');
  });

  it('returns 401 for a forged cookie', async () => {
    const response = await fetch(`${server.baseUrl}/api/me`, {
      headers: { cookie: `sf_session=${'A'.repeat(43)}` },
    });

    expect(response.status).toBe(401);
  });
});

describe('PUT /api/me/locale', () => {
  it('stores the UI language', async () => {
    const client = await setupClient('student');

    const response = await client.put('/api/me/locale', { locale: 'nl' });

    expect(response.status).toBe(200);
    expect((await sessionBody(response)).user.locale).toBe('nl');
    expect((await sessionBody(await client.get('/api/me'))).user.locale).toBe('nl');
  });

  it('rejects a language the UI does not offer', async () => {
    const client = await setupClient('student');

    const response = await client.put('/api/me/locale', { locale: 'de' });

    expect(response.status).toBe(400);
    expect((await problemBody(response)).errors?.[0]?.field).toBe('locale');
  });

  it('needs a session', async () => {
    const response = await fetch(`${server.baseUrl}/api/me/locale`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'fr' }),
    });

    expect(response.status).toBe(401);
  });
});

// Runs last: it checks the lines that every test above produced.
describe('logging', () => {
  it('logs sign-ins by user id', () => {
    const signedIn = parsedLines().filter((line) => line.msg === 'signed in');
    const locked = parsedLines().filter(
      (line) => line.msg === 'account locked after failed sign-ins',
    );

    const requests = parsedLines().filter((line) => line.scope === 'server:request');

    expect(requests.length).toBeGreaterThan(0);
    expect(signedIn.length).toBeGreaterThan(0);
    expect(signedIn[0].userId).toEqual(expect.any(Number));
    expect(locked.length).toBeGreaterThan(0);
  });

  it('never logs tokens, their hashes or passwords', () => {
    expect(issuedTokens.length).toBeGreaterThan(5);

    for (const token of issuedTokens) {
      expect(logLines.filter((line) => line.includes(token))).toEqual([]);
      expect(logLines.filter((line) => line.includes(sha256(token)))).toEqual([]);
    }
    expect(logLines.filter((line) => line.includes(TEST_PASSWORD))).toEqual([]);
  });
});

// helpers

/** A problem+json body. */
interface ProblemBody {
  code: string;
  detail?: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

/** The body of a sign-in and of `GET /api/me`. */
interface SessionBody {
  user: AuthenticatedUser;
  rules: RawRuleOf<MongoAbility>[];
}

async function problemBody(response: Response): Promise<ProblemBody> {
  return (await response.json()) as ProblemBody;
}

async function sessionBody(response: Response): Promise<SessionBody> {
  return (await response.json()) as SessionBody;
}

function login(email: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

async function setupClient(role: Role): Promise<TestClient> {
  const client = await signIn(server.baseUrl, users[role].email, TEST_PASSWORD);
  remember(client.token);
  return client;
}

function setupUser(email: string): Promise<TestUser> {
  return insertTestUser(server.db.knex, { email, roles: ['hygienist'], institutionId: null });
}

function remember(token: string): string {
  issuedTokens.push(token);
  return token;
}

function sessionQuery(client: TestClient) {
  return server.db.knex('sessions').where('token_hash', sha256(client.token));
}

function sessionRow(tokenHash: string): Promise<{ user_id: number; expires_at: Date } | undefined> {
  return server.db.knex('sessions').where('token_hash', tokenHash).first();
}

function accountState(
  userId: number,
): Promise<{ failed_logins: number; locked_until: Date | null }> {
  return server.db.knex('users').where('id', userId).first('failed_logins', 'locked_until');
}

function minutesFromNow(minutes: number): Date {
  return new Date(Date.now() + minutes * 60 * 1000);
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function withoutRequestId(body: ProblemBody): Record<string, unknown> {
  const rest = { ...body };
  delete rest.requestId;
  return rest;
}

function parsedLines(): Record<string, unknown>[] {
  return logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

function captureStream(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(chunk.toString());
      callback();
    },
  });
}
