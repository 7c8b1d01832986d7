import { createLogger } from '../platform/logging/logger';
import type { ProcessRuntime } from './process-runtime';

const log = createLogger('engine:background');

/** A running background loop that can be stopped after its current pass. */
export interface BackgroundWork {
  stop(): Promise<void>;
}

/** Options of {@link startBackgroundWork}. */
export interface BackgroundOptions {
  /** Pause between two passes, in milliseconds. */
  intervalMs?: number;
  /** Passes between two scans for jobs interrupted by a dead process. */
  recoveryEvery?: number;
}

/**
 * Starts the loop that fires due timers, runs service jobs and turns interrupted jobs into
 * incidents. Passes never overlap, and an error in one pass is logged and the loop goes on.
 */
export function startBackgroundWork(
  runtime: ProcessRuntime,
  options: BackgroundOptions = {},
): BackgroundWork {
  const intervalMs = options.intervalMs ?? Number(process.env.SCHEDULER_INTERVAL_MS ?? 1000);
  const recoveryEvery = options.recoveryEvery ?? 30;
  let isStopping = false;
  let pass = 0;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const runPass = async () => {
    if (pass++ % recoveryEvery === 0) {
      const interrupted = await runtime.recoverInterruptedJobs();
      if (interrupted > 0)
        log.warn({ interrupted }, 'interrupted service jobs marked as incidents');
    }
    await runtime.fireDueTimers();
    await runtime.runPendingJobs();
  };
  const schedule = () => {
    if (isStopping) return;
    timer = setTimeout(() => {
      current = runPass()
        .catch((error: unknown) => log.error({ err: error }, 'background pass failed; retrying'))
        .finally(schedule);
    }, intervalMs);
  };

  log.info({ intervalMs }, 'background work started');
  schedule();
  return {
    async stop() {
      isStopping = true;
      clearTimeout(timer);
      await current;
      log.info('background work stopped');
    },
  };
}
