import type { Knex } from 'knex';
import * as createInstitutions from './20261204100000_create_institutions';
import * as createStudentsAndUsers from './20261204100100_create_students_and_users';
import * as createProcessTables from './20261204100200_create_process_tables';
import * as createStages from './20261204100300_create_stages';
import * as createRuntimeTables from './20261204100400_create_runtime_tables';
import * as addDefinitionCompiledState from './20261204110000_add_definition_compiled_state';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

// Listed explicitly rather than read from the folder, so the same list works from the
// TypeScript sources under jest and from the compiled build under node.
const migrations: Record<string, Migration> = {
  '20261204100000_create_institutions': createInstitutions,
  '20261204100100_create_students_and_users': createStudentsAndUsers,
  '20261204100200_create_process_tables': createProcessTables,
  '20261204100300_create_stages': createStages,
  '20261204100400_create_runtime_tables': createRuntimeTables,
  '20261204110000_add_definition_compiled_state': addDefinitionCompiledState,
};

/** The knex migration source of Stageflow's schema, in the order the files are named. */
export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: () => Promise.resolve(Object.keys(migrations).sort()),
  getMigrationName: (name) => name,
  getMigration: (name) => Promise.resolve(migrations[name] as Knex.Migration),
};
