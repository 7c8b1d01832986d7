import type { Random } from './random';
import type { StagePlanner } from './stage-planner';
import type { StageTarget } from './types';

/** Number of stages at scale 1, the showcase stages of the demo logins included. */
export const BASE_STAGE_COUNT = 2000;

// Stages start on a Monday within about a year around today: 30 weeks back, 22 ahead.
const FIRST_START_WEEK = -30;
const LAST_START_WEEK = 22;
const DURATION_WEEKS = [2, 3, 4, 4, 4, 5, 6, 6, 8];

/** Share of requests the hospital refuses, whatever the period. */
const REFUSAL_SHARE = 0.04;

type TargetWeights = Partial<Record<StageTarget, number>>;

// By days since the end: soon after it, validation and evaluations are still pending, and
// later most stages are closed.
const PAST_WEIGHTS: Array<[maxDays: number, weights: TargetWeights]> = [
  [10, { validation: 45, evaluation: 35, recruitment: 10, closed: 10 }],
  [28, { validation: 10, evaluation: 30, recruitment: 20, closed: 40 }],
  [56, { validation: 3, evaluation: 15, recruitment: 15, closed: 67 }],
  [Infinity, { evaluation: 2, recruitment: 1, closed: 97 }],
];

// By days until the start: close to it, most stages are being prepared, and far ahead, most
// still wait for the hospital's decision or, in the request phase, for the requester's answer.
const FUTURE_WEIGHTS: Array<[maxDays: number, weights: TargetWeights]> = [
  [21, { preparation: 85, acceptance: 12, request: 3 }],
  [63, { preparation: 45, acceptance: 40, request: 15 }],
  [Infinity, { preparation: 10, acceptance: 70, request: 20 }],
];

/**
 * Adds `count` stages at random periods, each with the target phase that its dates imply:
 * past stages are mostly closed, current ones in execution, future ones before execution.
 * `today` and `weekStart` (the Monday on or before it) are day numbers.
 */
export function planRandomStages(
  random: Random,
  planner: StagePlanner,
  count: number,
  today: number,
  weekStart: number,
): void {
  for (let index = 0; index < count; index += 1) {
    const start = drawStart(random, today, weekStart);
    const end = start + random.pick(DURATION_WEEKS) * 7 - 3;
    const student = planner.drawFreeStudent(start, end);
    const unit = random.pick(planner.unitsFor(student));
    const target = drawTarget(random, today, start, end, student.recruitment_consent);
    planner.add({ student, unit, start, end, target });
  }
}

/**
 * Draws a Monday, never today or tomorrow. The timer before execution fires at the start day,
 * and the runtime's time zone decides whether a start that close to the seed is past or not.
 */
function drawStart(random: Random, today: number, weekStart: number): number {
  const start = weekStart + random.integer(FIRST_START_WEEK, LAST_START_WEEK) * 7;
  return start === today || start === today + 1 ? start + 7 : start;
}

function drawTarget(
  random: Random,
  today: number,
  start: number,
  end: number,
  consent: boolean,
): StageTarget {
  if (random.chance(REFUSAL_SHARE)) return 'refused';
  if (start < today && end >= today) return 'execution';

  const past = end < today;
  const days = past ? today - end : start - today;
  const table = past ? PAST_WEIGHTS : FUTURE_WEIGHTS;
  // Each table ends with an Infinity row, so find() always returns a row.
  const [, weights] = table.find(([maxDays]) => days <= maxDays) ?? [0, { closed: 1 }];
  const target = drawKey(random, weights);
  // The recruitment decision only happens for students who agreed to be contacted.
  return target === 'recruitment' && !consent ? 'closed' : target;
}

function drawKey(random: Random, weights: TargetWeights): StageTarget {
  const entries = Object.entries(weights) as Array<[StageTarget, number]>;
  return random.weighted(entries, ([, weight]) => weight)[0];
}
