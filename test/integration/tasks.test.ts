import type { PasswordHashCost } from '../../backend/src/platform/auth/passwords';
import type { Role } from '../../backend/src/platform/permissions/roles';
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

interface Problem {
  errors: { field: string; message: string }[];
  assigneeId?: number;
}

interface TaskBody {
  id: number;
  activityId: string;
  status: string;
  assignee: { id: number; name: string } | null;
  stage: { id: number; student: { firstName: string }; careUnit: { name: string } };
}

let server: TestServer;
let reference: ReferenceData;
let users: Record<Role, TestUser>;
let clients: Record<'student' | 'coordinator' | 'colleague' | 'badge' | 'hygienist', TestClient>;
let institutionAdmin: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  await server.runtime.deployDefinition(readStageLifecycle(), { userId: null });
  reference = await insertReferenceData(server.db.knex);
  users = await insertRoleUsers(server.db.knex, reference, { passwordCost: FAST_HASH });
  const colleague = await insertTestUser(server.db.knex, {
    email: 'second-coordinator@stageflow.example',
    name: 'Second Coordinator',
    roles: ['hospital_coordinator'],
    institutionId: reference.hospital.id,
    passwordCost: FAST_HASH,
  });

  clients = {
    student: await login(users.student),
    coordinator: await login(users.hospital_coordinator),
    colleague: await login(colleague),
    badge: await login(users.badge_manager),
    hygienist: await login(users.hygienist),
  };
  institutionAdmin = await login(users.institution_admin);
});

afterAll(() => server.close());

describe('task inbox', () => {
  it('lists the review task with its stage for the hospital coordinator', async () => {
    const stage = await requestStage();

    const inbox = await listTasks(clients.coordinator, `stageId=${stage.id}`);

    expect(inbox.items).toEqual([
      expect.objectContaining({ activityId: 'review_request', status: 'open', assignee: null }),
    ]);
    expect(inbox.items[0].stage).toMatchObject({
      id: stage.id,
      student: { firstName: 'Amina', lastName: 'Test' },
      careUnit: { name: 'Unit 1' },
      school: { name: 'School of Nursing East' },
    });
  });

  it('counts open tasks for the badge', async () => {
    const before = await countOpen(clients.coordinator);

    await requestStage();

    expect(await countOpen(clients.coordinator)).toBe(before + 1);
    expect(await countOpen(clients.badge)).toBe(0);
  });

  it('claims, completes and opens the preparation tasks', async () => {
    const stage = await requestStage();
    const review = await reviewTask(stage.id);

    const claim = await clients.coordinator.post(`/api/tasks/${review.id}/claim`);
    const mine = await listTasks(clients.coordinator, `scope=mine&stageId=${stage.id}`);
    const complete = await clients.coordinator.post(`/api/tasks/${review.id}/complete`, {
      values: { decision: 'accept' },
    });

    expect(claim.status).toBe(200);
    expect(((await claim.json()) as TaskBody).assignee).toEqual({
      id: users.hospital_coordinator.id,
      name: users.hospital_coordinator.name,
    });
    expect(mine.items.map((task) => task.id)).toEqual([review.id]);
    expect(complete.status).toBe(200);
    expect(((await complete.json()) as { task: TaskBody }).task).toMatchObject({
      status: 'completed',
    });
    expect(await activityIds(clients.badge, stage.id)).toEqual(['prepare_badge']);
    expect(await activityIds(clients.hygienist, stage.id)).toEqual(['check_hygiene']);
    expect(await activityIds(clients.coordinator, stage.id)).toEqual(['assign_locker']);
  });

  it('records claims in the stage history', async () => {
    const stage = await requestStage();
    const review = await reviewTask(stage.id);

    await clients.coordinator.post(`/api/tasks/${review.id}/claim`);
    await clients.coordinator.post(`/api/tasks/${review.id}/unclaim`);
    const detail = (await (await clients.coordinator.get(`/api/stages/${stage.id}`)).json()) as {
      history: { type: string; actor: unknown }[];
    };
    const claims = detail.history.filter((entry) => entry.type.includes('claim'));

    expect(claims.map((entry) => entry.type)).toEqual(['task.claimed', 'task.unclaimed']);
    expect(claims[0].actor).toEqual({
      id: users.hospital_coordinator.id,
      name: users.hospital_coordinator.name,
    });
  });

  it('rejects invalid values naming values.decision', async () => {
    const stage = await requestStage();
    const review = await reviewTask(stage.id);

    const response = await clients.coordinator.post(`/api/tasks/${review.id}/complete`, {
      values: { decision: 'maybe' },
    });
    const body = (await response.json()) as Problem;

    expect(response.status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'values.decision' })]);
    expect((await reviewTask(stage.id)).status).toBe('open');
  });

  it('rejects a completion body without values', async () => {
    const stage = await requestStage();
    const review = await reviewTask(stage.id);

    const response = await clients.coordinator.post(`/api/tasks/${review.id}/complete`, {});
    const body = (await response.json()) as Problem;

    expect(response.status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'values' })]);
  });

  it('completes a task once under concurrent requests', async () => {
    const stage = await requestStage();
    const review = await reviewTask(stage.id);
    const path = `/api/tasks/${review.id}/complete`;
    const values = { values: { decision: 'accept' } };

    const responses = await Promise.all([
      clients.coordinator.post(path, values),
      clients.colleague.post(path, values),
    ]);
    const completions = await server.db
      .knex('process_history')
      .where({ stage_id: stage.id, type: 'task.completed' });

    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(completions).toHaveLength(1);
  });
});

