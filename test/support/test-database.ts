import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../backend/src/platform/db/database';

/** A migrated database for one test file, and what a child server needs to reach it. */
export interface TestDatabase extends Database {
  /** Environment for a server process on the same database (PostgreSQL only). */
  env: Record<string, string>;
  /** Deletes every row, keeping the schema, for isolation between tests. */
  truncateAll(): Promise<void>;
}

/**
 * Opens a fresh database: an in-memory PGlite without DATABASE_URL, else a new schema on the
 * PostgreSQL server so that test files running in parallel never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const databaseUrl = process.env.DATABASE_URL;
  const schema = databaseUrl ? `test_${randomBytes(6).toString('hex')}` : undefined;
  const database = await openDatabase({ databaseUrl, dataDir: 'memory', schema, poolSize: 20 });

  return {
    ...database,
    env: databaseUrl && schema ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : {},
    truncateAll: () => truncateAll(database),
    close: async () => {
      if (schema) await database.knex.raw('DROP SCHEMA ?? CASCADE', [schema]);
      await database.close();
    },
  };
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
