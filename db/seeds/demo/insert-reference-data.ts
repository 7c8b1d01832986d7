import { hashPassword } from '../../../backend/src/platform/auth/passwords';
import type { Knex } from 'knex';
import type { DemoDataset } from './dataset';
import { DEMO_PASSWORD } from './logins';

// Rows per INSERT: students have 12 columns, so 1,000 rows stay far below PostgreSQL's limit
// of 65,535 bind parameters per statement.
const CHUNK_SIZE = 1000;

/** Tables the reference data fills, in foreign-key order. */
const REFERENCE_TABLES = [
  'institutions',
  'campuses',
  'care_units',
  'programmes',
  'students',
  'users',
] as const;

/**
 * Inserts institutions, campuses, units, programmes, students and demo logins in one
 * transaction, with the dataset's ids, then moves each id sequence past the highest id so that
 * later inserts do not collide. Expects the tables to be empty.
 */
export async function insertReferenceData(knex: Knex, dataset: DemoDataset): Promise<void> {
  const users = await withPasswordHashes(dataset);

  await knex.transaction(async (trx) => {
    await insertChunked(trx, 'institutions', dataset.institutions);
    await insertChunked(trx, 'campuses', dataset.campuses);
    await insertChunked(
      trx,
      'care_units',
      dataset.careUnits.map(({ careKind: _, ...row }) => row),
    );
    await insertChunked(
      trx,
      'programmes',
      dataset.programmes.map(({ discipline: _, ...row }) => row),
    );
    await insertChunked(trx, 'students', dataset.students);
    await insertChunked(trx, 'users', users);
    for (const table of REFERENCE_TABLES) await advanceSequence(trx, table);
  });
}

/** Moves the id sequence of `table` to its highest id, so the next insert gets the one after. */
export async function advanceSequence(knex: Knex, table: string): Promise<void> {
  // setval(..., false) on an empty table makes the next id 1 again.
  await knex.raw(
    `SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE(MAX(id), 0) + 1, false) FROM ??`,
    [table, table],
  );
}

async function insertChunked(trx: Knex.Transaction, table: string, rows: readonly object[]) {
  for (let offset = 0; offset < rows.length; offset += CHUNK_SIZE) {
    await trx(table).insert(rows.slice(offset, offset + CHUNK_SIZE));
  }
}

// argon2 salts each hash, so hashes differ between runs and the dataset digest leaves them out.
async function withPasswordHashes(dataset: DemoDataset) {
  return Promise.all(
    dataset.users.map(async (user) => ({
      ...user,
      // The production cost, so that signing in takes as long for a demo account as for an
      // unknown address, which is checked against a dummy hash of that cost.
      password_hash: await hashPassword(DEMO_PASSWORD),
    })),
  );
}
