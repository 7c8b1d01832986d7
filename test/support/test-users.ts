import type { Knex } from 'knex';
import { hashPassword, type PasswordHashCost } from '../../backend/src/platform/auth/passwords';
import type { AuthenticatedUser } from '../../backend/src/platform/http/app-context';
import { ROLES, type Role } from '../../backend/src/platform/permissions/roles';

/** The password of every user that {@link insertRoleUsers} creates. */
export const TEST_PASSWORD = 'correct-horse-battery-staple';

/** Ids of the reference rows that {@link insertReferenceData} creates. */
export interface ReferenceData {
  hospital: { id: number; campusId: number; careUnitIds: [number, number] };
  otherHospital: { id: number; campusId: number; careUnitId: number };
  school: { id: number; programmeId: number };
  otherSchool: { id: number; programmeId: number };
  /** A student of `school`; the `student` user of {@link insertRoleUsers} is this student. */
  student: { id: number };
  /** A student of `otherSchool`, without a user. */
  otherStudent: { id: number };
}

/** A user row as inserted, with its plain-text password. */
export interface TestUser extends AuthenticatedUser {
  password: string;
}

/** The fields of a user to insert; the password defaults to {@link TEST_PASSWORD}. */
export interface TestUserInput {
  email: string;
  roles: Role[];
  name?: string;
  password?: string;
  institutionId?: number | null;
  careUnitId?: number | null;
  studentId?: number | null;
  /** A lower Argon2 cost for speed; tests only. */
  passwordCost?: PasswordHashCost;
}

/**
 * Inserts two hospitals (the first with a campus and two care units, the second with one),
 * two schools with a programme each and one student in each school.
 */
export async function insertReferenceData(knex: Knex): Promise<ReferenceData> {
  const hospital = await insertHospital(knex, 'Hospital North', 2);
  const other = await insertHospital(knex, 'Hospital South', 1);
  const school = await insertSchool(knex, 'School of Nursing East');
  const otherSchool = await insertSchool(knex, 'School of Nursing West');

  return {
    hospital: {
      id: hospital.id,
      campusId: hospital.campusId,
      careUnitIds: [hospital.unitIds[0], hospital.unitIds[1]],
    },
    otherHospital: { id: other.id, campusId: other.campusId, careUnitId: other.unitIds[0] },
    school,
    otherSchool,
    student: { id: await insertStudent(knex, school, 'Amina', 'E-001') },
    otherStudent: { id: await insertStudent(knex, otherSchool, 'Bram', 'W-001') },
  };
}

/**
 * Inserts one user per role, affiliated with the first hospital, its first care unit, the
 * first school or its student, as the role needs. E-mail: `<role-with-dashes>@stageflow.example`.
 */
export async function insertRoleUsers(
  knex: Knex,
  reference: ReferenceData,
  options: { passwordCost?: PasswordHashCost } = {},
): Promise<Record<Role, TestUser>> {
  const users: Partial<Record<Role, TestUser>> = {};
  for (const role of ROLES) {
    users[role] = await insertTestUser(knex, {
      email: roleEmail(role),
      roles: [role],
      ...roleAffiliation(role, reference),
      ...options,
    });
  }
  return users as Record<Role, TestUser>;
}

/** Inserts one user with a hashed password and returns it with the plain-text password. */
export async function insertTestUser(knex: Knex, input: TestUserInput): Promise<TestUser> {
  const password = input.password ?? TEST_PASSWORD;
  const [row] = await knex('users')
    .insert({
      email: input.email,
      password_hash: await hashPassword(password, input.passwordCost),
      name: input.name ?? `Test ${input.roles.join(' and ')}`,
      roles: input.roles,
      institution_id: input.institutionId ?? null,
      care_unit_id: input.careUnitId ?? null,
      student_id: input.studentId ?? null,
    })
    .returning<{ id: number; name: string }[]>(['id', 'name']);

  return {
    id: row.id,
    email: input.email,
    name: row.name,
    roles: input.roles,
    institutionId: input.institutionId ?? null,
    careUnitId: input.careUnitId ?? null,
    studentId: input.studentId ?? null,
    locale: null,
    password,
  };
}

