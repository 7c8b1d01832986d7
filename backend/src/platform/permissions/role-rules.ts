import type { AbilityBuilder } from '@casl/ability';
import type { AuthenticatedUser } from '../http/app-context';
import type { AppAbility } from './ability';
import type { Role } from './roles';

type Builder = AbilityBuilder<AppAbility>;

/** Reference data every signed-in user may read. */
const REFERENCE_SUBJECTS = ['Institution', 'Campus', 'CareUnit', 'Programme'] as const;

/** Student fields a student fills in themselves; the school manages the others. */
export const STUDENT_SELF_SERVICE_FIELDS = [
  'phone',
  'personalEmail',
  'birthDate',
  'recruitmentConsent',
] as const;

/** User fields that decide what an account may do and which rows it may read. */
export const USER_AUTHORITY_FIELDS = ['roles', 'institutionId', 'careUnitId', 'studentId'] as const;

/** Stage statuses after which a stage no longer changes. */
export const CLOSED_STAGE_STATUSES = ['refused', 'completed', 'cancelled'] as const;

/** Adds what every signed-in user may do, whatever their roles. */
export function addSharedRules(builder: Builder, user: AuthenticatedUser): void {
  builder.can('read', [...REFERENCE_SUBJECTS]);
  builder.can('read', 'User', { id: user.id });
  builder.can('update', 'User', ['locale'], { id: user.id });
}

/** Adds the rules of one role. Platform admins get theirs in `defineAbilityFor`. */
export function addRoleRules(builder: Builder, role: Role, user: AuthenticatedUser): void {
  switch (role) {
    case 'student':
      return addStudentRules(builder, user.studentId);
    case 'school_coordinator':
      return addSchoolCoordinatorRules(builder, user.institutionId);
    case 'hospital_coordinator':
      return addHospitalCoordinatorRules(builder, user.institutionId);
    case 'supervisor':
      return addSupervisorRules(builder, user.careUnitId);
    case 'badge_manager':
    case 'hygienist':
      return addHospitalServiceRules(builder, role, user.institutionId);
    case 'institution_admin':
      return addInstitutionAdminRules(builder, user.institutionId);
    case 'platform_admin':
      return;
  }
}

/**
 * Adds the forbidding rules that hold whatever the roles. They come after every role's rules
 * because CASL lets later rules override earlier ones.
 */
export function addVetoes(builder: Builder, user: AuthenticatedUser): void {
  builder
    .cannot('update', 'Stage', { status: { $in: [...CLOSED_STAGE_STATUSES] } })
    .because('This stage is closed (refused, completed or cancelled) and can no longer change.');

  builder
    .cannot('update', 'User', [...USER_AUTHORITY_FIELDS], { id: user.id })
    .because('You cannot change your own roles or affiliation; ask another administrator.');

  // NOTE: the veto only applies to checks that name the `roles` field, such as
  // `ability.can('create', subject('User', row), 'roles')`, so the user service must pass it.
  // A veto without a field would reach `whereAllowed`, which cannot compare a text[] column.
  builder
    .cannot(['create', 'update'], 'User', 'roles', { roles: 'platform_admin' })
    .because('Only a platform admin can grant the platform_admin role.');
}

function addStudentRules(builder: Builder, studentId: number | null): void {
  if (studentId === null) return;

  builder.can(['read', 'create'], 'Stage', { studentId });
  addTaskRules(builder, 'student', { candidateStudentId: studentId });
  builder.can('read', 'Student', { id: studentId });
  builder.can('update', 'Student', [...STUDENT_SELF_SERVICE_FIELDS], { id: studentId });
}

function addSchoolCoordinatorRules(builder: Builder, schoolId: number | null): void {
  if (schoolId === null) return;

  builder.can(['read', 'create'], 'Stage', { schoolId });
  builder.can(['read', 'update'], 'Student', { schoolId });
  addTaskRules(builder, 'school_coordinator', { candidateInstitutionId: schoolId });
}

function addHospitalCoordinatorRules(builder: Builder, hospitalId: number | null): void {
  if (hospitalId === null) return;

  builder.can(['read', 'update'], 'Stage', { hospitalId });
  addTaskRules(builder, 'hospital_coordinator', { candidateInstitutionId: hospitalId });
}

function addSupervisorRules(builder: Builder, careUnitId: number | null): void {
  if (careUnitId === null) return;

  builder.can('read', 'Stage', { careUnitId });
  addTaskRules(builder, 'supervisor', { candidateUnitId: careUnitId });
}

function addHospitalServiceRules(
  builder: Builder,
  role: 'badge_manager' | 'hygienist',
  hospitalId: number | null,
): void {
  if (hospitalId === null) return;

  builder.can('read', 'Stage', { hospitalId });
  addTaskRules(builder, role, { candidateInstitutionId: hospitalId });
}

function addInstitutionAdminRules(builder: Builder, institutionId: number | null): void {
  builder.can('read', ['ProcessDefinition', 'Incident']);
  if (institutionId === null) return;

  // The institution is either the stage's hospital or its school.
  builder.can('read', 'Stage', { hospitalId: institutionId });
  builder.can('read', 'Stage', { schoolId: institutionId });
  builder.can('read', 'Task', { candidateInstitutionId: institutionId });
  builder.can('manage', 'User', { institutionId });
}

function addTaskRules(builder: Builder, role: Role, scope: Record<string, number>): void {
  builder.can(['read', 'claim', 'complete'], 'Task', { candidateRole: role, ...scope });
}
