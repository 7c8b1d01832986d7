import type { Knex } from 'knex';

/**
 * What the runtime writes besides the engine state, always in the same transaction: user tasks,
 * the append-only history, timers, service-task jobs (the outbox) and incidents.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tasks', (table) => {
    table.increments('id');
    table
      .integer('instance_id')
      .notNullable()
      .references('process_instances.id')
      .onDelete('CASCADE');
    table.integer('stage_id').notNullable().references('stages.id').onDelete('CASCADE');
    table.text('activity_id').notNullable();
    // bpmn-engine announces a recovered wait again; this id makes the insert idempotent.
    table.text('execution_id').notNullable();
    table.text('name').notNullable();
    table.text('phase').notNullable();
    table.text('candidate_role').notNullable();
    table.integer('candidate_institution_id').references('institutions.id').onDelete('CASCADE');
    table.integer('candidate_unit_id').references('care_units.id').onDelete('CASCADE');
    table.integer('candidate_student_id').references('students.id').onDelete('CASCADE');
    table.integer('assignee_id').references('users.id').onDelete('SET NULL');
    table.timestamp('due_at', { useTz: true });
    table.jsonb('form').notNullable();
    table
      .enu('status', ['open', 'completed', 'cancelled'], {
        useNative: true,
        enumName: 'task_status',
      })
      .notNullable()
      .defaultTo('open');
    table.jsonb('values');
    table.integer('completed_by').references('users.id').onDelete('SET NULL');
    table.timestamp('completed_at', { useTz: true });
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['instance_id', 'execution_id']);
    table.index(['candidate_role', 'candidate_institution_id', 'status']);
    table.index(['candidate_role', 'candidate_unit_id', 'status']);
    table.index(['assignee_id', 'status']);
    table.index(['stage_id']);
  });

  await knex.schema.createTable('process_history', (table) => {
    table.bigIncrements('id');
    table
      .integer('instance_id')
      .notNullable()
      .references('process_instances.id')
      .onDelete('CASCADE');
    table.integer('stage_id').references('stages.id').onDelete('CASCADE');
    table.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.text('type').notNullable();
    table.text('activity_id');
    table.text('activity_name');
    table.text('phase');
    table.integer('actor_id').references('users.id').onDelete('SET NULL');
    table.jsonb('data').notNullable().defaultTo('{}');
    table.index(['instance_id', 'id']);
  });
  // History is append-only: corrections are new rows, never edits.
  await knex.raw(`
    CREATE FUNCTION process_history_append_only() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'process_history is append-only';
    END $$ LANGUAGE plpgsql`);
  await knex.raw(`
    CREATE TRIGGER process_history_no_update BEFORE UPDATE ON process_history
    FOR EACH ROW EXECUTE FUNCTION process_history_append_only()`);

  await knex.schema.createTable('process_timers', (table) => {
    table.increments('id');
    table
      .integer('instance_id')
      .notNullable()
      .references('process_instances.id')
      .onDelete('CASCADE');
    table.text('activity_id').notNullable();
    table.text('execution_id').notNullable();
    table.text('kind').notNullable();
    table.timestamp('due_at', { useTz: true }).notNullable();
    table
      .enu('status', ['pending', 'fired', 'cancelled'], {
        useNative: true,
        enumName: 'process_timer_status',
      })
      .notNullable()
      .defaultTo('pending');
    table.smallint('attempts').notNullable().defaultTo(0);
    table.text('last_error');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['instance_id', 'execution_id', 'kind']);
  });
  await knex.raw(
    "CREATE INDEX process_timers_due ON process_timers (due_at) WHERE status = 'pending'",
  );

  await knex.schema.createTable('service_jobs', (table) => {
    table.increments('id');
    table
      .integer('instance_id')
      .notNullable()
      .references('process_instances.id')
      .onDelete('CASCADE');
    table.text('activity_id').notNullable();
    table.text('execution_id').notNullable();
    table.text('plugin').notNullable();
    table.jsonb('input').notNullable().defaultTo('{}');
    table
      .enu('status', ['pending', 'running', 'succeeded', 'done', 'incident'], {
        useNative: true,
        enumName: 'service_job_status',
      })
      .notNullable()
      .defaultTo('pending');
    table.smallint('attempts').notNullable().defaultTo(0);
    table.jsonb('output');
    table.text('last_error');
    table.timestamp('run_after', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('started_at', { useTz: true });
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['instance_id', 'execution_id']);
  });
  await knex.raw(
    "CREATE INDEX service_jobs_ready ON service_jobs (run_after) WHERE status IN ('pending', 'succeeded')",
  );

  await knex.schema.createTable('incidents', (table) => {
    table.increments('id');
    table
      .integer('instance_id')
      .notNullable()
      .references('process_instances.id')
      .onDelete('CASCADE');
    table.integer('job_id').references('service_jobs.id').onDelete('SET NULL');
    table.text('activity_id').notNullable();
    table.text('error').notNullable();
    table
      .enu('status', ['open', 'resolved'], { useNative: true, enumName: 'incident_status' })
      .notNullable()
      .defaultTo('open');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.integer('resolved_by').references('users.id').onDelete('SET NULL');
    table.timestamp('resolved_at', { useTz: true });
    table.index(['status']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('incidents');
  await knex.raw('DROP TYPE incident_status');
  await knex.schema.dropTable('service_jobs');
  await knex.raw('DROP TYPE service_job_status');
  await knex.schema.dropTable('process_timers');
  await knex.raw('DROP TYPE process_timer_status');
  await knex.schema.dropTable('process_history');
  await knex.raw('DROP FUNCTION process_history_append_only');
  await knex.schema.dropTable('tasks');
  await knex.raw('DROP TYPE task_status');
}
