import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config/config';
import { openDatabase } from '../platform/db/database';
import { configureLogging, createLogger } from '../platform/logging/logger';
import { createProcessRuntime } from '../runtime';
import { printDemoLogins } from './demo-logins';
import { seedDemo } from './demo-seed';
import { describeExistingData } from './empty-database';
import { standInPlugins } from './stand-in-plugins';

const log = createLogger('cli:seed-demo');

const USAGE = `Usage: npm run seed:demo -- [--scale N] [--database-url URL]

Seeds the demo hospitals, schools, students, logins and stages into an empty database.

  --scale N           multiplies the 1,500 students and 2,000 stages (not the institutions);
                      1 by default, 0.05 for a quick try, 10 for a benchmark
  --database-url URL  PostgreSQL connection string; defaults to DATABASE_URL, and without
                      either the embedded database in DATA_DIR (data/pglite by default)
  --help              prints this text

Stop the server first when seeding the embedded database: two processes on one data folder
corrupt it.`;

/** The command-line options of the demo seed. */
interface SeedArguments {
  scale: number;
  databaseUrl: string | undefined;
}

async function main(): Promise<void> {
  const config = loadConfig();
  configureLogging(config.logLevel);
  const args = readArguments(process.argv.slice(2));
  if (!args) return;

  const databaseUrl = args.databaseUrl ?? config.databaseUrl;
  const db = await openDatabase({
    databaseUrl,
    dataDir: config.dataDir,
    isProduction: config.isProduction,
    schema: config.databaseSchema,
  });
  try {
    const problem = await describeExistingData(db, databaseUrl ? null : config.dataDir);
    if (problem) {
      process.stderr.write(`${problem}\n`);
      process.exitCode = 1;
      return;
    }

    // Stand-ins keep the seed from calling external systems, such as the identity system.
    const runtime = createProcessRuntime(db, { plugins: standInPlugins() });
    await seedDemo(db, runtime, { scale: args.scale });
    await printDemoLogins(db.knex);
  } finally {
    await db.close();
  }
}

/** Parses `argv`, or prints the usage and returns undefined for --help. */
function readArguments(argv: string[]): SeedArguments | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      'database-url': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return undefined;
  }

  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new Error(
      `--scale ${values.scale} is invalid; give a positive number such as 0.1 or 10.`,
    );
  }
  return { scale, databaseUrl: values['database-url'] || undefined };
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'demo seed failed');
  process.exitCode = 1;
});
