import { createHmac } from 'node:crypto';
import { createProcessRuntime } from '../../backend/src/runtime';
import type { ProcessRuntime, StageVariables } from '../../backend/src/runtime/process-runtime';
import { createItAccountPlugin } from '../../plugins/it-account/src';
import { completeActivity, openTasks, readStageLifecycle } from '../support/lifecycle-driver';
import { startMockHttpServer, type MockHttpServer } from '../support/mock-http-server';
import {
  createStageWorld,
  daysFromToday,
  insertStage,
  type StageWorld,
} from '../support/stage-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SECRET = 'test-webhook-secret';

describe('service jobs through the it-account plugin', () => {
  let db: TestDatabase;
  let identitySystem: MockHttpServer;
  let runtime: ProcessRuntime;
  let world: StageWorld;

  beforeAll(async () => {
    db = await createTestDatabase();
    identitySystem = await startMockHttpServer();
    runtime = createProcessRuntime(db, {
      plugins: [createItAccountPlugin({ webhookUrl: identitySystem.url, webhookSecret: SECRET })],
      jobs: { maxAttempts: 2, retryBaseMs: 0, leaseMs: 60_000 },
    });
    await runtime.deployDefinition(readStageLifecycle(), { userId: null });
    world = await createStageWorld(db.knex);
  });

  afterAll(async () => {
    await identitySystem.close();
    await db.close();
  });

  beforeEach(() => identitySystem.respondWith(201, { login: 'astudent' }));

  it('calls the identity system once, signed', async () => {
    const stage = await stageInPreparation();
    identitySystem.requests.length = 0;

    await runtime.runPendingJobs();

    const [request] = identitySystem.requests;
    const expectedSignature = createHmac('sha256', SECRET).update(request.body).digest('hex');
    expect(identitySystem.requests).toHaveLength(1);
    expect(request.headers['x-stageflow-signature']).toBe(`sha256=${expectedSignature}`);
    expect(request.headers['idempotency-key']).toMatch(/^\d+-create_it_account_/);
    expect(JSON.parse(request.body)).toMatchObject({ stageId: stage.id });
    expect(await jobStatus(stage)).toBe('done');
  });

  it('opens an incident after the last failed attempt', async () => {
    const stage = await stageInPreparation();
    identitySystem.respondWith(503);

    await runtime.runPendingJobs();
    await runtime.runPendingJobs();

    const incident = await openIncidentOf(stage);
    expect(await jobStatus(stage)).toBe('incident');
    expect(incident.activity_id).toBe('create_it_account');
    expect(incident.error).toContain('HTTP 503');
    expect(await instanceStatus(stage)).toBe('incident');
  });

  it('continues after an incident is retried', async () => {
    const stage = await stageInPreparation();
    identitySystem.respondWith(400);
    await runtime.runPendingJobs();
    const incident = await openIncidentOf(stage);

    identitySystem.respondWith(201, { login: 'astudent' });
    await runtime.retryIncident(incident.id, { userId: null });
    await runtime.runPendingJobs();

    expect(await jobStatus(stage)).toBe('done');
    expect(await instanceStatus(stage)).toBe('running');
  });

  it('turns an interrupted call into an incident', async () => {
    const stage = await stageInPreparation();
    // What a server killed during the plugin call leaves behind.
    await db
      .knex('service_jobs')
      .where({ instance_id: await instanceId(stage) })
      .update({ status: 'running', attempts: 1, started_at: new Date(Date.now() - 3_600_000) });
    identitySystem.requests.length = 0;

    const interrupted = await runtime.recoverInterruptedJobs();
    await runtime.runPendingJobs();

    expect(interrupted).toBe(1);
    expect(identitySystem.requests).toHaveLength(0);
    expect((await openIncidentOf(stage)).error).toContain('may or may not have taken effect');
  });

  it('lets user tasks go on during an incident', async () => {
    const stage = await stageInPreparation();
    identitySystem.respondWith(400);
    await runtime.runPendingJobs();

    await completeActivity(db.knex, runtime, stage.id, 'prepare_badge');

    const activities = (await openTasks(db.knex, stage.id)).map((task) => task.activity_id);
    expect(activities).toEqual(['assign_locker', 'check_hygiene']);
  });

  async function stageInPreparation(): Promise<StageVariables> {
    const stage = await insertStage(db.knex, world, {
      startDate: daysFromToday(10),
      endDate: daysFromToday(40),
    });
    await db.knex.transaction((trx) =>
      runtime.startInstance(trx, {
        definitionKey: 'stage-lifecycle',
        stage,
        actor: { userId: null },
      }),
    );
    await completeActivity(db.knex, runtime, stage.id, 'review_request');
    return stage;
  }

  async function instanceId(stage: StageVariables): Promise<number> {
    const row = await db.knex('stages').where({ id: stage.id }).first('process_instance_id');
    return row.process_instance_id as number;
  }

  async function jobStatus(stage: StageVariables): Promise<string> {
    const row = await db
      .knex('service_jobs')
      .where({ instance_id: await instanceId(stage) })
      .first();
    return row.status as string;
  }

  async function instanceStatus(stage: StageVariables): Promise<string> {
    const row = await db
      .knex('process_instances')
      .where({ id: await instanceId(stage) })
      .first();
    return row.status as string;
  }

  async function openIncidentOf(
    stage: StageVariables,
  ): Promise<{ id: number; activity_id: string; error: string }> {
    return db
      .knex('incidents')
      .where({ instance_id: await instanceId(stage), status: 'open' })
      .first();
  }
});
