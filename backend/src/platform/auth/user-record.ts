import type { AuthenticatedUser } from '../http/app-context';
import { createLogger } from '../logging/logger';
import { isRole, type Role } from '../permissions/roles';

const log = createLogger('server:auth');

/** The columns of `users` that make up an {@link AuthenticatedUser}, qualified for joins. */
export const AUTHENTICATED_USER_COLUMNS = [
  'users.id',
  'users.email',
  'users.name',
  'users.roles',
  'users.institution_id',
  'users.care_unit_id',
  'users.student_id',
  'users.locale',
] as const;

/** A `users` row as selected with {@link AUTHENTICATED_USER_COLUMNS}. */
export interface AuthenticatedUserRow {
  id: number;
  email: string;
  name: string;
  roles: string[];
  institution_id: number | null;
  care_unit_id: number | null;
  student_id: number | null;
  locale: string | null;
}

/** Converts a `users` row into the request's user, dropping (and logging) unknown roles. */
export function toAuthenticatedUser(row: AuthenticatedUserRow): AuthenticatedUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: knownRoles(row),
    institutionId: row.institution_id,
    careUnitId: row.care_unit_id,
    studentId: row.student_id,
    locale: row.locale,
  };
}

function knownRoles(row: AuthenticatedUserRow): Role[] {
  const roles = row.roles.filter(isRole);
  if (roles.length < row.roles.length) {
    const unknown = row.roles.filter((role) => !isRole(role));
    log.warn({ userId: row.id, unknown }, 'user has unknown roles; they grant nothing');
  }
  return roles;
}
