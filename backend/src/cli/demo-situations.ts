import type { DemoDataset } from '../../../db/seeds/demo/dataset';
import { Random } from '../../../db/seeds/demo/random';
import type { StagePlan, StageTarget } from '../../../db/seeds/demo/types';
import { DemoActorDirectory, type TaskCandidateColumns } from './demo-actors';

/** The preparation tasks of the stage-lifecycle process, in process order. */
export const PREPARATION_TASKS = ['prepare_badge', 'assign_locker', 'check_hygiene'];

const EVALUATION_TASKS = ['evaluate_by_hospital', 'evaluate_by_student'];

/**
 * Planned stages whose process instances are alike row for row, apart from the ids and dates
 * the runtime's cloning replaces: the same path, form values, actors and timers.
 */
export interface Situation {
  key: string;
  /** The plans in this situation, in id order; the first one's random draws drive the template. */
  plans: StagePlan[];
  /** Tasks completed once the stage is in its target phase, in the order they are completed. */
  finishing: string[];
  /** Whether the stage's start and end days are before today, when the process reaches them. */
  startsInPast: boolean;
  endsInPast: boolean;
  /** The phase on the way that situations with the same `checkpoint.key` reach alike. */
  checkpoint: Checkpoint | null;
}

/** A phase where several situations still have alike instances, so one can be cloned to all. */
export interface Checkpoint {
  key: string;
  phase: 'preparation' | 'execution';
}

// The user tasks completed on the way to each target, in process order, before the finishing
// tasks and besides the review's question and answer. Mirrors processes/stage-lifecycle.bpmn.
const COMPLETED_BEFORE: Record<StageTarget, string[]> = {
  request: ['review_request'],
  refused: ['review_request'],
  acceptance: [],
  preparation: ['review_request'],
  execution: ['review_request', ...PREPARATION_TASKS],
  validation: ['review_request', ...PREPARATION_TASKS, 'confirm_execution'],
  evaluation: ['review_request', ...PREPARATION_TASKS, 'confirm_execution', 'validate_stage'],
  recruitment: [
    'review_request',
    ...PREPARATION_TASKS,
    'confirm_execution',
    'validate_stage',
    ...EVALUATION_TASKS,
  ],
  closed: [
    'review_request',
    ...PREPARATION_TASKS,
    'confirm_execution',
    'validate_stage',
    ...EVALUATION_TASKS,
    'recruitment_decision',
  ],
};

// The candidates of each user task of stage-lifecycle, as its sf:candidateRole and sf:scope set them.
const CANDIDATES: Record<string, (plan: StagePlan) => TaskCandidateColumns> = {
  review_request: (plan) => candidates('hospital_coordinator', plan.hospital_id),
  provide_information: (plan) =>
    plan.requester_role === 'student'
      ? candidates('student', plan.school_id, null, plan.student_id)
      : candidates('school_coordinator', plan.school_id),
  prepare_badge: (plan) => candidates('badge_manager', plan.hospital_id),
  assign_locker: (plan) => candidates('hospital_coordinator', plan.hospital_id),
  check_hygiene: (plan) => candidates('hygienist', plan.hospital_id),
  confirm_execution: (plan) => candidates('supervisor', plan.hospital_id, plan.care_unit_id),
  validate_stage: (plan) => candidates('supervisor', plan.hospital_id, plan.care_unit_id),
  evaluate_by_hospital: (plan) => candidates('supervisor', plan.hospital_id, plan.care_unit_id),
  evaluate_by_student: (plan) => candidates('student', plan.school_id, null, plan.student_id),
  recruitment_decision: (plan) => candidates('hospital_coordinator', plan.hospital_id),
};

// Targets past the timer on the start day share the execution checkpoint.
const CHECKPOINT_AFTER_START: Partial<Record<StageTarget, 'execution'>> = {
  execution: 'execution',
  validation: 'execution',
  evaluation: 'execution',
  recruitment: 'execution',
  closed: 'execution',
};

/**
 * Draws the tasks a stage completes once in its target phase. In preparation, some stages have
 * part of the work done and some are ready and waiting for their start day. In evaluation, one
 * side has sometimes already submitted its evaluation.
 */
export function drawFinishing(random: Random, plan: StagePlan): string[] {
  if (plan.target === 'preparation') {
    const roll = random.next();
    if (roll < 0.3) return [];
    if (roll >= 0.8) return [...PREPARATION_TASKS];

    const picked = new Set<string>();
    const count = random.integer(1, 2);
    while (picked.size < count) picked.add(random.pick(PREPARATION_TASKS));
    return PREPARATION_TASKS.filter((task) => picked.has(task));
  }
  if (plan.target === 'evaluation' && random.integer(0, 1) === 1) {
    return [random.pick(EVALUATION_TASKS)];
  }
  return [];
}

