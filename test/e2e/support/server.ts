import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Root of the repository, from test/e2e/support or its build under backend/dist. */
export const REPOSITORY_ROOT = findRepositoryRoot(__dirname);

/** A Stageflow server the browser tests talk to. */
export interface E2eServer {
  baseUrl: string;
  /** Stops the server if this process started it, and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * How long `npm start` may take to build, migrate, seed and listen, in milliseconds. Seeding
 * the demo into a new embedded database took about 250 s on a two-core machine, so the
 * default leaves room; E2E_START_TIMEOUT_SECONDS overrides it.
 */
const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_SECONDS ?? 900) * 1000;

/**
 * Returns the server named by `E2E_BASE_URL`, or else starts `npm start` on 127.0.0.1 with a
 * free port and a fresh embedded database in a temporary folder. Either way it waits until
 * `/api/health` responds and `loginEmail` can sign in with `password`, which means the demo
 * seed has run.
 */
export async function startServer(loginEmail: string, password: string): Promise<E2eServer> {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    await waitUntilReady(external.replace(/\/$/, ''), loginEmail, password, null);
    return { baseUrl: external.replace(/\/$/, ''), stop: () => Promise.resolve() };
  }

  const port = await findFreePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageflow-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(REPOSITORY_ROOT, 'test-results', 'e2e', 'server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');

  // detached: the server gets its own process group, so stop() ends npm and node together.
  const child = spawn('npm', ['start'], {
    cwd: REPOSITORY_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      // The browser scenarios run on the embedded database, whatever the caller's environment.
      DATABASE_URL: '',
    },
    stdio: ['ignore', log, log],
    detached: true,
  });
  const stop = async () => {
    await stopChild(child, dataDir);
    fs.closeSync(log);
  };
  try {
    await waitUntilReady(baseUrl, loginEmail, password, child);
  } catch (error) {
    await stop();
    throw new Error(`The server did not start; see ${logFile}. ${String(error)}`);
  }
  return { baseUrl, stop };
}

async function waitUntilReady(
  baseUrl: string,
  email: string,
  password: string,
  child: ChildProcess | null,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`npm start exited with ${child.exitCode}.`);
    lastProblem = await probe(baseUrl, email, password);
    if (lastProblem === '') return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${baseUrl} was not ready after ${START_TIMEOUT_MS / 1000} s: ${lastProblem}.`);
}

// Returns '' when the server is healthy and the demo login works, else what is missing. The
// server seeds before it listens, so a rejected login after a healthy response is final: it
// throws at once, because retrying wrong credentials would lock the demo account.
async function probe(baseUrl: string, email: string, password: string): Promise<string> {
  let health: Response;
  try {
    health = await fetch(`${baseUrl}/api/health`);
  } catch (error) {
    return `no connection (${String(error)})`;
  }
  if (!health.ok) return `GET /api/health answered ${health.status}`;

  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) {
    throw new Error(
      `The demo login ${email} was rejected with ${login.status}; is the demo seeded?`,
    );
  }
  return '';
}

async function stopChild(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.pid !== undefined) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('No port was assigned.')),
      );
    });
  });
}

function findRepositoryRoot(start: string): string {
  let folder = start;
  while (!fs.existsSync(path.join(folder, 'frontend', 'angular.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`No repository root above ${start}.`);
    folder = parent;
  }
  return folder;
}
