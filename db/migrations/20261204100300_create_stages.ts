import type { Knex } from 'knex';

/**
 * Stages (internships). The hospital and school are copied from the care unit and the student
 * so that permission filters are plain column comparisons.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('stages', (table) => {
    table.increments('id');
    table.integer('student_id').notNullable().references('students.id').onDelete('RESTRICT');
    table.integer('care_unit_id').notNullable().references('care_units.id').onDelete('RESTRICT');
    table.integer('hospital_id').notNullable().references('institutions.id').onDelete('RESTRICT');
    table.integer('school_id').notNullable().references('institutions.id').onDelete('RESTRICT');
    table.integer('programme_id').notNullable().references('programmes.id').onDelete('RESTRICT');
    table.date('start_date').notNullable();
    table.date('end_date').notNullable();
    table.text('phase').notNullable();
    table
      .enu('status', ['active', 'refused', 'completed', 'cancelled'], {
        useNative: true,
        enumName: 'stage_status',
      })
      .notNullable()
      .defaultTo('active');
    table.text('motivation');
    table.text('refusal_reason');
    table.integer('requested_by').references('users.id').onDelete('SET NULL');
    table.text('requester_role').notNullable();
    table.integer('process_instance_id').references('process_instances.id').onDelete('SET NULL');
    table.timestamps(true, true);
    table.index(['hospital_id', 'phase']);
    table.index(['school_id', 'phase']);
    table.index(['care_unit_id', 'start_date']);
    table.index(['student_id']);
    table.unique(['process_instance_id']);
  });
  await knex.raw(
    'ALTER TABLE stages ADD CONSTRAINT stages_period_valid CHECK (end_date >= start_date)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('stages');
  await knex.raw('DROP TYPE stage_status');
}