/** Returns the random generator of a plan's process: finishing draw first, then form values. */
export function planRandom(seed: number, plan: StagePlan): Random {
  return Random.forLabel(seed, `stage ${plan.id}`);
}

/** Groups the dataset's plans into situations, in the order of their first plan. */
export function groupSituations(dataset: DemoDataset, seed: number): Situation[] {
  const actors = new DemoActorDirectory(dataset.users);
  const consent = new Map(
    dataset.students.map((student) => [student.id, student.recruitment_consent]),
  );
  const situations = new Map<string, Situation>();

  for (const plan of dataset.stages) {
    const finishing = drawFinishing(planRandom(seed, plan), plan);
    const completed = completedTasks(plan, finishing, consent.get(plan.student_id) ?? false);
    const reachesDates = reachesStartDay(plan, finishing);
    const situation = {
      startsInPast: reachesDates && plan.start_date < dataset.today,
      endsInPast: reachesDates && plan.end_date < dataset.today,
    };
    const key = JSON.stringify({
      target: plan.target,
      asks: plan.asksForInformation,
      finishing,
      hospital: plan.hospital_id,
      actors: completed.map((task) => actors.actorFor(candidatesOf(task, plan))),
      schoolLanguage: writesInSchoolLanguage(completed) ? dataset.languages[plan.school_id] : null,
      consent: plan.target === 'closed' ? consent.get(plan.student_id) : null,
      ...situation,
    });

    const existing = situations.get(key);
    if (existing) {
      existing.plans.push(plan);
      continue;
    }
    const checkpoint = checkpointOf(
      plan,
      { endsInPast: situation.endsInPast, answerLanguage: dataset.languages[plan.school_id] },
      (task) => actors.actorFor(candidatesOf(task, plan)),
    );
    situations.set(key, { key, plans: [plan], finishing, ...situation, checkpoint });
  }
  return [...situations.values()];
}

// Stages bound for preparation are alike until their preparation tasks open. Stages bound for
// a later phase are alike until the supervisor is asked to confirm the stage, given the same
// hospital, the same question and answer, and an end day on the same side of today.
function checkpointOf(
  plan: StagePlan,
  { endsInPast, answerLanguage }: { endsInPast: boolean; answerLanguage: string | undefined },
  actorOf: (task: string) => number | null,
): Checkpoint | null {
  const phase = plan.target === 'preparation' ? plan.target : CHECKPOINT_AFTER_START[plan.target];
  if (!phase) return null;

  const prefix = completedTasks({ ...plan, target: phase }, [], false);
  const key = JSON.stringify({
    phase,
    hospital: plan.hospital_id,
    asks: plan.asksForInformation,
    actors: prefix.map(actorOf),
    answerLanguage: plan.asksForInformation ? answerLanguage : null,
    endsInPast: phase === 'execution' && endsInPast,
  });
  return { key, phase };
}

/** Returns the user tasks a plan's stage completes, in the order the seed completes them. */
export function completedTasks(plan: StagePlan, finishing: string[], consent: boolean): string[] {
  const question = plan.asksForInformation ? ['review_request', 'provide_information'] : [];
  const path = COMPLETED_BEFORE[plan.target].filter(
    (task) => task !== 'recruitment_decision' || consent,
  );
  return [...question, ...path, ...finishing];
}

function candidatesOf(task: string, plan: StagePlan): TaskCandidateColumns {
  const resolve = CANDIDATES[task];
  if (!resolve) {
    throw new Error(
      `The demo seed has no candidates for task ${task}; add it to CANDIDATES in ` +
        'demo-situations.ts to match processes/stage-lifecycle.bpmn.',
    );
  }
  return resolve(plan);
}

// Stages past preparation, and those done with it, have reached the timer on their start day.
function reachesStartDay(plan: StagePlan, finishing: string[]): boolean {
  if (plan.target === 'preparation') return finishing.length === PREPARATION_TASKS.length;
  return !['request', 'refused', 'acceptance'].includes(plan.target);
}

// The answer to the hospital's question and the student's evaluation are written in the
// language of the student's school.
function writesInSchoolLanguage(completed: string[]): boolean {
  return completed.includes('provide_information') || completed.includes('evaluate_by_student');
}

function candidates(
  role: string,
  institutionId: number,
  unitId: number | null = null,
  studentId: number | null = null,
): TaskCandidateColumns {
  return {
    candidate_role: role,
    candidate_institution_id: institutionId,
    candidate_unit_id: unitId,
    candidate_student_id: studentId,
  };
}
