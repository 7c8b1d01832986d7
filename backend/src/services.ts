import type { AppConfig } from './platform/config/config';
import type { Database } from './platform/db/database';
import type { ProcessRuntime } from './runtime/process-runtime';

/** The long-lived collaborators that feature modules receive; built once in `main.ts`. */
export interface AppServices {
  config: AppConfig;
  db: Database;
  runtime: ProcessRuntime;
}
