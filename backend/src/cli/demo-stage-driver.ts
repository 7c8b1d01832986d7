import type { Knex } from 'knex';
import type { DemoDataset } from '../../../db/seeds/demo/dataset';
import type { Random } from '../../../db/seeds/demo/random';
import type { StagePlan, StudentRow } from '../../../db/seeds/demo/types';
import type { ProcessRuntime, StageVariables } from '../runtime/process-runtime';
import { DemoActorDirectory, type TaskCandidateColumns } from './demo-actors';
import { drawFinishing, planRandom } from './demo-situations';
import { demoTaskValues } from './demo-task-values';
import { StepTimings } from './step-timings';

/** Key of the process definition every demo stage runs on. */
export const STAGE_LIFECYCLE_KEY = 'stage-lifecycle';

// A stage needs at most 14 commands to close, so more steps than this mean the process is stuck.
const MAX_STEPS = 60;

interface OpenTask extends TaskCandidateColumns {
  id: number;
  activity_id: string;
}

interface StageState {
  phase: string;
  status: string;
  process_instance_id: number;
}

/** The id and dates of a stage row that replaces a plan's own, such as a cloning template. */
export interface StageOverrides {
  id: number;
  start_date: string;
  end_date: string;
}

/**
 * Creates each planned stage with its process instance and drives the instance through the
 * public runtime API until the stage is in its planned phase. Times every kind of step.
 */
export class DemoStageDriver {
  readonly timings = new StepTimings();
  readonly #actors: DemoActorDirectory;
  readonly #students: Map<number, StudentRow>;

  constructor(
    private readonly knex: Knex,
    private readonly runtime: ProcessRuntime,
    private readonly dataset: DemoDataset,
    private readonly seed: number,
  ) {
    this.#actors = new DemoActorDirectory(dataset.users);
    this.#students = new Map(dataset.students.map((student) => [student.id, student]));
  }

  /**
   * Inserts the stage row of `plan`, with `overrides` in place of its id and dates if given, and
   * starts its instance in one transaction.
   */
  async createStage(plan: StagePlan, overrides?: StageOverrides): Promise<void> {
    const row = { ...toStageRow(plan), ...overrides };
    const stage = this.stageVariables(plan, overrides);
    await this.timings.measure('start instance', () =>
      this.knex.transaction(async (trx) => {
        await trx('stages').insert(row);
        await this.runtime.startInstance(trx, {
          definitionKey: STAGE_LIFECYCLE_KEY,
          stage,
          actor: { userId: plan.requested_by },
        });
      }),
    );
  }

  /**
   * Completes tasks, runs jobs and fires timers until the stage `stageId` (the plan's own stage
   * unless another stage replaces it) reaches the plan's phase, then completes the finishing
   * tasks that drawFinishing() picks for the plan, unless `finish` is false.
   */
  async advance(plan: StagePlan, stageId = plan.id, finish = true): Promise<void> {
    const random = planRandom(this.seed, plan);
    const finishing = drawFinishing(random, plan);
    if (!finish) finishing.length = 0;
    const progress = { informationAsked: false, informationProvided: false };

    for (let step = 0; step < MAX_STEPS; step += 1) {
      const stage = await this.#readStage(stageId);
      const tasks = await this.#openTasks(stageId);

      if (isAtTarget(plan, stage, progress.informationProvided)) {
        if (finishing.length > 0) {
          await this.#complete(
            plan,
            findOpen(tasks, finishing.shift() ?? '', stageId),
            random,
            progress,
          );
        } else if (tasks.length > 0 || !(await this.#runJobsOf(stage))) {
          return;
        }
      } else if (tasks[0]) {
        await this.#complete(plan, tasks[0], random, progress);
      } else if (!(await this.#runJobsOf(stage)) && !(await this.#fireTimers())) {
        throw stuckError(plan, stage, stageId);
      }
    }
    throw new Error(
      `Stage ${stageId} did not reach phase ${plan.target} within ${MAX_STEPS} steps; ` +
        'check that the deployed stage-lifecycle definition matches the demo seed.',
    );
  }

  /** Runs every pending service-task job, whichever stage it belongs to. */
  async drainJobs(): Promise<void> {
    while ((await this.timings.measure('run jobs', () => this.runtime.runPendingJobs())) > 0);
  }

  async #complete(
    plan: StagePlan,
    task: OpenTask,
    random: Random,
    progress: { informationAsked: boolean; informationProvided: boolean },
  ): Promise<void> {
    const values = demoTaskValues(task.activity_id, {
      plan,
      random,
      hospitalLanguage: this.dataset.languages[plan.hospital_id] ?? 'fr',
      schoolLanguage: this.dataset.languages[plan.school_id] ?? 'fr',
      informationAsked: progress.informationAsked,
    });
    if (values.decision === 'more_info') progress.informationAsked = true;
    if (task.activity_id === 'provide_information') progress.informationProvided = true;

    const actor = { userId: this.#actors.actorFor(task) };
    await this.timings.measure(`complete ${task.activity_id}`, () =>
      this.runtime.completeTask(task.id, values, actor),
    );
  }

  // Returns whether a job of this stage's instance was waiting and the worker ran.
  async #runJobsOf(stage: StageState): Promise<boolean> {
    const job = await this.knex<{ id: number; instance_id: number; status: string }>('service_jobs')
      .where({ instance_id: stage.process_instance_id })
      .whereIn('status', ['pending', 'succeeded'])
      .first('id');
    if (!job) return false;

    await this.timings.measure('run jobs', () => this.runtime.runPendingJobs());
    return true;
  }