describe('claims', () => {
  it("answers 409 when claiming a colleague's task", async () => {
    const review = await reviewTask((await requestStage()).id);
    await clients.coordinator.post(`/api/tasks/${review.id}/claim`);

    const response = await clients.colleague.post(`/api/tasks/${review.id}/claim`);
    const body = (await response.json()) as Problem;

    expect(response.status).toBe(409);
    expect(body.assigneeId).toBe(users.hospital_coordinator.id);
  });

  it('keeps a repeated claim by the assignee', async () => {
    const review = await reviewTask((await requestStage()).id);
    await clients.coordinator.post(`/api/tasks/${review.id}/claim`);

    const response = await clients.coordinator.post(`/api/tasks/${review.id}/claim`);

    expect(response.status).toBe(200);
    expect(((await response.json()) as TaskBody).assignee?.id).toBe(users.hospital_coordinator.id);
  });

  it("answers 409 when completing a colleague's claimed task", async () => {
    const review = await reviewTask((await requestStage()).id);
    await clients.coordinator.post(`/api/tasks/${review.id}/claim`);

    const response = await clients.colleague.post(`/api/tasks/${review.id}/complete`, {
      values: { decision: 'accept' },
    });

    expect(response.status).toBe(409);
  });

  it('lets a coordinator of the same scope release a claim', async () => {
    const review = await reviewTask((await requestStage()).id);
    await clients.coordinator.post(`/api/tasks/${review.id}/claim`);

    const response = await clients.colleague.post(`/api/tasks/${review.id}/unclaim`);

    expect(response.status).toBe(200);
    expect(((await response.json()) as TaskBody).assignee).toBeNull();
  });

  it('forbids an institution admin to release a claim', async () => {
    const review = await reviewTask((await requestStage()).id);
    await clients.coordinator.post(`/api/tasks/${review.id}/claim`);

    const response = await institutionAdmin.post(`/api/tasks/${review.id}/unclaim`);

    expect(response.status).toBe(403);
  });

  it('forbids a badge manager to release a preparation claim', async () => {
    const stage = await acceptedStage();
    const badge = await taskOf(clients.badge, stage.id, 'prepare_badge');
    await clients.badge.post(`/api/tasks/${badge.id}/claim`);

    const response = await clients.hygienist.post(`/api/tasks/${badge.id}/unclaim`);

    expect(response.status).toBe(404);
  });

  it('answers 409 when claiming a completed task', async () => {
    const stage = await requestStage();
    const review = await reviewTask(stage.id);
    await clients.coordinator.post(`/api/tasks/${review.id}/complete`, {
      values: { decision: 'refuse', reason: 'No place left' },
    });

    const response = await clients.colleague.post(`/api/tasks/${review.id}/claim`);

    expect(response.status).toBe(409);
  });
});

