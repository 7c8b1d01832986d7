import type { Knex } from 'knex';

/**
 * Stores each definition's compiled form: bpmn-engine's state before execution, which carries
 * the serialized process. Instances then start from it without parsing XML again, and their
 * saved states leave the serialized process out (about 30 kB each for the default process).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('process_definitions', (table) => {
    table.text('compiled_state');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('process_definitions', (table) => {
    table.dropColumn('compiled_state');
  });
}
