import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { createApp } from '../../backend/src/app';
import { loadConfig, type AppConfig } from '../../backend/src/platform/config/config';
import type { Database } from '../../backend/src/platform/db/database';
import type { FeatureModule } from '../../backend/src/platform/http/feature-module';
import { createProcessRuntime, type ProcessRuntime } from '../../backend/src/runtime';
import { createTestDatabase, type TestDatabase } from './test-database';

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  /**
   * The process runtime, or a factory called with the test database. Defaults to
   * `createProcessRuntime(db)`; no timers or jobs run unless the test calls them.
   */
  runtime?: ProcessRuntime | ((db: Database) => ProcessRuntime);
  /** Settings that replace the defaults of a test configuration. */
  config?: Partial<AppConfig>;
  /** Feature modules to mount instead of all of them. */
  modules?: FeatureModule[];
}

/** A running API server on 127.0.0.1 with its own database. */
export interface TestServer {
  /** Such as `http://127.0.0.1:41234`, without a trailing slash. */
  baseUrl: string;
  db: TestDatabase;
  config: AppConfig;
  runtime: ProcessRuntime;
  /** Stops the server, then drops the test database. */
  close(): Promise<void>;
}

/**
 * Creates a fresh test database, builds the application on it and listens on a free port of
 * 127.0.0.1.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test' }),
    host: '127.0.0.1',
    ...options.config,
  };
  const runtime = resolveRuntime(options.runtime, db);

  const app = createApp({ config, db, runtime }, options.modules);
  const handleRequest = app.callback();
  const server = createServer((request, response) => {
    void handleRequest(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
  };
  return { baseUrl: `http://127.0.0.1:${port}`, db, config, runtime, close };
}

function resolveRuntime(option: TestServerOptions['runtime'], db: Database): ProcessRuntime {
  if (typeof option === 'function') return option(db);
  return option ?? createProcessRuntime(db);
}
