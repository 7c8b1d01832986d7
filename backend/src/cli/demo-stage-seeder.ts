import type { Knex } from 'knex';
import type { DemoDataset } from '../../../db/seeds/demo/dataset';
import { advanceSequence } from '../../../db/seeds/demo/insert-reference-data';
import type { StagePlan } from '../../../db/seeds/demo/types';
import { createLogger } from '../platform/logging/logger';
import type { ProcessRuntime } from '../runtime/process-runtime';
import {
  cloneStages,
  deleteTemplates,
  ProgressLog,
  TemplateCalendar,
  type PlannedClone,
} from './demo-cloning';
import { groupSituations, type Situation } from './demo-situations';
import { toStageRow, type DemoStageDriver, type StageOverrides } from './demo-stage-driver';

const log = createLogger('cli:demo-seed');

/** Counts of the ways the stages of a demo seed got their process instances. */
export interface StageCounts {
  /** Groups of plans whose instances are alike apart from ids and dates. */
  situations: number;
  /** Stages whose own instance the runtime drove, one per situation with a single plan. */
  driven: number;
  /** Stages whose instance was cloned from a template stage driven for their situation. */
  cloned: number;
  /** Instances driven to a phase that several situations pass alike, then cloned to each. */
  checkpoints: number;
}

/**
 * Gives every planned stage a process instance in its planned phase while driving as few
 * commands as possible. Each situation gets one driven stage: the plan itself when it is alone,
 * else a template stage on sentinel dates whose instance every plan of the situation is cloned
 * from. Situations that pass a phase alike start from a clone of one checkpoint instance driven
 * to that phase. Templates and checkpoints are deleted at the end.
 */
export class DemoStageSeeder {
  readonly #calendar: TemplateCalendar;
  readonly #helperIds: number[] = [];
  #nextHelperId: number;

  constructor(
    private readonly knex: Knex,
    private readonly runtime: ProcessRuntime,
    private readonly driver: DemoStageDriver,
    private readonly dataset: DemoDataset,
  ) {
    this.#calendar = new TemplateCalendar(dataset.today, dataset.stages);
    this.#nextHelperId = Math.max(0, ...dataset.stages.map((plan) => plan.id)) + 1;
  }

  /** Seeds every stage of the dataset; see the class description. */
  async seed(seed: number): Promise<StageCounts> {
    const situations = groupSituations(this.dataset, seed);
    const groups = groupByCheckpoint(situations);
    const progress = new ProgressLog(log, 'demo situations driven', situations.length);
    const clones: PlannedClone[] = [];

    for (const group of groups) {
      const checkpointId = group.length > 1 ? await this.#driveCheckpoint(group[0]!) : null;
      for (const situation of group) {
        clones.push(...(await this.#driveSituation(situation, checkpointId)));
        progress.add(1);
      }
    }
    // Stages left in preparation may still have their IT-login job queued, as the worker would
    // run. Templates run theirs before cloning, so their clones copy the finished job.
    await this.driver.drainJobs();

    clones.sort((left, right) => left.plan.id - right.plan.id);
    const cloned = new ProgressLog(log, 'demo stages cloned', clones.length);
    await cloneStages(this.knex, this.runtime, this.driver, clones, (count) => cloned.add(count));
    await deleteTemplates(this.knex, this.#helperIds);
    await advanceSequence(this.knex, 'stages');

    const checkpoints = groups.filter((group) => group.length > 1).length;
    const templates = this.#helperIds.length - checkpoints;
    return {
      situations: situations.length,
      driven: situations.length - templates,
      cloned: clones.length,
      checkpoints,
    };
  }

  // Drives a stand-in stage of the situation's first plan to the checkpoint phase, without
  // the tasks the plan would complete once there.
  async #driveCheckpoint(situation: Situation): Promise<number> {
    const checkpoint = situation.checkpoint!;
    const plan = { ...situation.plans[0]!, target: checkpoint.phase };
    const overrides = this.#helperStage(situation);
    await this.driver.createStage(plan, overrides);
    await this.driver.advance(plan, overrides.id, false);
    return overrides.id;
  }

  // Drives the situation's stage, a template unless the situation has one plan, from a clone of
  // the checkpoint if there is one. Returns the clones the template is for.
  async #driveSituation(
    situation: Situation,
    checkpointId: number | null,
  ): Promise<PlannedClone[]> {
    const plan = situation.plans[0]!;
    const isAlone = situation.plans.length === 1;
    const overrides = isAlone ? undefined : this.#helperStage(situation);
    const stageId = overrides?.id ?? plan.id;

    if (checkpointId === null) await this.driver.createStage(plan, overrides);
    else await this.#cloneCheckpoint(checkpointId, plan, overrides);
    await this.driver.advance(plan, stageId);
    if (isAlone) return [];
    return situation.plans.map((each) => ({ plan: each, templateStageId: stageId }));
  }

  async #cloneCheckpoint(
    checkpointId: number,
    plan: StagePlan,
    overrides: StageOverrides | undefined,
  ): Promise<void> {
    await this.driver.timings.measure('clone checkpoint', () =>
      this.knex.transaction(async (trx) => {
        await trx('stages').insert({ ...toStageRow(plan), ...overrides });
        await this.runtime.cloneInstance(trx, {
          templateStageId: checkpointId,
          stage: this.driver.stageVariables(plan, overrides),
          actor: { userId: plan.requested_by },
        });
      }),
    );
  }

  #helperStage(situation: Situation): StageOverrides {
    const id = this.#nextHelperId++;
    this.#helperIds.push(id);
    return { id, ...this.#calendar.periodFor(situation) };
  }
}

// Situations in checkpoint order of first appearance; those without a checkpoint stand alone.
function groupByCheckpoint(situations: readonly Situation[]): Situation[][] {
  const groups = new Map<string, Situation[]>();
  for (const [index, situation] of situations.entries()) {
    const key = situation.checkpoint?.key ?? `alone ${index}`;
    const group = groups.get(key) ?? [];
    group.push(situation);
    groups.set(key, group);
  }
  return [...groups.values()];
}
