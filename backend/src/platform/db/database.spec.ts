import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { migrationSource } from '../../../../db/migrations';

describe('openDatabase()', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database.close());

  it('applies every migration', async () => {
    const [, pending] = (await database.knex.migrate.list({ migrationSource })) as [
      unknown[],
      unknown[],
    ];

    expect(pending).toHaveLength(0);
  });

  it('returns counts as numbers', async () => {
    const row = await database.knex('institutions').count({ count: '*' }).first();

    expect(row?.count).toBe(0);
  });

  it('returns dates as calendar days', async () => {
    const result = await database.knex.raw<{ rows: { day: unknown }[] }>(
      "SELECT DATE '2027-03-01' AS day",
    );

    expect(result.rows[0]?.day).toBe('2027-03-01');
  });
});
