import type { Role } from '../../../backend/src/platform/permissions/roles';
import type { ReferenceData } from './institutions';
import { drawPersonName, type Language } from './names';
import type { Random } from './random';
import type { CareUnitRow, DemoUserRow, InstitutionRow, StudentRow } from './types';

/** Password of every demo login. */
export const DEMO_PASSWORD = 'demo';

/** Domain of the main demo logins. The second set puts `second.` in front of it. */
export const DEMO_EMAIL_DOMAIN = 'demo.stageflow.example';

/** The institutions, unit and student that one set of demo logins works for. */
export interface DemoLoginSet {
  /** `''` for the main set, `'second.'` for the set of the other hospital and school. */
  subdomain: '' | 'second.';
  language: Language;
  hospital: InstitutionRow;
  school: InstitutionRow;
  supervisorUnit: CareUnitRow;
  student: StudentRow;
}

// The e-mail's local part for each role. Only the main set has a platform administrator.
const LOCAL_PARTS: Record<Role, string> = {
  student: 'student',
  school_coordinator: 'school.coordinator',
  hospital_coordinator: 'hospital.coordinator',
  supervisor: 'supervisor',
  badge_manager: 'badge.manager',
  hygienist: 'hygienist',
  institution_admin: 'institution.admin',
  platform_admin: 'platform.admin',
};

/**
 * Picks the two login sets: the university hospital with the first school, and the other
 * hospital with the second school. Each supervisor works in the first unit of its hospital.
 */
export function chooseLoginSets(reference: ReferenceData, students: StudentRow[]): DemoLoginSet[] {
  return (['', 'second.'] as const).map((subdomain, index) => {
    const hospital = reference.hospitals[index];
    const school = reference.schools[index];
    const student = students[index];
    const supervisorUnit = reference.careUnits.find((unit) => unit.hospital_id === hospital.id);
    if (!school || !student || !supervisorUnit) {
      throw new Error(`Demo login set ${index + 1} needs a school, a student and a care unit.`);
    }
    return {
      subdomain,
      language: school.entry.language,
      hospital,
      school: school.row,
      supervisorUnit,
      student,
    };
  });
}

/** Builds one user per role and set, except a platform administrator for the second set. */
export function generateDemoUsers(random: Random, sets: readonly DemoLoginSet[]): DemoUserRow[] {
  const users: DemoUserRow[] = [];
  for (const set of sets) {
    for (const role of Object.keys(LOCAL_PARTS) as Role[]) {
      if (role === 'platform_admin' && set.subdomain !== '') continue;
      users.push(buildUser(random, set, role, users.length + 1));
    }
  }
  return users;
}

/** Returns the e-mail address of the demo login for `role` in the set named by `subdomain`. */
export function demoEmail(role: Role, subdomain: DemoLoginSet['subdomain'] = ''): string {
  return `${LOCAL_PARTS[role]}@${subdomain}${DEMO_EMAIL_DOMAIN}`;
}

function buildUser(random: Random, set: DemoLoginSet, role: Role, id: number): DemoUserRow {
  const name = role === 'student' ? set.student : toRowName(drawPersonName(random, set.language));
  return {
    id,
    email: demoEmail(role, set.subdomain),
    name: `${name.first_name} ${name.last_name}`,
    phone: null,
    institution_id: institutionFor(set, role),
    care_unit_id: role === 'supervisor' ? set.supervisorUnit.id : null,
    student_id: role === 'student' ? set.student.id : null,
    roles: [role],
    locale: set.language,
  };
}

function institutionFor(set: DemoLoginSet, role: Role): number | null {
  switch (role) {
    case 'platform_admin':
      return null;
    case 'student':
    case 'school_coordinator':
      return set.school.id;
    case 'hospital_coordinator':
    case 'supervisor':
    case 'badge_manager':
    case 'hygienist':
    case 'institution_admin':
      return set.hospital.id;
  }
}

function toRowName(name: { firstName: string; lastName: string }) {
  return { first_name: name.firstName, last_name: name.lastName };
}
