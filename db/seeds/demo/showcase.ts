import type { DemoLoginSet } from './logins';
import type { Random } from './random';
import type { StagePlanner } from './stage-planner';
import type { CareUnitRow, StageTarget, StudentRow } from './types';

/**
 * A stage planned on purpose so that a demo login finds work in several phases. `student` is
 * the set's demo student, another student of its school, or one who consented to recruitment.
 * `unit` is the supervisor's unit or another unit of the set's hospital. Weeks count from the
 * Monday of the current week.
 */
interface ShowcaseStage {
  student: 'demo' | 'other' | 'consenting';
  unit: 'supervisor' | 'other';
  target: StageTarget;
  startWeek: number;
  weeks: number;
}

// The demo student has one stage a term, a refused request beside an open one, and the
// supervisor's unit has students in every phase.
const MAIN_SHOWCASE: ShowcaseStage[] = [
  { student: 'demo', unit: 'other', target: 'closed', startWeek: -24, weeks: 4 },
  { student: 'demo', unit: 'supervisor', target: 'evaluation', startWeek: -7, weeks: 4 },
  { student: 'demo', unit: 'other', target: 'execution', startWeek: -1, weeks: 4 },
  { student: 'demo', unit: 'other', target: 'preparation', startWeek: 4, weeks: 4 },
  { student: 'demo', unit: 'other', target: 'acceptance', startWeek: 12, weeks: 5 },
  { student: 'demo', unit: 'other', target: 'request', startWeek: 20, weeks: 4 },
  { student: 'demo', unit: 'other', target: 'refused', startWeek: 20, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'closed', startWeek: -20, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'closed', startWeek: -14, weeks: 4 },
  { student: 'consenting', unit: 'supervisor', target: 'recruitment', startWeek: -8, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'validation', startWeek: -6, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'execution', startWeek: -2, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'execution', startWeek: -1, weeks: 5 },
  { student: 'other', unit: 'supervisor', target: 'preparation', startWeek: 3, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'refused', startWeek: 6, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'acceptance', startWeek: 8, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'request', startWeek: 16, weeks: 4 },
];

const SECOND_SHOWCASE: ShowcaseStage[] = [
  { student: 'demo', unit: 'other', target: 'closed', startWeek: -18, weeks: 4 },
  { student: 'demo', unit: 'supervisor', target: 'execution', startWeek: -1, weeks: 4 },
  { student: 'demo', unit: 'other', target: 'preparation', startWeek: 5, weeks: 4 },
  { student: 'demo', unit: 'other', target: 'request', startWeek: 15, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'closed', startWeek: -22, weeks: 4 },
  { student: 'consenting', unit: 'supervisor', target: 'recruitment', startWeek: -9, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'evaluation', startWeek: -7, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'validation', startWeek: -6, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'preparation', startWeek: 3, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'refused', startWeek: 7, weeks: 4 },
  { student: 'other', unit: 'supervisor', target: 'acceptance', startWeek: 9, weeks: 4 },
];

/** Number of showcase stages, planned whatever the scale. */
export const SHOWCASE_STAGE_COUNT = MAIN_SHOWCASE.length + SECOND_SHOWCASE.length;

/**
 * Plans the showcase stages of both login sets. A consenting student who cannot be found is
 * made one, since the recruitment phase only exists for students who agreed to it.
 */
export function planShowcaseStages(
  random: Random,
  planner: StagePlanner,
  sets: readonly DemoLoginSet[],
  students: readonly StudentRow[],
  weekStart: number,
): void {
  sets.forEach((set, index) => {
    const showcase = index === 0 ? MAIN_SHOWCASE : SECOND_SHOWCASE;
    for (const stage of showcase) {
      const start = weekStart + stage.startWeek * 7;
      const end = start + stage.weeks * 7 - 3;
      const student = chooseStudent(random, planner, set, students, stage, [start, end]);
      const unit = chooseUnit(random, planner, set, student, stage);
      if (stage.student === 'consenting') student.recruitment_consent = true;
      // The demo student requests their own stages, so the questions about them reach their inbox.
      const requestedByStudent = stage.student === 'demo';
      planner.add({ student, unit, start, end, target: stage.target, requestedByStudent });
    }
  });
}

function chooseStudent(
  random: Random,
  planner: StagePlanner,
  set: DemoLoginSet,
  students: readonly StudentRow[],
  stage: ShowcaseStage,
  [start, end]: [number, number],
): StudentRow {
  if (stage.student === 'demo') return set.student;

  const suitable = students.filter(
    (student) =>
      student.school_id === set.school.id &&
      student.id !== set.student.id &&
      planner.unitsFor(student).some((unit) => unit.id === set.supervisorUnit.id),
  );
  const free = suitable.filter((student) => planner.isFree(student, start, end));
  const consenting = free.filter((student) => student.recruitment_consent);
  const pool = stage.student === 'consenting' && consenting.length > 0 ? consenting : free;
  // At very small scales the school may have no free student left, so the demo student steps in.
  return pool.length > 0 ? random.pick(pool) : (suitable[0] ?? set.student);
}

function chooseUnit(
  random: Random,
  planner: StagePlanner,
  set: DemoLoginSet,
  student: StudentRow,
  stage: ShowcaseStage,
): CareUnitRow {
  if (stage.unit === 'supervisor') return set.supervisorUnit;

  const others = planner
    .unitsFor(student, set.hospital.id)
    .filter((unit) => unit.id !== set.supervisorUnit.id);
  return others.length > 0 ? random.pick(others) : set.supervisorUnit;
}
