import { createServer, type RequestListener, type Server } from 'node:http';
import { createApp } from './app';
import { loadConfig } from './platform/config/config';
import { openDatabase } from './platform/db/database';
import { configureLogging, createLogger } from './platform/logging/logger';
import { createProcessRuntime } from './runtime';
import { startBackgroundWork } from './runtime/background-work';
import { seedDemoIfEmpty } from './cli/demo-seed-on-start';
import { standInPlugins } from './cli/stand-in-plugins';

const log = createLogger('server:main');

/** Starts Stageflow: database and migrations, demo data, HTTP server, scheduler and workers. */
async function main(): Promise<void> {
  const config = loadConfig();
  configureLogging(config.logLevel);

  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    isProduction: config.isProduction,
    schema: config.databaseSchema,
  });
  const runtime = createProcessRuntime(db);
  if (config.seedDemo) {
    // The seed's service tasks run through stand-ins, so seeding never calls external systems.
    await seedDemoIfEmpty(db, createProcessRuntime(db, { plugins: standInPlugins() }));
  }

  const app = createApp({ config, db, runtime });
  const handle = app.callback();
  const server = await listen(
    (request, response) => void handle(request, response),
    config.port,
    config.host,
  );
  const background = startBackgroundWork(runtime);
  log.info(
    { port: config.port, database: db.kind },
    `Stageflow listening on http://localhost:${config.port}`,
  );

  const shutdown = (signal: string) => {
    log.info({ signal }, 'stopping');
    server.close();
    void background
      .stop()
      .then(() => db.close())
      .then(() => {
        log.info('stopped');
        process.exit(0);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

function listen(handler: RequestListener, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'start-up failed');
  process.exit(1);
});
