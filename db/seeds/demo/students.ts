import { toDayNumber, toIsoDay } from './calendar';
import type { SchoolRecord } from './institutions';
import { drawPersonName, toEmailPart } from './names';
import type { Random } from './random';
import type { ProgrammeRow, StudentRow } from './types';

/** Number of students at scale 1. */
export const BASE_STUDENT_COUNT = 1500;

/** Share of students who fill in their phone, personal e-mail and birth date. */
const PROFILE_SHARE = 0.5;

/** Share of students who agree to be contacted by hospitals for a job. */
const CONSENT_SHARE = 0.4;

/** A student whose school, programme and year are fixed, such as a demo login's student. */
export interface PinnedStudent {
  school: SchoolRecord;
  programme: ProgrammeRow;
  year: number;
}

/**
 * Generates `count` students: first the `pinned` ones, then others spread over the schools by
 * their weight and over each school's programmes by theirs. `academicYear` is the calendar
 * year the current academic year began in.
 */
export function generateStudents(
  random: Random,
  schools: readonly SchoolRecord[],
  pinned: readonly PinnedStudent[],
  count: number,
  academicYear: number,
): StudentRow[] {
  const usedEmails = new Set<string>();
  const sequenceBySchool = new Map<number, number>();
  const students: StudentRow[] = [];

  for (let index = 0; index < count; index += 1) {
    const placement = pinned[index] ?? drawPlacement(random, schools);
    const schoolId = placement.school.row.id;
    const sequence = (sequenceBySchool.get(schoolId) ?? 0) + 1;
    sequenceBySchool.set(schoolId, sequence);

    const student = drawStudent(random, placement, index + 1, sequence, academicYear);
    student.school_email = uniqueEmail(student.school_email, usedEmails);
    students.push(student);
  }
  return students;
}

function drawPlacement(random: Random, schools: readonly SchoolRecord[]): PinnedStudent {
  const school = random.weighted(schools, (record) => record.entry.weight);
  const programme = pickProgramme(random, school);
  return { school, programme, year: random.integer(1, programme.year_levels) };
}

function drawStudent(
  random: Random,
  { school, programme, year }: PinnedStudent,
  id: number,
  sequence: number,
  academicYear: number,
): StudentRow {
  const { firstName, lastName } = drawPersonName(random, school.entry.language);
  const enrolmentYear = academicYear - year + 1;
  const hasProfile = random.chance(PROFILE_SHARE);

  return {
    id,
    school_id: school.row.id,
    programme_id: programme.id,
    first_name: firstName,
    last_name: lastName,
    matricule: `${school.entry.matriculePrefix}${enrolmentYear}${String(sequence).padStart(5, '0')}`,
    year,
    school_email: `${toEmailPart(firstName)}.${toEmailPart(lastName)}@${school.entry.domain}.example`,
    phone: hasProfile && random.chance(0.95) ? drawMobileNumber(random) : null,
    personal_email:
      hasProfile && random.chance(0.9) ? drawPersonalEmail(random, firstName, lastName) : null,
    birth_date: hasProfile ? drawBirthDate(random, academicYear, year) : null,
    recruitment_consent: random.chance(CONSENT_SHARE),
  };
}

function pickProgramme(random: Random, school: SchoolRecord): ProgrammeRow {
  const weights = new Map(school.entry.programmes.map((entry) => [entry.name, entry.weight]));
  return random.weighted(school.programmes, (programme) => weights.get(programme.name) ?? 1);
}

// Two students with the same name get first.last@, first.last2@, first.last3@ and so on.
function uniqueEmail(email: string, used: Set<string>): string {
  const [local, domain] = email.split('@') as [string, string];
  let candidate = email;
  for (let suffix = 2; used.has(candidate); suffix += 1) candidate = `${local}${suffix}@${domain}`;
  used.add(candidate);
  return candidate;
}

// Belgian mobile numbers start with 04, and 0470-0499 are the operators' ranges.
function drawMobileNumber(random: Random): string {
  const pairs = Array.from({ length: 3 }, () => String(random.integer(0, 99)).padStart(2, '0'));
  return `+32 4${random.integer(70, 99)} ${pairs.join(' ')}`;
}

function drawPersonalEmail(random: Random, firstName: string, lastName: string): string {
  const style = random.integer(0, 2);
  const first = toEmailPart(firstName);
  const last = toEmailPart(lastName);
  if (style === 0) return `${first}.${last}@mail.example`;
  if (style === 1) return `${first}${random.integer(1, 99)}@post.example`;
  return `${first[0] ?? 'x'}${last}@inbox.example`;
}

// Most students start at 17-19, and one in twelve comes back to study later in life.
function drawBirthDate(random: Random, academicYear: number, year: number): string {
  const ageAtEnrolment = random.chance(1 / 12) ? random.integer(22, 45) : random.integer(17, 19);
  const birthYear = academicYear - (year - 1) - ageAtEnrolment;
  const firstDay = toDayNumber(`${birthYear}-01-01`);
  return toIsoDay(firstDay + random.integer(0, 364));
}
