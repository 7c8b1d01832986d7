import pino, { type Logger } from 'pino';

let root: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'stageflow' },
  // Session cookies and passwords must never reach a log line, whatever logs them.
  redact: {
    paths: ['password', '*.password', 'req.headers.cookie', 'headers.cookie', 'token', '*.token'],
    censor: '[redacted]',
  },
});

/** Returns a logger whose lines carry `scope`, such as `server:tasks` or `engine:command`. */
export function createLogger(scope: string): Logger {
  return root.child({ scope });
}

/** Replaces the root logger, for example to change its level from the configuration. */
export function configureLogging(level: string): void {
  root.level = level;
}

/** Swaps the root logger, so tests can capture lines. Returns the previous one. */
export function setRootLogger(logger: Logger): Logger {
  const previous = root;
  root = logger;
  return previous;
}

export type { Logger };
