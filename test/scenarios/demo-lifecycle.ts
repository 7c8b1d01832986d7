import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../../backend/src/platform/permissions/roles';
import { DEMO_PASSWORD, demoEmail } from '../../db/seeds/demo/logins';
import { completeOverHttp, TASK_ROLES } from '../support/http-lifecycle';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { daysFromToday } from '../support/stage-fixtures';
import { signIn, type TestClient } from '../support/test-users';

// The phases the stage goes through, with the tasks completed in each.
const PHASES: [string, string[]][] = [
  ['acceptance', ['review_request']],
  ['preparation', ['prepare_badge', 'assign_locker', 'check_hygiene']],
  ['execution', ['confirm_execution']],
  ['validation', ['validate_stage']],
  ['evaluation', ['evaluate_by_hospital', 'evaluate_by_student']],
  ['recruitment', ['recruitment_decision']],
];
// The server is killed with SIGKILL after this phase, and started again.
const CRASH_AFTER_PHASE = 'preparation';

interface HistoryEntry {
  at: string;
  type: string;
  activityName: string | null;
  phase: string | null;
  actor: { name: string } | null;
}

/**
 * Demonstrates a stage's whole lifecycle on a fresh database with demo data. The demo student
 * requests a stage and each task is completed as the right demo role. The server is killed with
 * SIGKILL once and restarted, then the stage is finished and its history printed.
 */
async function main(): Promise<void> {
  const database = freshDatabase();
  console.log(`Starting Stageflow on a fresh database (${database.description})...`);
  const server = await startServerProcess(
    { ...database.env, SEED_DEMO: 'true', LOG_LEVEL: 'info' },
    { startTimeoutMs: 20 * 60_000, echoOutput: process.env.DEMO_VERBOSE === 'true' },
  );
  try {
    await runLifecycle(server);
  } finally {
    await server.stop();
    database.remove();
  }
}

async function runLifecycle(server: ServerProcess): Promise<void> {
  const clients = await signInDemoRoles(server.baseUrl);
  const careUnitId = clients.supervisor.session.user.careUnitId;
  const stageId = await requestStage(clients.student, careUnitId);
  console.log(`Stage ${stageId} requested by the demo student.`);

  for (const [phase, activities] of PHASES) {
    for (const activity of activities) {
      const role = TASK_ROLES[activity]!;
      await completeOverHttp(clients[role], stageId, activity, {
        admin: clients.platform_admin,
        onRetry: (incident) =>
          console.log(`  incident on ${incident.activityId} retried by the platform admin`),
      });
      console.log(
        `  ${phase.padEnd(12)} ${activity} completed by the ${role.replaceAll('_', ' ')}`,
      );
    }
    if (phase === CRASH_AFTER_PHASE) {
      await server.kill();
      console.log('Server killed with SIGKILL; starting it again...');
      await server.restart();
    }
  }

  await printHistory(clients.hospital_coordinator, stageId);
}

async function signInDemoRoles(baseUrl: string): Promise<Record<Role, TestClient>> {
  const clients: Partial<Record<Role, TestClient>> = {};
  for (const role of ROLES) clients[role] = await signIn(baseUrl, demoEmail(role), DEMO_PASSWORD);
  return clients as Record<Role, TestClient>;
}

async function requestStage(student: TestClient, careUnitId: number | null): Promise<number> {
  const response = await student.post('/api/stages', {
    careUnitId,
    startDate: daysFromToday(0),
    endDate: daysFromToday(27),
    motivation: 'Demonstration of the whole stage lifecycle.',
  });
  if (response.status !== 201) {
    throw new Error(`POST /api/stages answered ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as { id: number }).id;
}

async function printHistory(client: TestClient, stageId: number): Promise<void> {
  const response = await client.get(`/api/stages/${stageId}`);
  const stage = (await response.json()) as {
    phase: string;
    status: string;
    history: HistoryEntry[];
  };

  console.log(`\nHistory of stage ${stageId} (phase ${stage.phase}, status ${stage.status}):`);
  for (const entry of stage.history) {
    const when = new Date(entry.at).toISOString().replace('T', ' ').slice(0, 19);
    const what = `${entry.type} ${entry.activityName ?? ''}`.trim();
    console.log(
      `  ${when}  ${(entry.phase ?? '').padEnd(12)} ${what.padEnd(52)} ${entry.actor?.name ?? ''}`,
    );
  }
}

// An embedded database in a temporary folder, or a new schema when DATABASE_URL is set.
function freshDatabase(): { env: Record<string, string>; description: string; remove(): void } {
  if (process.env.DATABASE_URL) {
    const schema = `demo_${randomBytes(4).toString('hex')}`;
    return {
      env: { DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: schema },
      description: `PostgreSQL schema ${schema}`,
      remove: () => undefined,
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageflow-demo-'));
  return {
    env: { DATA_DIR: dataDir },
    description: `embedded, in ${dataDir}`,
    remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
