import type { Database } from '../platform/db/database';

/** Whether the institutions table is empty, which marks a database that was never used. */
export async function hasNoInstitution(db: Database): Promise<boolean> {
  const row = await db.knex<{ id: number }>('institutions').first('id');
  return row === undefined;
}

/**
 * Returns why the demo seed cannot write into `db` and how to start from an empty database, or
 * null when it is empty. `dataDir` is the embedded database's folder, null on PostgreSQL.
 */
export async function describeExistingData(
  db: Database,
  dataDir: string | null,
): Promise<string | null> {
  const counts = await Promise.all(
    ['institutions', 'users', 'stages'].map(async (table) => {
      const row = await db.knex(table).count({ count: '*' }).first();
      return { table, count: Number(row?.count) };
    }),
  );
  if (counts.every(({ count }) => count === 0)) return null;

  const found = counts.map(({ table, count }) => `${count} ${table}`).join(', ');
  const remedy = dataDir
    ? `Stop the server, delete the folder ${dataDir} (or set DATA_DIR to a new folder), ` +
      'then run npm run seed:demo again.'
    : 'Point --database-url (or DATABASE_URL) at a new database, for example one made with ' +
      '`createdb stageflow_demo`, or set DATABASE_SCHEMA to a new schema, then run it again.';
  return (
    `The database already contains ${found}, and the demo seed only writes into an empty ` +
    `database. ${remedy}`
  );
}
