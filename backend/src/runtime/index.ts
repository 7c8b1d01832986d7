import type { Database } from '../platform/db/database';
import type { ServicePlugin } from '../plugin-api';
import { installedPlugins } from '../plugins';
import { deployDefinition } from './definition-store';
import { retryIncident } from './incidents';
import { cloneInstance } from './instance-cloning';
import { startInstance } from './instance-start';
import { JobWorker, type JobWorkerSettings } from './job-worker';
import { PluginRegistry } from './plugin-registry';
import type { ProcessRuntime } from './process-runtime';
import { completeTask } from './task-completion';
import { fireDueTimers } from './timer-scheduler';

/** Options of {@link createProcessRuntime}. */
export interface RuntimeOptions {
  plugins?: ServicePlugin[];
  jobs?: Partial<JobWorkerSettings>;
}

const DEFAULT_JOB_SETTINGS: JobWorkerSettings = {
  maxAttempts: 3,
  callTimeoutMs: 30_000,
  leaseMs: Number(process.env.JOB_LEASE_MS ?? 120_000),
  retryBaseMs: 2_000,
};

/** Builds the process runtime over `db`: the only object that drives bpmn-engine. */
export function createProcessRuntime(db: Database, options: RuntimeOptions = {}): ProcessRuntime {
  const knex = db.knex;
  const plugins = new PluginRegistry(options.plugins ?? installedPlugins());
  const worker = new JobWorker(knex, plugins, { ...DEFAULT_JOB_SETTINGS, ...options.jobs });

  return {
    deployDefinition: (xml, actor) => deployDefinition(knex, xml, actor, plugins.names),
    startInstance: (trx, input) => startInstance(knex, trx, input),
    cloneInstance: (trx, input) => cloneInstance(knex, trx, input),
    completeTask: (taskId, values, actor) => completeTask(knex, taskId, values, actor),
    fireDueTimers: (limit) => fireDueTimers(knex, limit),
    runPendingJobs: (limit) => worker.runPending(limit),
    recoverInterruptedJobs: () => worker.recoverInterrupted(),
    retryIncident: (incidentId, actor) => retryIncident(knex, incidentId, actor),
  };
}

export type { ProcessRuntime } from './process-runtime';
