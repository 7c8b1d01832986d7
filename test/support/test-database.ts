import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../backend/src/platform/db/database';

/** A migrated database for one test file, and what a child server needs to reach it. */
export interface TestDatabase extends Database {
  /** Environment for a server process on the same database. */
  env: Record<string, string>;
  /** Deletes every row, keeping the schema, for isolation between tests. */
  truncateAll(): Promise<void>;
  /**
   * Closes the connection and opens a new one on the same data, as a restarted server would.
   * Needs `persistent: true` on the embedded database.
   */
  reopen(): Promise<TestDatabase>;
  /** Closes the connection and keeps the data, so a server process can take the database over. */
  disconnect(): Promise<void>;
  /** Removes what {@link disconnect} kept: the schema or the embedded database's folder. */
  removeData(): Promise<void>;
}

/** Options of {@link createTestDatabase}. */
export interface TestDatabaseOptions {
  /** Keep the embedded database in a temporary folder instead of memory, so it can reopen. */
  persistent?: boolean;
}

/**
 * Opens a fresh database: PGlite without DATABASE_URL (in memory unless `persistent`), else a
 * new schema on the PostgreSQL server so that test files running in parallel never meet.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const databaseUrl = process.env.DATABASE_URL;
  const schema = databaseUrl ? `test_${randomBytes(6).toString('hex')}` : undefined;
  const dataDir =
    !databaseUrl && options.persistent
      ? fs.mkdtempSync(path.join(os.tmpdir(), 'stageflow-test-'))
      : 'memory';
  return open({ databaseUrl, schema, dataDir });
}

interface Location {
  databaseUrl: string | undefined;
  schema: string | undefined;
  dataDir: string;
}

async function open(location: Location): Promise<TestDatabase> {
  const database = await openDatabase({ ...location, poolSize: 20 });
  const env: Record<string, string> = location.databaseUrl
    ? { DATABASE_URL: location.databaseUrl, DATABASE_SCHEMA: location.schema ?? '' }
    : { DATA_DIR: location.dataDir };

  return {
    ...database,
    env,
    truncateAll: () => truncateAll(database),
    reopen: async () => {
      if (location.dataDir === 'memory' && !location.databaseUrl) {
        throw new Error('reopen() needs createTestDatabase({ persistent: true }) on PGlite.');
      }
      await database.close();
      return open(location);
    },
    disconnect: () => database.close(),
    removeData: () => removeData(location),
    close: async () => {
      await database.close();
      await removeData(location);
    },
  };
}

async function removeData(location: Location): Promise<void> {
  if (location.dataDir !== 'memory') fs.rmSync(location.dataDir, { recursive: true, force: true });
  if (!location.schema) return;

  const database = await openDatabase({ ...location, poolSize: 1 });
  await database.knex.raw('DROP SCHEMA ?? CASCADE', [location.schema]);
  await database.close();
}

async function truncateAll(database: Database): Promise<void> {
  const result = await database.knex.raw<{ rows: { tablename: string }[] }>(
    `SELECT tablename FROM pg_tables
     WHERE schemaname = current_schema() AND tablename NOT LIKE 'knex_%'`,
  );
  const tables = result.rows.map((row) => `"${row.tablename}"`).join(', ');
  if (tables) await database.knex.raw(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
}

/** Whether the suite runs against a PostgreSQL server rather than the embedded database. */
export const isPostgres = Boolean(process.env.DATABASE_URL);
