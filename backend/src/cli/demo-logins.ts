import type { Knex } from 'knex';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../../../db/seeds/demo';
import { ROLES } from '../platform/permissions/roles';

/** A demo login as printed at start. */
export interface DemoLogin {
  role: string;
  email: string;
  /** Institution, and care unit for a supervisor, that the login works for. */
  worksFor: string;
}

interface LoginRow {
  email: string;
  roles: string[];
  institution: string | null;
  unit: string | null;
}

/** Returns the demo logins in the database, ordered by role and then by set. */
export async function findDemoLogins(knex: Knex): Promise<DemoLogin[]> {
  const rows = await knex('users as u')
    .leftJoin('institutions as i', 'i.id', 'u.institution_id')
    .leftJoin('care_units as c', 'c.id', 'u.care_unit_id')
    .whereRaw('lower(u.email) like ?', [`%${DEMO_EMAIL_DOMAIN}`])
    .orderBy('u.email')
    .select<LoginRow[]>('u.email', 'u.roles', 'i.name as institution', 'c.name as unit');

  const logins = rows.map((row) => ({
    role: row.roles.join(', '),
    email: row.email,
    worksFor: [row.institution ?? 'all institutions', row.unit].filter(Boolean).join(' · '),
  }));
  return logins.sort((left, right) => roleRank(left.role) - roleRank(right.role));
}

/** Formats `logins` as a block of aligned columns for a terminal. */
export function formatDemoLogins(logins: readonly DemoLogin[]): string {
  const roleWidth = Math.max(4, ...logins.map((login) => login.role.length));
  const emailWidth = Math.max(6, ...logins.map((login) => login.email.length));
  const line = (role: string, email: string, worksFor: string) =>
    `  ${role.padEnd(roleWidth)}  ${email.padEnd(emailWidth)}  ${worksFor}`;

  return [
    '',
    `Demo logins, all with the password "${DEMO_PASSWORD}" unless changed since the seed:`,
    line('Role', 'E-mail', 'Works for'),
    ...logins.map((login) => line(login.role, login.email, login.worksFor)),
    '',
  ].join('\n');
}

/** Prints the demo logins to stdout, or nothing when the database has none. */
export async function printDemoLogins(knex: Knex): Promise<void> {
  const logins = await findDemoLogins(knex);
  if (logins.length > 0) process.stdout.write(`${formatDemoLogins(logins)}\n`);
}

// Logins sort in the order of ROLES. The sort is stable, so within a role the query's e-mail
// order stays, which puts `@demo.` before `@second.demo.`.
function roleRank(role: string): number {
  const index = (ROLES as readonly string[]).indexOf(role);
  return index === -1 ? ROLES.length : index;
}
