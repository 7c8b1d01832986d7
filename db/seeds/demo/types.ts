import type { Role } from '../../../backend/src/platform/permissions/roles';

/** The phases a stage moves through, in process order. */
export const STAGE_PHASES = [
  'request',
  'acceptance',
  'preparation',
  'execution',
  'validation',
  'evaluation',
  'recruitment',
  'closed',
] as const;

/** One of {@link STAGE_PHASES}. */
export type StagePhase = (typeof STAGE_PHASES)[number];

/** Point where the seed leaves a stage: a phase, or refused at the review of its request. */
export type StageTarget = StagePhase | 'refused';

/** Kind of care a unit gives, which decides the programmes whose students it takes. */
export type CareKind =
  | 'medicine'
  | 'surgery'
  | 'intensive_care'
  | 'emergency'
  | 'operating_theatre'
  | 'imaging'
  | 'paediatrics'
  | 'maternity'
  | 'oncology'
  | 'geriatrics'
  | 'psychiatry'
  | 'rehabilitation';

/** Discipline of a programme, which decides the care units open to its students. */
export type Discipline =
  | 'nursing'
  | 'midwifery'
  | 'critical_care'
  | 'medicine'
  | 'physiotherapy'
  | 'imaging'
  | 'occupational_therapy';

/** A row of `institutions`. */
export interface InstitutionRow {
  id: number;
  kind: 'hospital' | 'school';
  name: string;
  street: string;
  postal_code: string;
  city: string;
  country: string;
}

/** A row of `campuses`. */
export interface CampusRow {
  id: number;
  hospital_id: number;
  name: string;
  city: string;
}

/** A row of `care_units`, with the kind of care used to match students (not stored). */
export interface CareUnitRow {
  id: number;
  hospital_id: number;
  campus_id: number;
  name: string;
  department: string;
  section: string | null;
  careKind: CareKind;
}

/** A row of `programmes`, with its discipline and the school's e-mail domain (not stored). */
export interface ProgrammeRow {
  id: number;
  school_id: number;
  name: string;
  level: 'bachelor' | 'master' | 'specialisation' | 'graduate';
  year_levels: number;
  discipline: Discipline;
}

/** A row of `students`. */
export interface StudentRow {
  id: number;
  school_id: number;
  programme_id: number;
  first_name: string;
  last_name: string;
  matricule: string;
  year: number;
  school_email: string;
  phone: string | null;
  personal_email: string | null;
  birth_date: string | null;
  recruitment_consent: boolean;
}

/** A demo login, without its password hash, which is computed at insert time. */
export interface DemoUserRow {
  id: number;
  email: string;
  name: string;
  phone: string | null;
  institution_id: number | null;
  care_unit_id: number | null;
  student_id: number | null;
  roles: Role[];
  locale: string;
}

/** A stage to create and the point of its process where the seed should leave it. */
export interface StagePlan {
  id: number;
  student_id: number;
  care_unit_id: number;
  hospital_id: number;
  school_id: number;
  programme_id: number;
  /** ISO calendar days. Stages run from a Monday to a Friday. */
  start_date: string;
  end_date: string;
  motivation: string | null;
  requested_by: number | null;
  requester_role: 'student' | 'school_coordinator';
  target: StageTarget;
  /** Whether the hospital asks the requester a question before it decides. */
  asksForInformation: boolean;
}
