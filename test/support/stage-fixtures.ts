import type { Knex } from 'knex';
import type { StageVariables } from '../../backend/src/runtime/process-runtime';

/** Ids of a minimal world: one hospital with a unit, one school with a programme and student. */
export interface StageWorld {
  hospitalId: number;
  campusId: number;
  careUnitId: number;
  schoolId: number;
  programmeId: number;
  studentId: number;
}

/** Inserts one hospital, campus, care unit, school, programme and student. */
export async function createStageWorld(knex: Knex, label = 'A'): Promise<StageWorld> {
  const hospitalId = await insertId(knex, 'institutions', {
    kind: 'hospital',
    name: `Hospital ${label}`,
  });
  const campusId = await insertId(knex, 'campuses', {
    hospital_id: hospitalId,
    name: `Campus ${label}`,
  });
  const careUnitId = await insertId(knex, 'care_units', {
    hospital_id: hospitalId,
    campus_id: campusId,
    name: `Cardiology ${label}`,
    department: 'Medicine',
  });
  const schoolId = await insertId(knex, 'institutions', {
    kind: 'school',
    name: `School ${label}`,
  });
  const programmeId = await insertId(knex, 'programmes', {
    school_id: schoolId,
    name: `Bachelor in nursing ${label}`,
    level: 'bachelor',
    year_levels: 4,
  });
  const studentId = await insertId(knex, 'students', {
    school_id: schoolId,
    programme_id: programmeId,
    first_name: 'Amina',
    last_name: `Student ${label}`,
    matricule: `M-${label}-${Date.now()}`,
    year: 2,
    school_email: `amina.${label.toLowerCase()}@school.example`,
    recruitment_consent: true,
  });
  return { hospitalId, campusId, careUnitId, schoolId, programmeId, studentId };
}

/** Inserts a stage row in `world` and returns the variables its process starts with. */
export async function insertStage(
  knex: Knex,
  world: StageWorld,
  period: { startDate: string; endDate: string },
  options: { recruitmentConsent?: boolean; requesterRole?: StageVariables['requesterRole'] } = {},
): Promise<StageVariables> {
  const requesterRole = options.requesterRole ?? 'student';
  const id = await insertId(knex, 'stages', {
    student_id: world.studentId,
    care_unit_id: world.careUnitId,
    hospital_id: world.hospitalId,
    school_id: world.schoolId,
    programme_id: world.programmeId,
    start_date: period.startDate,
    end_date: period.endDate,
    phase: 'request',
    requester_role: requesterRole,
  });
  return {
    id,
    studentId: world.studentId,
    careUnitId: world.careUnitId,
    hospitalId: world.hospitalId,
    schoolId: world.schoolId,
    programmeId: world.programmeId,
    startDate: period.startDate,
    endDate: period.endDate,
    requesterRole,
    recruitmentConsent: options.recruitmentConsent ?? true,
  };
}

/** Returns a calendar day `days` from today, as YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function insertId(knex: Knex, table: string, row: Record<string, unknown>): Promise<number> {
  const [inserted] = (await knex(table).insert(row).returning('id')) as { id: number }[];
  return inserted.id;
}
