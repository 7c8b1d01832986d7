import type { Knex } from 'knex';
import type { DemoDataset } from '../../../db/seeds/demo/dataset';
import { Random } from '../../../db/seeds/demo/random';
import type { StagePlan, StudentRow } from '../../../db/seeds/demo/types';
import type { ProcessRuntime, StageVariables } from '../runtime/process-runtime';
import { DemoActorDirectory, type TaskCandidateColumns } from './demo-actors';
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

/** How many tasks to complete once a stage is in its target phase, and how many to leave open. */
interface FinishingRule {
  tasks: number;
  keepOpen: number;
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

  /** Inserts the stage row and starts its instance in one transaction. */
  async createStage(plan: StagePlan): Promise<void> {
    const stage = this.#stageVariables(plan);
    await this.timings.measure('start instance', () =>
      this.knex.transaction(async (trx) => {
        await trx('stages').insert(toStageRow(plan));
        await this.runtime.startInstance(trx, {
          definitionKey: STAGE_LIFECYCLE_KEY,
          stage,
          actor: { userId: plan.requested_by },
        });
      }),
    );
  }

  /** Completes tasks, runs jobs and fires timers until the stage reaches its planned phase. */
  async advance(plan: StagePlan): Promise<void> {
    const random = Random.forLabel(this.seed, `stage ${plan.id}`);
    const finishing = drawFinishingRule(random, plan);
    const progress = { informationAsked: false, informationProvided: false };

    for (let step = 0; step < MAX_STEPS; step += 1) {
      const stage = await this.#readStage(plan.id);
      const tasks = await this.#openTasks(plan.id);

      if (isAtTarget(plan, stage, progress.informationProvided)) {
        if (finishing.tasks > 0 && tasks.length > finishing.keepOpen) {
          finishing.tasks -= 1;
          await this.#complete(plan, random.pick(tasks), random, progress);
        } else if (finishing.keepOpen > 0 || !(await this.#runJobsOf(stage))) {
          return;
        }
      } else if (tasks[0]) {
        await this.#complete(plan, tasks[0], random, progress);
      } else if (!(await this.#runJobsOf(stage)) && !(await this.#fireTimers())) {
        throw stuckError(plan, stage);
      }
    }
    throw new Error(
      `Stage ${plan.id} did not reach phase ${plan.target} within ${MAX_STEPS} steps; ` +
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

  #stageVariables(plan: StagePlan): StageVariables {
    const student = this.#students.get(plan.student_id);
    return {
      id: plan.id,
      studentId: plan.student_id,
      careUnitId: plan.care_unit_id,
      hospitalId: plan.hospital_id,
      schoolId: plan.school_id,
      programmeId: plan.programme_id,
      startDate: plan.start_date,
      endDate: plan.end_date,
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

// In preparation, some stages have part of the work done and some are ready and waiting for
// their start day. In evaluation, one side has sometimes already submitted its evaluation.
function drawFinishingRule(random: Random, plan: StagePlan): FinishingRule {
  if (plan.target === 'preparation') {
    const roll = random.next();
    if (roll < 0.3) return { tasks: 0, keepOpen: 1 };
    if (roll < 0.8) return { tasks: random.integer(1, 2), keepOpen: 1 };
    return { tasks: Number.POSITIVE_INFINITY, keepOpen: 0 };
  }
  if (plan.target === 'evaluation') return { tasks: random.integer(0, 1), keepOpen: 1 };
  return { tasks: 0, keepOpen: 0 };
}

function toStageRow(plan: StagePlan) {
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

function stuckError(plan: StagePlan, stage: StageState): Error {
  return new Error(
    `Stage ${plan.id} stopped in phase ${stage.phase} (status ${stage.status}) before reaching ` +
      `${plan.target}: it has no open task, pending job or due timer. Its start day is ` +
      `${plan.start_date}; check the stage-lifecycle definition and the runtime's timers.`,
  );
}
