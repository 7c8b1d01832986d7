import type { Knex } from 'knex';
import { toDayNumber, toIsoDay } from '../../../db/seeds/demo/calendar';
import type { StagePlan } from '../../../db/seeds/demo/types';
import type { Logger } from '../platform/logging/logger';
import { TEMPLATE_DAY_MARGIN_DAYS } from '../runtime/clone-translation';
import type { ProcessRuntime } from '../runtime/process-runtime';
import type { Situation } from './demo-situations';
import { toStageRow, type DemoStageDriver, type StageOverrides } from './demo-stage-driver';

/** Stages cloned per transaction. PGlite has one connection, so a batch is the unit of work. */
export const CLONE_BATCH_SIZE = 100;

// Template days start this far from today: beyond the runtime's margin and every planned stage.
const TEMPLATE_DISTANCE_DAYS = 800;

/** A planned stage and the template stage its instance is cloned from. */
export interface PlannedClone {
  plan: StagePlan;
  templateStageId: number;
}

/**
 * Hands out the dates of template stages. Each template gets days of its own, more than
 * TEMPLATE_DAY_MARGIN_DAYS from today and used by no planned stage, so that cloning finds them
 * only in values derived from a stage date. Days before today serve templates whose process already passed
 * its start or end day, later days the others.
 */
export class TemplateCalendar {
  readonly #planDays: ReadonlySet<number>;
  readonly #today: number;
  #nextPast: number;
  #nextFuture: number;

  constructor(today: string, plans: readonly StagePlan[]) {
    this.#today = toDayNumber(today);
    this.#planDays = new Set(
      plans.flatMap((plan) => [toDayNumber(plan.start_date), toDayNumber(plan.end_date)]),
    );
    this.#nextPast = this.#today - TEMPLATE_DISTANCE_DAYS;
    this.#nextFuture = this.#today + TEMPLATE_DISTANCE_DAYS;
  }

  /** Returns the next unused start and end days that sit on the given sides of today. */
  periodFor(
    situation: Pick<Situation, 'startsInPast' | 'endsInPast'>,
  ): Pick<StageOverrides, 'start_date' | 'end_date'> {
    const end = situation.endsInPast ? this.#takePast() : this.#takeFuture();
    const start = situation.startsInPast ? this.#takePast() : this.#takeFuture();
    // Past days are handed out backwards and future days forwards, so order the pair.
    const [first, last] = [start, end].sort((left, right) => left - right) as [number, number];
    return { start_date: toIsoDay(first), end_date: toIsoDay(last) };
  }

  #takePast(): number {
    return this.#check(this.#nextPast--);
  }

  #takeFuture(): number {
    return this.#check(this.#nextFuture++);
  }

  #check(day: number): number {
    if (this.#planDays.has(day) || Math.abs(day - this.#today) <= TEMPLATE_DAY_MARGIN_DAYS) {
      throw new Error(
        `Template day ${toIsoDay(day)} is too close to today or used by a planned stage; ` +
          'raise TEMPLATE_DISTANCE_DAYS in demo-cloning.ts beyond the planned period.',
      );
    }
    return day;
  }
}

/**
 * Inserts the stage row of each planned clone and copies its template's instance with
 * `runtime.cloneInstance`, one transaction per CLONE_BATCH_SIZE stages, in the given order.
 * `onBatch` gets the number of stages each committed batch added.
 */
export async function cloneStages(
  knex: Knex,
  runtime: ProcessRuntime,
  driver: DemoStageDriver,
  clones: readonly PlannedClone[],
  onBatch: (count: number) => void,
): Promise<void> {
  for (let offset = 0; offset < clones.length; offset += CLONE_BATCH_SIZE) {
    const batch = clones.slice(offset, offset + CLONE_BATCH_SIZE);
    await driver.timings.measure('clone stages', () =>
      knex.transaction(async (trx) => {
        await trx('stages').insert(batch.map(({ plan }) => toStageRow(plan)));
        for (const { plan, templateStageId } of batch) {
          await runtime.cloneInstance(trx, {
            templateStageId,
            stage: driver.stageVariables(plan),
            actor: { userId: plan.requested_by },
          });
        }
      }),
    );
    onBatch(batch.length);
  }
}

/** Deletes the template stages and their instances, whose rows cascade with them. */
export async function deleteTemplates(knex: Knex, stageIds: readonly number[]): Promise<void> {
  if (stageIds.length === 0) return;

  await knex.transaction(async (trx) => {
    const instanceIds = (await trx('stages')
      .whereIn('id', stageIds)
      .whereNotNull('process_instance_id')
      .pluck('process_instance_id')) as number[];
    await trx('stages').whereIn('id', stageIds).delete();
    await trx('process_instances').whereIn('id', instanceIds).delete();
  });
}

/** Logs how far a long step has got, once per tenth of `total`. */
export class ProgressLog {
  readonly #started = performance.now();
  #done = 0;
  #nextTenth = 1;

  constructor(
    private readonly log: Logger,
    private readonly label: string,
    private readonly total: number,
  ) {}

  /** Counts `count` more items done and logs each tenth of the total they complete. */
  add(count: number): void {
    this.#done += count;
    if (this.#done * 10 < this.#nextTenth * this.total) return;

    const seconds = (performance.now() - this.#started) / 1000;
    this.log.info(
      {
        done: this.#done,
        total: this.total,
        seconds: Math.round(seconds),
        perSecond: Math.round(this.#done / Math.max(seconds, 0.001)),
      },
      `${this.label} ${Math.min(Math.floor((this.#done * 10) / this.total), 10) * 10}%`,
    );
    this.#nextTenth = Math.floor((this.#done * 10) / this.total) + 1;
  }
}
