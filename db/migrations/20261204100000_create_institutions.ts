import type { Knex } from 'knex';

/** Hospitals and schools, the campuses and care units of hospitals, the programmes of schools. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('institutions', (table) => {
    table.increments('id');
    table
      .enu('kind', ['hospital', 'school'], { useNative: true, enumName: 'institution_kind' })
      .notNullable();
    table.text('name').notNullable();
    table.text('street');
    table.text('postal_code');
    table.text('city');
    table.text('country').notNullable().defaultTo('BE');
    table.timestamps(true, true);
  });

  await knex.schema.createTable('campuses', (table) => {
    table.increments('id');
    table.integer('hospital_id').notNullable().references('institutions.id').onDelete('CASCADE');
    table.text('name').notNullable();
    table.text('city');
    table.unique(['hospital_id', 'name']);
  });

  await knex.schema.createTable('care_units', (table) => {
    table.increments('id');
    table.integer('hospital_id').notNullable().references('institutions.id').onDelete('CASCADE');
    table.integer('campus_id').notNullable().references('campuses.id').onDelete('RESTRICT');
    table.text('name').notNullable();
    table.text('department').notNullable();
    table.text('section');
    table.unique(['campus_id', 'name']);
    table.index(['hospital_id']);
  });

  await knex.schema.createTable('programmes', (table) => {
    table.increments('id');
    table.integer('school_id').notNullable().references('institutions.id').onDelete('CASCADE');
    table.text('name').notNullable();
    table.text('level').notNullable();
    table.smallint('year_levels').notNullable();
    table.unique(['school_id', 'name']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('programmes');
  await knex.schema.dropTable('care_units');
  await knex.schema.dropTable('campuses');
  await knex.schema.dropTable('institutions');
  await knex.raw('DROP TYPE institution_kind');
}
