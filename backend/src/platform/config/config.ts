import path from 'node:path';

/** Settings read from the environment once, at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  /** PostgreSQL connection string; unset means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** PostgreSQL schema (search_path) to work in; unset means the server's default. */
  databaseSchema: string | undefined;
  /** Folder of the embedded database. */
  dataDir: string;
  isProduction: boolean;
  logLevel: string;
  /** Session lifetime without activity, in minutes. */
  sessionIdleMinutes: number;
  /** Whether `npm start` seeds the demo data into an empty database; off by default in production. */
  seedDemo: boolean;
  /** Folder of the built Angular application, served on the same port as the API. */
  frontendDir: string;
}

const repositoryRoot = path.resolve(__dirname, '../../../..');

/** Returns the root of the repository, whether running from sources or from the build. */
export function findRepositoryRoot(): string {
  // Sources sit in backend/src/platform/config, the build in backend/dist/backend/src/...
  return __dirname.includes(`${path.sep}dist${path.sep}`)
    ? path.resolve(__dirname, '../../../../../..')
    : repositoryRoot;
}

/** Reads the configuration from `env`, rejecting values that cannot work. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const root = findRepositoryRoot();
  return {
    port: readInteger(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    dataDir: path.resolve(root, env.DATA_DIR ?? 'data/pglite'),
    isProduction: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    sessionIdleMinutes: readInteger(env, 'SESSION_IDLE_MINUTES', 60),
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO !== 'false' : env.NODE_ENV !== 'production',
    frontendDir: path.resolve(root, env.FRONTEND_DIR ?? 'frontend/dist/frontend/browser'),
  };
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;

  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `${name}=${JSON.stringify(raw)} is not a whole number; set it to e.g. ${fallback}.`,
    );
  }
  return value;
}