/** Returns the e-mail address {@link insertRoleUsers} gives the user of `role`. */
export function roleEmail(role: Role): string {
  return `${role.replaceAll('_', '-')}@stageflow.example`;
}

/** A signed-in HTTP client that sends the session cookie with every request. */
export interface TestClient {
  /** The `sf_session=<token>` pair, as sent in the Cookie header. */
  cookie: string;
  /** The session token alone. */
  token: string;
  /** The body of the sign-in response. */
  session: { user: AuthenticatedUser; rules: unknown[] };
  request(method: string, path: string, body?: unknown): Promise<Response>;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
  put(path: string, body?: unknown): Promise<Response>;
}

/** Signs in through `POST /api/auth/login`; throws with the response body unless it is 200. */
export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
): Promise<TestClient> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) {
    throw new Error(`Sign-in of ${email} failed with ${response.status}: ${await response.text()}`);
  }

  const cookie = sessionCookie(response);
  const session = (await response.json()) as TestClient['session'];
  const request = (method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });

  return {
    cookie,
    token: cookie.slice(cookie.indexOf('=') + 1),
    session,
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
  };
}

/** Returns the `sf_session=<token>` pair from a response's Set-Cookie headers. */
export function sessionCookie(response: Response): string {
  const header = response.headers.getSetCookie().find((value) => value.startsWith('sf_session='));
  if (!header) throw new Error(`Response ${response.status} sets no sf_session cookie.`);
  return header.split(';')[0];
}

// helpers

function roleAffiliation(role: Role, reference: ReferenceData): Partial<TestUserInput> {
  switch (role) {
    case 'student':
      return { institutionId: reference.school.id, studentId: reference.student.id };
    case 'school_coordinator':
      return { institutionId: reference.school.id };
    case 'supervisor':
      return {
        institutionId: reference.hospital.id,
        careUnitId: reference.hospital.careUnitIds[0],
      };
    case 'hospital_coordinator':
    case 'badge_manager':
    case 'hygienist':
    case 'institution_admin':
      return { institutionId: reference.hospital.id };
    case 'platform_admin':
      return {};
  }
}

async function insertHospital(knex: Knex, name: string, unitCount: number) {
  const id = await insertId(knex, 'institutions', { kind: 'hospital', name });
  const campusId = await insertId(knex, 'campuses', {
    hospital_id: id,
    name: `${name} main campus`,
  });

  const unitIds: number[] = [];
  for (let index = 1; index <= unitCount; index++) {
    const unit = {
      hospital_id: id,
      campus_id: campusId,
      name: `Unit ${index}`,
      department: 'Medicine',
    };
    unitIds.push(await insertId(knex, 'care_units', unit));
  }
  return { id, campusId, unitIds };
}

async function insertSchool(
  knex: Knex,
  name: string,
): Promise<{ id: number; programmeId: number }> {
  const id = await insertId(knex, 'institutions', { kind: 'school', name });
  const programme = {
    school_id: id,
    name: 'Bachelor in nursing',
    level: 'bachelor',
    year_levels: 4,
  };
  return { id, programmeId: await insertId(knex, 'programmes', programme) };
}

async function insertStudent(
  knex: Knex,
  school: { id: number; programmeId: number },
  firstName: string,
  matricule: string,
): Promise<number> {
  return insertId(knex, 'students', {
    school_id: school.id,
    programme_id: school.programmeId,
    first_name: firstName,
    last_name: 'Test',
    matricule,
    year: 2,
    school_email: `${firstName.toLowerCase()}@school.example`,
  });
}

async function insertId(knex: Knex, table: string, row: Record<string, unknown>): Promise<number> {
  const [inserted] = await knex(table).insert(row).returning<{ id: number }[]>('id');
  return inserted.id;
}