describe('GET /api/tasks filters', () => {
  it('keeps overdue tasks only with overdue=true', async () => {
    const stage = await requestStage();
    const review = await reviewTask(stage.id);
    await server.db
      .knex('tasks')
      .where({ id: review.id })
      .update({ due_at: new Date(0) });

    const overdue = await listTasks(clients.coordinator, 'overdue=true&pageSize=100');
    const current = await listTasks(clients.coordinator, 'overdue=false&pageSize=100');

    expect(overdue.items.map((task) => task.id)).toEqual([review.id]);
    expect(current.items.map((task) => task.id)).not.toContain(review.id);
  });

  it('keeps tasks due on or before dueBefore', async () => {
    const stage = await requestStage();
    const review = await reviewTask(stage.id);
    await server.db
      .knex('tasks')
      .where({ id: review.id })
      .update({ due_at: new Date('2031-06-15T22:00:00Z') });

    const sameDay = await listTasks(clients.coordinator, 'dueBefore=2031-06-15&pageSize=100');
    const dayBefore = await listTasks(clients.coordinator, 'dueBefore=2031-06-14&pageSize=100');

    expect(sameDay.items.map((task) => task.id)).toContain(review.id);
    expect(dayBefore.items.map((task) => task.id)).not.toContain(review.id);
  });

  it('sorts by due date and paginates', async () => {
    const all = await listTasks(clients.coordinator, 'sort=dueAt&pageSize=100');
    const second = await listTasks(clients.coordinator, 'sort=dueAt&pageSize=1&page=2');

    expect(all.total).toBeGreaterThan(1);
    expect(second.items.map((task) => task.id)).toEqual([all.items[1]!.id]);
    expect(second.total).toBe(all.total);
  });

  it('searches the student name', async () => {
    const found = await listTasks(clients.coordinator, 'q=amina');
    const missing = await listTasks(clients.coordinator, 'q=nobody');

    expect(found.total).toBeGreaterThan(0);
    expect(missing.total).toBe(0);
  });

  it('rejects an unknown scope', async () => {
    const response = await clients.coordinator.get('/api/tasks?scope=everything');
    const body = (await response.json()) as Problem;

    expect(response.status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'scope' })]);
  });
});

// helpers

async function login(user: TestUser): Promise<TestClient> {
  return signIn(server.baseUrl, user.email, TEST_PASSWORD);
}

async function requestStage(): Promise<{ id: number }> {
  const response = await clients.student.post('/api/stages', {
    careUnitId: reference.hospital.careUnitIds[0],
    startDate: daysFromToday(30),
    endDate: daysFromToday(45),
  });
  if (response.status !== 201) throw new Error(`stage request failed: ${await response.text()}`);
  return (await response.json()) as { id: number };
}

async function acceptedStage(): Promise<{ id: number }> {
  const stage = await requestStage();
  const review = await reviewTask(stage.id);
  const response = await clients.coordinator.post(`/api/tasks/${review.id}/complete`, {
    values: { decision: 'accept' },
  });
  if (response.status !== 200) throw new Error(`review failed: ${await response.text()}`);
  return stage;
}

async function listTasks(
  client: TestClient,
  query: string,
): Promise<{ items: TaskBody[]; total: number }> {
  const response = await client.get(`/api/tasks?${query}`);
  if (response.status !== 200) throw new Error(`GET /api/tasks?${query}: ${await response.text()}`);
  return (await response.json()) as { items: TaskBody[]; total: number };
}

async function reviewTask(stageId: number): Promise<TaskBody> {
  return taskOf(clients.coordinator, stageId, 'review_request');
}

async function taskOf(client: TestClient, stageId: number, activityId: string): Promise<TaskBody> {
  const inbox = await listTasks(client, `stageId=${stageId}&status=open`);
  const task = inbox.items.find((item) => item.activityId === activityId);
  if (!task) throw new Error(`stage ${stageId} has no open ${activityId} task in this inbox`);

  const response = await client.get(`/api/tasks/${task.id}`);
  return (await response.json()) as TaskBody;
}

async function activityIds(client: TestClient, stageId: number): Promise<string[]> {
  const inbox = await listTasks(client, `stageId=${stageId}`);
  return inbox.items.map((task) => task.activityId);
}

async function countOpen(client: TestClient): Promise<number> {
  const body = (await (await client.get('/api/tasks/count')).json()) as { open: number };
  return body.open;
}
