import type { Knex } from 'knex';

/** Students of schools, the users who sign in, and their sessions. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('students', (table) => {
    table.increments('id');
    table.integer('school_id').notNullable().references('institutions.id').onDelete('RESTRICT');
    table.integer('programme_id').notNullable().references('programmes.id').onDelete('RESTRICT');
    table.text('first_name').notNullable();
    table.text('last_name').notNullable();
    table.text('matricule').notNullable();
    table.smallint('year').notNullable();
    table.text('school_email').notNullable();
    // Optional data the student fills in themselves.
    table.text('phone');
    table.text('personal_email');
    table.date('birth_date');
    table.boolean('recruitment_consent').notNullable().defaultTo(false);
    table.timestamps(true, true);
    table.unique(['school_id', 'matricule']);
    table.index(['programme_id']);
  });

  await knex.schema.createTable('users', (table) => {
    table.increments('id');
    table.text('email').notNullable();
    table.text('password_hash').notNullable();
    table.text('name').notNullable();
    table.text('phone');
    table.integer('institution_id').references('institutions.id').onDelete('RESTRICT');
    table.integer('care_unit_id').references('care_units.id').onDelete('SET NULL');
    table.integer('student_id').references('students.id').onDelete('CASCADE');
    table.specificType('roles', 'text[]').notNullable();
    table.text('locale');
    table.smallint('failed_logins').notNullable().defaultTo(0);
    table.timestamp('locked_until', { useTz: true });
    table.timestamps(true, true);
    table.index(['institution_id']);
  });
  // Logins are case-insensitive: one account per address however it is typed.
  await knex.raw('CREATE UNIQUE INDEX users_email_lower_unique ON users (lower(email))');

  await knex.schema.createTable('sessions', (table) => {
    // SHA-256 of the cookie's token, so a database dump does not leak usable sessions.
    table.text('token_hash').primary();
    table.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.index(['user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('users');
  await knex.schema.dropTable('students');
}
