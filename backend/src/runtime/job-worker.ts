import type { Knex } from 'knex';
import { createLogger } from '../platform/logging/logger';
import { PermanentPluginError } from '../plugin-api';
import { openIncident } from './incidents';
import { runInstanceCommand } from './instance-command';
import type { PluginRegistry } from './plugin-registry';
import type { StageVariables } from './process-runtime';
import { InstanceBusyError } from './runtime.errors';

const log = createLogger('engine:jobs');

/** Settings of the job worker. */
export interface JobWorkerSettings {
  /** Attempts before a failing job becomes an incident. */
  maxAttempts: number;
  /** Time limit of one plugin call, in milliseconds. */
  callTimeoutMs: number;
  /** A job `running` for longer than this (ms) was interrupted by a dead server process. */
  leaseMs: number;
  /** First retry delay in milliseconds; each further retry waits twice as long. */
  retryBaseMs: number;
}

interface JobRow {
  id: number;
  instance_id: number;
  activity_id: string;
  execution_id: string;
  plugin: string;
  input: Record<string, unknown>;
  attempts: number;
}

/**
 * Runs service-task jobs outside any transaction. A job is marked `running` and committed before
 * its plugin is called, so if the server dies during the call the job is found `running` later
 * and becomes an incident instead of being replayed silently.
 */
export class JobWorker {
  constructor(
    private readonly knex: Knex,
    private readonly plugins: PluginRegistry,
    private readonly settings: JobWorkerSettings,
  ) {}

  /** Claims and runs up to `limit` due jobs, then resumes their instances; returns the count. */
  async runPending(limit = 10): Promise<number> {
    const jobs = await this.claim(limit);
    for (const job of jobs) await this.run(job);
    const resumed = await this.resumeSucceeded(limit);
    return jobs.length + resumed;
  }

  /** Turns jobs left `running` past their lease into incidents; returns how many. */
  async recoverInterrupted(): Promise<number> {
    return this.knex.transaction(async (trx) => {
      const jobs = (await trx('service_jobs')
        .where({ status: 'running' })
        .where('started_at', '<', new Date(Date.now() - this.settings.leaseMs))
        .forUpdate()
        .skipLocked()
        .select('*')) as JobRow[];

      for (const job of jobs) {
        await trx('service_jobs').where({ id: job.id }).update({ status: 'incident' });
        await openIncident(trx, {
          instanceId: job.instance_id,
          activityId: job.activity_id,
          jobId: job.id,
          error:
            `The server stopped while ${job.plugin} was running (attempt ${job.attempts}); it may ` +
            'or may not have taken effect. Check the external system, then retry or resolve.',
        });
      }
      return jobs.length;
    });
  }

  private async claim(limit: number): Promise<JobRow[]> {
    const result = await this.knex.raw<{ rows: JobRow[] }>(
      `UPDATE service_jobs SET status = 'running', attempts = attempts + 1, started_at = now()
       WHERE id IN (
         SELECT id FROM service_jobs WHERE status = 'pending' AND run_after <= now()
         ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [limit],
    );
    return result.rows;
  }

  private async run(job: JobRow): Promise<void> {
    const plugin = this.plugins.find(job.plugin);
    const jobLog = log.child({ jobId: job.id, instanceId: job.instance_id, plugin: job.plugin });
    try {
      if (!plugin) throw new PermanentPluginError(`No plugin named ${job.plugin} is installed.`);
      const stage = await this.loadStage(job.instance_id);
      const output = await this.callWithTimeout(job, stage, (context) =>
        plugin.run(job.input, { ...context, log: jobLog }),
      );
      await this.knex('service_jobs')
        .where({ id: job.id, status: 'running' })
        .update({ status: 'succeeded', output: JSON.stringify(output), last_error: null });
      jobLog.info({ attempt: job.attempts }, 'service job succeeded');
      await this.resume(job);
    } catch (error) {
      await this.recordFailure(job, error);
    }
  }

  private async callWithTimeout<T>(
    job: JobRow,
    stage: StageVariables,
    call: (context: {
      instanceId: number;
      activityId: string;
      executionId: string;
      stage: StageVariables;
      attempt: number;
      signal: AbortSignal;
    }) => Promise<T>,
  ): Promise<T> {
    const signal = AbortSignal.timeout(this.settings.callTimeoutMs);
    return call({
      instanceId: job.instance_id,
      activityId: job.activity_id,
      executionId: job.execution_id,
      stage,
      attempt: job.attempts,
      signal,
    });
  }

  private async recordFailure(job: JobRow, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const isFinal =
      error instanceof PermanentPluginError || job.attempts >= this.settings.maxAttempts;
    if (!isFinal) {
      // Exponential backoff, so a briefly unavailable system has time to recover.
      const delayMs = this.settings.retryBaseMs * 2 ** (job.attempts - 1);
      await this.knex('service_jobs')
        .where({ id: job.id })
        .update({
          status: 'pending',
          last_error: message,
          run_after: new Date(Date.now() + delayMs),
        });
      log.warn(
        { err: error, jobId: job.id, attempt: job.attempts, delayMs },
        'service job failed; retrying',
      );
      return;
    }

    await this.knex.transaction(async (trx) => {
      await trx('service_jobs')
        .where({ id: job.id })
        .update({ status: 'incident', last_error: message });
      await openIncident(trx, {
        instanceId: job.instance_id,
        activityId: job.activity_id,
        jobId: job.id,
        error: `${job.plugin} failed after ${job.attempts} attempt(s): ${message}`,
      });
    });
  }

  private async resumeSucceeded(limit: number): Promise<number> {
    const jobs = (await this.knex('service_jobs')
      .where({ status: 'succeeded' })
      .orderBy('id')
      .limit(limit)
      .select('*')) as JobRow[];
    for (const job of jobs) await this.resume(job);
    return jobs.length;
  }

  // Resuming the instance re-runs the service task, which now finds its stored output.
  private async resume(job: JobRow): Promise<void> {
    try {
      await runInstanceCommand(
        job.instance_id,
        { knex: this.knex, actorId: null },
        () => undefined,
      );
    } catch (error) {
      if (error instanceof InstanceBusyError) return;
      log.error(
        { err: error, jobId: job.id, instanceId: job.instance_id },
        'resume after job failed',
      );
    }
  }

  private async loadStage(instanceId: number): Promise<StageVariables> {
    const row = (await this.knex('stages as s')
      .join('students as st', 'st.id', 's.student_id')
      .where({ 's.process_instance_id': instanceId })
      .first(
        's.id',
        's.student_id',
        's.care_unit_id',
        's.hospital_id',
        's.school_id',
        's.programme_id',
        's.start_date',
        's.end_date',
        's.requester_role',
        'st.recruitment_consent',
      )) as Record<string, unknown> | undefined;
    if (!row) throw new PermanentPluginError(`Instance ${instanceId} has no stage.`);
    return {
      id: row.id as number,
      studentId: row.student_id as number,
      careUnitId: row.care_unit_id as number,
      hospitalId: row.hospital_id as number,
      schoolId: row.school_id as number,
      programmeId: row.programme_id as number,
      startDate: row.start_date as string,
      endDate: row.end_date as string,
      requesterRole: row.requester_role as StageVariables['requesterRole'],
      recruitmentConsent: row.recruitment_consent as boolean,
    };
  }
}