  async #fireTimers(): Promise<boolean> {
    return (await this.timings.measure('fire timers', () => this.runtime.fireDueTimers())) > 0;
  }

  async #readStage(id: number): Promise<StageState> {
    const stage = await this.knex<StageState & { id: number }>('stages')
      .where({ id })
      .first('phase', 'status', 'process_instance_id');
    if (!stage) throw new Error(`Stage ${id} is missing although the seed inserted it.`);
    return stage;
  }

  async #openTasks(stageId: number): Promise<OpenTask[]> {
    return this.knex<OpenTask & { stage_id: number; status: string }>('tasks')
      .where({ stage_id: stageId, status: 'open' })
      .orderBy('id')
      .select(
        'id',
        'activity_id',
        'candidate_role',
        'candidate_institution_id',
        'candidate_unit_id',
        'candidate_student_id',
      );
  }

  /** Returns the process variables of `plan`'s stage, with `overrides` if given. */
  stageVariables(plan: StagePlan, overrides?: StageOverrides): StageVariables {
    const student = this.#students.get(plan.student_id);
    return {
      id: overrides?.id ?? plan.id,
      studentId: plan.student_id,
      careUnitId: plan.care_unit_id,
      hospitalId: plan.hospital_id,
      schoolId: plan.school_id,
      programmeId: plan.programme_id,
      startDate: overrides?.start_date ?? plan.start_date,
      endDate: overrides?.end_date ?? plan.end_date,
      requesterRole: plan.requester_role,
      recruitmentConsent: student?.recruitment_consent ?? false,
    };
  }
}

function isAtTarget(plan: StagePlan, stage: StageState, informationProvided: boolean): boolean {
  if (plan.target === 'refused') return stage.status === 'refused';
  if (plan.target === 'acceptance' && plan.asksForInformation) {
    // A stage whose requester is asked a question comes back to acceptance after the answer.
    return stage.phase === 'acceptance' && informationProvided;
  }
  return stage.phase === plan.target;
}

function findOpen(tasks: OpenTask[], activityId: string, stageId: number): OpenTask {
  const task = tasks.find((open) => open.activity_id === activityId);
  if (task) return task;
  throw new Error(
    `Stage ${stageId} has no open ${activityId} task to finish its phase with; check that ` +
      'drawFinishing() in demo-situations.ts matches processes/stage-lifecycle.bpmn.',
  );
}

/** Returns the `stages` row of `plan`, in its first phase. */
export function toStageRow(plan: StagePlan) {
  return {
    id: plan.id,
    student_id: plan.student_id,
    care_unit_id: plan.care_unit_id,
    hospital_id: plan.hospital_id,
    school_id: plan.school_id,
    programme_id: plan.programme_id,
    start_date: plan.start_date,
    end_date: plan.end_date,
    phase: 'request',
    motivation: plan.motivation,
    requested_by: plan.requested_by,
    requester_role: plan.requester_role,
  };
}

function stuckError(plan: StagePlan, stage: StageState, stageId: number): Error {
  return new Error(
    `Stage ${stageId} stopped in phase ${stage.phase} (status ${stage.status}) before reaching ` +
      `${plan.target}: it has no open task, pending job or due timer. Its plan starts on ` +
      `${plan.start_date}; check the stage-lifecycle definition and the runtime's timers.`,
  );
}
