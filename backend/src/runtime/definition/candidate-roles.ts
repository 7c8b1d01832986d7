import { ROLES, type Role } from '../../platform/permissions/roles';

/** Candidate role for the user who requested the stage, a student or a school coordinator. */
export const REQUESTER = 'requester';

/** A role that `sf:candidateRole` may name: one of {@link ROLES}, or {@link REQUESTER}. */
export type CandidateRole = Role | typeof REQUESTER;

/** The parties of a stage that `sf:scope` can narrow a task's candidates to. */
export const SCOPES = ['hospital', 'school', 'unit', 'student'] as const;

/** One of {@link SCOPES}. */
export type Scope = (typeof SCOPES)[number];

// The first scope of each list is the default; an empty list means the role takes no scope.
const ALLOWED_SCOPES: Record<CandidateRole, readonly Scope[]> = {
  student: ['student'],
  supervisor: ['unit'],
  school_coordinator: ['school'],
  hospital_coordinator: ['hospital'],
  badge_manager: ['hospital'],
  hygienist: ['hospital'],
  institution_admin: ['hospital', 'school'],
  // NOTE: platform administrators are not tied to one stage party, so like the requester they
  // take no scope.
  platform_admin: [],
  requester: [],
};

/** Every value `sf:candidateRole` accepts, in the order error messages list them. */
export const CANDIDATE_ROLES: readonly CandidateRole[] = [...ROLES, REQUESTER];

/** Whether `value` is a role that `sf:candidateRole` may name. */
export function isCandidateRole(value: string): value is CandidateRole {
  return (CANDIDATE_ROLES as readonly string[]).includes(value);
}

/** Whether `value` is one of {@link SCOPES}. */
export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** Returns the scopes a user task with candidate role `role` may declare. */
export function allowedScopesFor(role: CandidateRole): readonly Scope[] {
  return ALLOWED_SCOPES[role];
}

/**
 * Returns the scope a user task gets when it names `role` without `sf:scope`: the role's only
 * scope, or null when the role takes no scope or has several (institution_admin must choose).
 */
export function defaultScopeFor(role: CandidateRole): Scope | null {
  const scopes = ALLOWED_SCOPES[role];
  return scopes.length === 1 ? scopes[0] : null;
}
