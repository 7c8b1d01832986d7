/** Every role a user can hold. A user may hold several, all within one institution. */
export const ROLES = [
  'student',
  'school_coordinator',
  'hospital_coordinator',
  'supervisor',
  'badge_manager',
  'hygienist',
  'institution_admin',
  'platform_admin',
] as const;

/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** Whether `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
