import type { Logger } from 'pino';
import type { StageVariables } from '../runtime/process-runtime';

/** The context a plugin receives about the service task it runs for. */
export interface ServicePluginContext {
  instanceId: number;
  activityId: string;
  /** Stable across retries of the same task: use it as an idempotency key downstream. */
  executionId: string;
  stage: StageVariables;
  /** 1 on the first run, then counts retries. */
  attempt: number;
  /** Aborted when the run exceeds its time limit or the server stops. */
  signal: AbortSignal;
  log: Logger;
}

/**
 * A service-task implementation contributed by a plugin. The runtime calls `run` outside any
 * database transaction, at most once per attempt, and stores what it returns as the task output.
 */
export interface ServicePlugin {
  /** The name a BPMN service task gives in `sf:plugin`. */
  name: string;
  title: string;
  description: string;
  run(
    input: Record<string, unknown>,
    context: ServicePluginContext,
  ): Promise<Record<string, unknown>>;
}

/** Thrown by a plugin for a failure that retrying cannot fix, such as a rejected request. */
export class PermanentPluginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentPluginError';
  }
}
