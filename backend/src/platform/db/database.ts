import fs from 'node:fs';
import knexFactory, { type Knex } from 'knex';
import { types as pgTypes } from 'pg';
import { Model } from 'objection';
import { createLogger } from '../logging/logger';
import { migrationSource } from '../../../../db/migrations';

const log = createLogger('server:db');

// Numeric type ids from PostgreSQL's pg_type catalogue.
const INT8_OID = 20;
const DATE_OID = 1082;

/** The kind of database a connection uses. PGlite is the embedded single-connection one. */
export type DatabaseKind = 'pglite' | 'postgres';

/** An open database with its knex instance, bound to objection's models. */
export interface Database {
  knex: Knex;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** Options for {@link openDatabase}. */
export interface DatabaseOptions {
  /** PostgreSQL connection string. When unset, the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `memory` keeps it in memory only. */
  dataDir?: string;
  isProduction?: boolean;
  /** Maximum pool size on PostgreSQL. */
  poolSize?: number;
  /** PostgreSQL schema to work in, created when missing; tests use one schema per file. */
  schema?: string | undefined;
}

/**
 * Opens the database named by the options, applies pending migrations and binds objection.
 * PGlite has a single connection and does not fsync, so production must use PostgreSQL.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize ?? 10, options.schema)
    : await openPglite(options);

  await migrateLatest(database.knex);
  Model.knex(database.knex);
  return database;
}

/** Applies every pending migration, logging each one applied. */
export async function migrateLatest(knex: Knex): Promise<void> {
  const [batch, applied] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
  for (const name of applied) log.info({ migration: name, batch }, 'migration applied');
}

async function openPostgres(
  connectionString: string,
  poolSize: number,
  schema: string | undefined,
): Promise<Database> {
  // Counts and bigserial ids stay far below 2^53, and a DATE is a calendar day, not an instant:
  // parsing it into a Date would shift it by the server's time zone.
  pgTypes.setTypeParser(INT8_OID, (value) => Number(value));
  pgTypes.setTypeParser(DATE_OID, (value) => value);

  const knex = knexFactory({
    client: 'pg',
    connection: connectionString,
    pool: { min: 0, max: poolSize },
    acquireConnectionTimeout: 30_000,
    ...(schema && { searchPath: [schema] }),
  });
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new Error(`DATABASE_SCHEMA=${schema} is invalid; use lowercase letters, digits and _.`);
    }
    await knex.raw('CREATE SCHEMA IF NOT EXISTS ??', [schema]);
  }
  log.info({ database: redactUrl(connectionString) }, 'database opened');
  return { knex, kind: 'postgres', close: () => knex.destroy() };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  if (options.isProduction) {
    throw new Error(
      'NODE_ENV=production needs a PostgreSQL server: the embedded PGlite database has a single ' +
        'connection and does not fsync, so a power loss can lose acknowledged data. ' +
        'Set DATABASE_URL=postgres://user@host:5432/stageflow.',
    );
  }

  // Both packages are loaded on demand so a PostgreSQL deployment never boots PGlite.
  const { PGlite } = await import('@electric-sql/pglite');
  const ClientPgLite = (await import('knex-pglite')).default;

  const dataDir = options.dataDir ?? 'memory';
  if (dataDir !== 'memory') fs.mkdirSync(dataDir, { recursive: true });

  // The one-argument form: PGlite 0.5 ignores the options when the folder argument is undefined.
  const pglite = new PGlite({
    ...(dataDir === 'memory' ? {} : { dataDir }),
    parsers: { [INT8_OID]: (value: string) => Number(value), [DATE_OID]: (value: string) => value },
  });
  const knex = knexFactory({
    client: ClientPgLite,
    dialect: 'postgres',
    connection: { pglite } as unknown as Knex.StaticConnectionConfig,
    // A second transaction waits for the single connection; long waits mean a bug.
    acquireConnectionTimeout: 60_000,
  });
  log.info({ dataDir }, 'embedded database opened');
  return { knex, kind: 'pglite', close: () => knex.destroy() };
}

function redactUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = 'redacted';
    return url.toString();
  } catch {
    // An unparsable string may still be valid for libpq; never echo it, it may hold a password.
    return '(connection string)';
  }
}
