import type { Knex } from 'knex';

/** Deployed process definitions and the persisted state of their instances. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('process_definitions', (table) => {
    table.increments('id');
    table.text('key').notNullable();
    table.integer('version').notNullable();
    table.text('name').notNullable();
    table.text('xml').notNullable();
    table.text('checksum').notNullable();
    table.integer('deployed_by').references('users.id').onDelete('SET NULL');
    table.timestamp('deployed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['key', 'version']);
  });
  // Versions are immutable: nothing may change a deployed row's XML.
  await knex.raw(`
    CREATE FUNCTION process_definitions_immutable() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'process definition % version % is immutable; deploy a new version',
        OLD.key, OLD.version;
    END $$ LANGUAGE plpgsql`);
  await knex.raw(`
    CREATE TRIGGER process_definitions_no_update BEFORE UPDATE ON process_definitions
    FOR EACH ROW EXECUTE FUNCTION process_definitions_immutable()`);

  await knex.schema.createTable('process_instances', (table) => {
    table.increments('id');
    table
      .integer('definition_id')
      .notNullable()
      .references('process_definitions.id')
      .onDelete('RESTRICT');
    table
      .enu('status', ['running', 'completed', 'incident', 'terminated'], {
        useNative: true,
        enumName: 'process_instance_status',
      })
      .notNullable();
    table.jsonb('state').notNullable();
    // Incremented by every command, so a reader can tell two saved states apart.
    table.integer('revision').notNullable().defaultTo(0);
    table.timestamps(true, true);
    table.index(['status']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('process_instances');
  await knex.raw('DROP TYPE process_instance_status');
  await knex.schema.dropTable('process_definitions');
  await knex.raw('DROP FUNCTION process_definitions_immutable');
}
