import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../backend/src/platform/db/database';
import { configureLogging } from '../../backend/src/platform/logging/logger';
import { createProcessRuntime } from '../../backend/src/runtime';
import type { ProcessRuntime, StageVariables } from '../../backend/src/runtime/process-runtime';
import {
  completeActivity,
  drainBackgroundWork,
  openTasks,
  readStageLifecycle,
} from '../support/lifecycle-driver';
import {
  createStageWorld,
  daysFromToday,
  insertStage,
  type StageWorld,
} from '../support/stage-fixtures';
import type { Knex } from 'knex';
import { runBareLifecycle } from './bare-engine-lifecycle';

// The order a main-path lifecycle completes its user tasks in.
const TASK_ORDER = [
  'review_request',
  'prepare_badge',
  'assign_locker',
  'check_hygiene',
  'confirm_execution',
  'validate_stage',
  'evaluate_by_hospital',
  'evaluate_by_student',
  'recruitment_decision',
];

interface BenchOptions {
  lifecycles: number;
  concurrency: number;
  databaseUrl: string;
}

/**
 * Measures complete stage lifecycles per second through the runtime on PostgreSQL, and the same
 * process on bare in-memory bpmn-engine in the same run, then prints both and their ratio.
 */
async function main(): Promise<void> {
  configureLogging('warn');
  const options = readOptions(process.argv.slice(2));
  const source = readStageLifecycle();
  const stages = Array.from({ length: options.lifecycles }, (_, index) => benchStage(index));

  const baselineSeconds = await time(async () => {
    for (const stage of stages) await runBareLifecycle(source, stage);
  });

  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const db = await openDatabase({
    databaseUrl: options.databaseUrl,
    schema,
    poolSize: options.concurrency + 4,
  });
  try {
    const runtime = createProcessRuntime(db);
    await runtime.deployDefinition(source, { userId: null });
    const world = await createStageWorld(db.knex, 'bench');
    const runtimeSeconds = await time(() => runLifecycles(db.knex, runtime, world, options));
    report(options, baselineSeconds, runtimeSeconds);
    await db.knex.raw('DROP SCHEMA ?? CASCADE', [schema]);
  } finally {
    await db.close();
  }
}

async function runLifecycles(
  knex: Knex,
  runtime: ProcessRuntime,
  world: StageWorld,
  options: BenchOptions,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < options.lifecycles) {
      next++;
      await runLifecycle(knex, runtime, world);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}

async function runLifecycle(knex: Knex, runtime: ProcessRuntime, world: StageWorld): Promise<void> {
  const stage = await insertStage(knex, world, {
    startDate: daysFromToday(-30),
    endDate: daysFromToday(-1),
  });
  await knex.transaction((trx) =>
    runtime.startInstance(trx, {
      definitionKey: 'stage-lifecycle',
      stage,
      actor: { userId: null },
    }),
  );
  for (const activity of TASK_ORDER) {
    if (activity === 'confirm_execution') await drainInstance(knex, runtime, stage.id);
    await completeActivity(knex, runtime, stage.id, activity);
  }
  if ((await openTasks(knex, stage.id)).length > 0)
    throw new Error(`Stage ${stage.id} did not end.`);
}

// The job worker and timers are shared by all workers; loop until this stage has moved on.
async function drainInstance(knex: Knex, runtime: ProcessRuntime, stageId: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    await drainBackgroundWork(runtime);
    const tasks = await openTasks(knex, stageId);
    if (tasks.some((task) => task.activity_id === 'confirm_execution')) return;
  }
  throw new Error(`Stage ${stageId} never reached confirm_execution.`);
}

function benchStage(index: number): StageVariables {
  return {
    id: index + 1,
    studentId: 1,
    careUnitId: 1,
    hospitalId: 1,
    schoolId: 2,
    programmeId: 1,
    startDate: daysFromToday(-30),
    endDate: daysFromToday(-1),
    requesterRole: 'student',
    recruitmentConsent: true,
  };
}

function report(options: BenchOptions, baselineSeconds: number, runtimeSeconds: number): void {
  const baselineRate = options.lifecycles / baselineSeconds;
  const runtimeRate = options.lifecycles / runtimeSeconds;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `bench:lifecycle  ${options.lifecycles} lifecycles, ${TASK_ORDER.length} user tasks each`,
  );
  console.log(`machine          ${os.cpus().length} x ${cpu}, Node ${process.version}`);
  console.log(
    `baseline         bare bpmn-engine in memory: ${baselineRate.toFixed(1)} lifecycles/s`,
  );
  console.log(
    `runtime          PostgreSQL, ${options.concurrency} concurrent: ${runtimeRate.toFixed(1)} lifecycles/s`,
  );
  console.log(`ratio            runtime / baseline = ${(runtimeRate / baselineRate).toFixed(3)}`);
}

function readOptions(args: string[]): BenchOptions {
  const value = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const databaseUrl = value('database-url') ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(
      'bench:lifecycle measures PostgreSQL: set DATABASE_URL, e.g. ' +
        'DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:lifecycle',
    );
  }
  return {
    lifecycles: Number(value('lifecycles') ?? 500),
    concurrency: Number(value('concurrency') ?? 8),
    databaseUrl,
  };
}

async function time(work: () => Promise<void>): Promise<number> {
  const startedAt = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - startedAt) / 1e9;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
