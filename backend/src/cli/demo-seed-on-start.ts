import type { Database } from '../platform/db/database';
import { createLogger } from '../platform/logging/logger';
import type { ProcessRuntime } from '../runtime/process-runtime';
import { printDemoLogins } from './demo-logins';
import { seedDemo } from './demo-seed';
import { hasNoInstitution } from './empty-database';

const log = createLogger('cli:demo-seed');

/**
 * Seeds the demo at start-up when the database has no institution yet, deploying the stage
 * lifecycle first, then prints the demo logins whenever the database has them.
 */
export async function seedDemoIfEmpty(db: Database, runtime: ProcessRuntime): Promise<void> {
  if (await hasNoInstitution(db)) {
    log.info('no institution in the database: seeding the demo data (SEED_DEMO=false skips this)');
    await seedDemo(db, runtime);
  }
  await printDemoLogins(db.knex);
}
