import { createHash } from 'node:crypto';
import { mondayOnOrBefore, toDayNumber, todayIsoDay } from './calendar';
import { buildReferenceData, type ReferenceData } from './institutions';
import { chooseLoginSets, generateDemoUsers, type DemoLoginSet } from './logins';
import { Random } from './random';
import { BASE_STAGE_COUNT, planRandomStages } from './random-stages';
import { planShowcaseStages, SHOWCASE_STAGE_COUNT } from './showcase';
import { StagePlanner } from './stage-planner';
import { BASE_STUDENT_COUNT, generateStudents, type PinnedStudent } from './students';
import type { DemoUserRow, StagePlan, StudentRow } from './types';

/** Options of {@link generateDemoData}. */
export interface DemoDataOptions {
  /** Factor on the number of students and stages (not institutions), 1 by default. */
  scale?: number;
  /**
   * The day the stages are planned around, YYYY-MM-DD in UTC, today by default. Only the pure
   * generator may take another day: the process runtime fires timers on the real clock.
   */
  today?: string;
  /** Seed of the pseudo-random generator. Another seed gives another demo, just as stable. */
  seed?: number;
}

/** Every row of the demo, ids included, before any database is involved. */
export interface DemoDataset extends Omit<ReferenceData, 'hospitals' | 'schools'> {
  today: string;
  scale: number;
  students: StudentRow[];
  users: DemoUserRow[];
  stages: StagePlan[];
  loginSets: DemoLoginSet[];
}

/** Seed used when the options give none. */
export const DEFAULT_DEMO_SEED = 20_261_204;

/** Generates the demo's rows. The same options always give the same rows. */
export function generateDemoData(options: DemoDataOptions = {}): DemoDataset {
  const scale = checkScale(options.scale ?? 1);
  const today = options.today ?? todayIsoDay();
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const reference = buildReferenceData();

  const students = generateStudents(
    Random.forLabel(seed, 'students'),
    reference.schools,
    pinDemoStudents(reference),
    Math.max(Math.round(BASE_STUDENT_COUNT * scale), 2),
    academicYearOf(today),
  );
  const loginSets = chooseLoginSets(reference, students);
  const users = generateDemoUsers(Random.forLabel(seed, 'users'), loginSets);
  const stages = planStages(seed, reference, students, users, loginSets, today, scale);

  const { institutions, campuses, careUnits, programmes, languages } = reference;
  return {
    today,
    scale,
    institutions,
    campuses,
    careUnits,
    programmes,
    languages,
    students,
    users,
    stages,
    loginSets,
  };
}

/** Returns a SHA-256 digest of every generated row, to compare two runs. */
export function digestDemoData(dataset: DemoDataset): string {
  const { institutions, campuses, careUnits, programmes, students, users, stages } = dataset;
  const rows = { institutions, campuses, careUnits, programmes, students, users, stages };
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

function planStages(
  seed: number,
  reference: ReferenceData,
  students: StudentRow[],
  users: readonly DemoUserRow[],
  loginSets: readonly DemoLoginSet[],
  today: string,
  scale: number,
): StagePlan[] {
  const random = Random.forLabel(seed, 'stages');
  const todayNumber = toDayNumber(today);
  const weekStart = mondayOnOrBefore(todayNumber);
  const planner = new StagePlanner(
    random,
    students,
    new Map(reference.programmes.map((programme) => [programme.id, programme])),
    reference.careUnits,
    requesterLogins(reference, users),
  );

  planShowcaseStages(random, planner, loginSets, students, weekStart);
  const randomCount = Math.max(Math.round(BASE_STAGE_COUNT * scale) - SHOWCASE_STAGE_COUNT, 0);
  planRandomStages(random, planner, randomCount, todayNumber, weekStart);
  return planner.stages;
}

function requesterLogins(reference: ReferenceData, users: readonly DemoUserRow[]) {
  const studentUserIds = new Map<number, number>();
  const coordinatorIdsBySchool = new Map<number, number>();
  for (const user of users) {
    if (user.student_id !== null) studentUserIds.set(user.student_id, user.id);
    if (user.roles.includes('school_coordinator') && user.institution_id !== null) {
      coordinatorIdsBySchool.set(user.institution_id, user.id);
    }
  }
  return { studentUserIds, coordinatorIdsBySchool, languages: reference.languages };
}

// The demo students are the first two: year 3 of the first programme of the first two schools.
function pinDemoStudents(reference: ReferenceData): PinnedStudent[] {
  return reference.schools.slice(0, 2).map((school) => {
    const programme = school.programmes[0];
    if (!programme) throw new Error(`School ${school.row.name} has no programme.`);
    return { school, programme, year: Math.min(3, programme.year_levels) };
  });
}

// Belgian academic years begin in mid-September.
function academicYearOf(today: string): number {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month >= 9 ? year : year - 1;
}

function checkScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new Error(`Scale ${scale} is invalid; give a positive number such as 0.1, 1 or 10.`);
  }
  return scale;
}
