import { isDevMode } from '@angular/core';

/** A scoped console logger; debug lines appear only in development builds. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** Creates a logger whose lines start with `[scope]`, such as `[session]`. */
export function createLogger(scope: string): Logger {
  const prefix = `[${scope}]`;
  return {
    debug: (message, ...details) => {
      if (isDevMode()) console.debug(prefix, message, ...details);
    },
    warn: (message, ...details) => console.warn(prefix, message, ...details),
    error: (message, ...details) => console.error(prefix, message, ...details),
  };
}
