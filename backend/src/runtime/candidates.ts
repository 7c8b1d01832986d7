import { getExpireAt } from '@0dep/piso';
import type { UserTaskSpec } from './activity-spec';
import type { StageVariables } from './process-runtime';

/** The candidates of a task: one role, narrowed to the stage's institution, unit or student. */
export interface TaskCandidates {
  candidateRole: string;
  candidateInstitutionId: number | null;
  candidateUnitId: number | null;
  candidateStudentId: number | null;
}

const DEFAULT_SCOPES: Record<string, string> = {
  student: 'student',
  supervisor: 'unit',
  school_coordinator: 'school',
  hospital_coordinator: 'hospital',
  badge_manager: 'hospital',
  hygienist: 'hospital',
  institution_admin: 'hospital',
};

/**
 * Resolves the candidates of a user task for `stage`. The `requester` role stands for whoever
 * requested the stage: the student, or a coordinator of the student's school.
 */
export function resolveCandidates(spec: UserTaskSpec, stage: StageVariables): TaskCandidates {
  const role = spec.candidateRole === 'requester' ? stage.requesterRole : spec.candidateRole;
  const scope = spec.candidateRole === 'requester' ? null : spec.scope;

  switch (scope ?? DEFAULT_SCOPES[role] ?? 'hospital') {
    case 'student':
      return candidates(role, stage.schoolId, null, stage.studentId);
    case 'unit':
      return candidates(role, stage.hospitalId, stage.careUnitId, null);
    case 'school':
      return candidates(role, stage.schoolId, null, null);
    default:
      return candidates(role, stage.hospitalId, null, null);
  }
}

/**
 * Computes a task's due time from `sf:dueDate`: an ISO 8601 duration counts from `now`, and an
 * expression's calendar day means the end of that day (UTC). Returns null when unset.
 */
export function resolveDueDate(
  dueDate: string | null,
  now: Date,
  resolveExpression: (expression: string) => unknown,
): Date | null {
  if (!dueDate) return null;

  if (dueDate.startsWith('${')) {
    const value = resolveExpression(dueDate);
    if (typeof value !== 'string' && !(value instanceof Date)) return null;
    const text = value instanceof Date ? value.toISOString() : value;
    const due = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T23:59:59Z` : text);
    return Number.isNaN(due.getTime()) ? null : due;
  }
  return getExpireAt(dueDate, now, now);
}

function candidates(
  candidateRole: string,
  candidateInstitutionId: number | null,
  candidateUnitId: number | null,
  candidateStudentId: number | null,
): TaskCandidates {
  return { candidateRole, candidateInstitutionId, candidateUnitId, candidateStudentId };
}
