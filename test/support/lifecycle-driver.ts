import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { findRepositoryRoot } from '../../backend/src/platform/config/config';
import type { ProcessRuntime } from '../../backend/src/runtime/process-runtime';

/** Path of the default stage process shipped in processes/. */
export const STAGE_LIFECYCLE_PATH = path.join(
  findRepositoryRoot(),
  'processes',
  'stage-lifecycle.bpmn',
);

/** Reads the default stage process. */
export function readStageLifecycle(): string {
  return fs.readFileSync(STAGE_LIFECYCLE_PATH, 'utf8');
}

/** Values that complete each user task of the default process on its main path. */
export const MAIN_PATH_VALUES: Record<string, Record<string, unknown>> = {
  review_request: { decision: 'accept' },
  provide_information: { answer: 'I can start on Monday.' },
  prepare_badge: { badgeNumber: 'B-1042' },
  assign_locker: { lockerNumber: 'L-17' },
  check_hygiene: { vaccinationsComplete: true },
  confirm_execution: { absenceDays: 1, absenceNotes: 'Sick on Tuesday' },
  validate_stage: { validated: true, comment: 'Good work' },
  evaluate_by_hospital: { rating: '4' },
  evaluate_by_student: { rating: '5' },
  recruitment_decision: { decision: 'offer' },
};

/** An open task row as the tests read it. */
export interface OpenTask {
  id: number;
  activity_id: string;
  candidate_role: string;
  phase: string;
}

/** Returns the open tasks of a stage, oldest first. */
export async function openTasks(knex: Knex, stageId: number): Promise<OpenTask[]> {
  return (await knex('tasks')
    .where({ stage_id: stageId, status: 'open' })
    .orderBy('id')
    .select('id', 'activity_id', 'candidate_role', 'phase')) as OpenTask[];
}

/** Completes the open task of `activityId` on the stage with its main-path values. */
export async function completeActivity(
  knex: Knex,
  runtime: ProcessRuntime,
  stageId: number,
  activityId: string,
  values = MAIN_PATH_VALUES[activityId] ?? {},
): Promise<void> {
  const task = (await openTasks(knex, stageId)).find((row) => row.activity_id === activityId);
  if (!task) throw new Error(`Stage ${stageId} has no open ${activityId} task.`);
  await runtime.completeTask(task.id, values, { userId: null });
}

/** Runs service jobs and due timers until nothing is left to do. */
export async function drainBackgroundWork(runtime: ProcessRuntime): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const done = (await runtime.runPendingJobs()) + (await runtime.fireDueTimers());
    if (done === 0) return;
  }
}
