import fs from 'node:fs/promises';
import path from 'node:path';
import {
  advanceSequence,
  DEFAULT_DEMO_SEED,
  generateDemoData,
  insertReferenceData,
  type DemoDataOptions,
  type DemoDataset,
} from '../../../db/seeds/demo';
import { findRepositoryRoot } from '../platform/config/config';
import type { Database } from '../platform/db/database';
import { createLogger } from '../platform/logging/logger';
import type { ProcessRuntime } from '../runtime/process-runtime';
import { DemoStageDriver } from './demo-stage-driver';
import type { StepTiming } from './step-timings';

const log = createLogger('cli:demo-seed');

/** Row counts of a demo seed and the time each part took, in milliseconds. */
export interface DemoSeedReport {
  students: number;
  stages: number;
  referenceMs: number;
  processMs: number;
  totalMs: number;
  /** Time per kind of runtime call, the most time-consuming first. */
  steps: StepTiming[];
}

/**
 * Seeds the demo into an empty database: bulk-inserts institutions, students and logins, deploys
 * processes/stage-lifecycle.bpmn, then creates every stage and drives its process instance
 * through `runtime` to its planned phase, logging progress every 10%.
 */
export async function seedDemo(
  db: Database,
  runtime: ProcessRuntime,
  options: DemoDataOptions = {},
): Promise<DemoSeedReport> {
  const started = performance.now();
  const dataset = generateDemoData(options);
  await insertReferenceData(db.knex, dataset);
  const referenceMs = performance.now() - started;
  log.info(
    {
      students: dataset.students.length,
      logins: dataset.users.length,
      ms: Math.round(referenceMs),
    },
    'demo reference data inserted',
  );

  await deployStageLifecycle(runtime, platformAdminId(dataset));
  const driver = new DemoStageDriver(db.knex, runtime, dataset, options.seed ?? DEFAULT_DEMO_SEED);
  await driveStages(db, driver, dataset);

  const totalMs = performance.now() - started;
  const report: DemoSeedReport = {
    students: dataset.students.length,
    stages: dataset.stages.length,
    referenceMs: Math.round(referenceMs),
    processMs: Math.round(totalMs - referenceMs),
    totalMs: Math.round(totalMs),
    steps: driver.timings.summary(),
  };
  log.info(report, 'demo data seeded');
  return report;
}

/** Deploys processes/stage-lifecycle.bpmn, which is a no-op when the latest version has its XML. */
export async function deployStageLifecycle(
  runtime: ProcessRuntime,
  actorId: number | null,
): Promise<void> {
  const file = path.join(findRepositoryRoot(), 'processes', 'stage-lifecycle.bpmn');
  const xml = await fs.readFile(file, 'utf8');
  const definition = await runtime.deployDefinition(xml, { userId: actorId });
  log.info({ key: definition.key, version: definition.version }, 'stage lifecycle deployed');
}

async function driveStages(
  db: Database,
  driver: DemoStageDriver,
  dataset: DemoDataset,
): Promise<void> {
  const total = dataset.stages.length;
  const started = performance.now();
  let nextReport = 1;

  for (const [index, plan] of dataset.stages.entries()) {
    await driver.createStage(plan);
    await driver.advance(plan);

    const done = index + 1;
    if (done * 10 >= nextReport * total) {
      const seconds = (performance.now() - started) / 1000;
      const perSecond = Math.round(done / seconds);
      log.info(
        { done, total, seconds: Math.round(seconds), perSecond },
        `demo stages ${nextReport * 10}%`,
      );
      nextReport = Math.floor((done * 10) / total) + 1;
    }
  }

  await advanceSequence(db.knex, 'stages');
  // Stages left in preparation may still have their IT-login job queued, as the worker would run.
  await driver.drainJobs();
}

function platformAdminId(dataset: DemoDataset): number | null {
  return dataset.users.find((user) => user.roles.includes('platform_admin'))?.id ?? null;
}
