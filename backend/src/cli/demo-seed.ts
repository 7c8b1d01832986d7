import fs from 'node:fs/promises';
import path from 'node:path';
import {
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
import { DemoStageSeeder, type StageCounts } from './demo-stage-seeder';
import type { StepTiming } from './step-timings';

const log = createLogger('cli:demo-seed');

/** Row counts of a demo seed and the time each part took, in milliseconds. */
export interface DemoSeedReport extends StageCounts {
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
 * processes/stage-lifecycle.bpmn, then gives every stage a process instance in its planned
 * phase. Plans are grouped into situations (same path, form values and actors): one stage per
 * situation is driven through `runtime`, and the others get a clone of its instance. Progress is
 * logged every 10%.
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
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const driver = new DemoStageDriver(db.knex, runtime, dataset, seed);
  const counts = await new DemoStageSeeder(db.knex, runtime, driver, dataset).seed(seed);

  const totalMs = performance.now() - started;
  const report: DemoSeedReport = {
    students: dataset.students.length,
    stages: dataset.stages.length,
    ...counts,
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

function platformAdminId(dataset: DemoDataset): number | null {
  return dataset.users.find((user) => user.roles.includes('platform_admin'))?.id ?? null;
}
