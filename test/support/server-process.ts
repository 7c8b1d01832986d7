import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { findRepositoryRoot } from '../../backend/src/platform/config/config';

const MAIN_SCRIPT = path.join(findRepositoryRoot(), 'backend/dist/backend/src/main.js');
/** Options of {@link startServerProcess}. */
export interface ServerProcessOptions {
  /** Time limit for /api/health to respond, in ms. Seeding the demo delays the first response. */
  startTimeoutMs?: number;
  /** Copies the server's output to this process's stderr as it comes. */
  echoOutput?: boolean;
}

/** A Stageflow server running as a child process, which a test can SIGKILL and restart. */
export interface ServerProcess {
  baseUrl: string;
  /** Kills the process with SIGKILL, as a crash would, and waits until it has exited. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and database. */
  restart(): Promise<void>;
  /** Output of every run so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built server (`npm run build` first) on a free port of 127.0.0.1 with `env`
 * naming its database, and waits until /api/health responds.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  if (!fs.existsSync(MAIN_SCRIPT)) {
    throw new Error(`${MAIN_SCRIPT} is missing; run "npm run build" before these tests.`);
  }
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let log = '';

  const launch = async () => {
    child = spawn(process.execPath, [MAIN_SCRIPT], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        SCHEDULER_INTERVAL_MS: '200',
        JOB_LEASE_MS: '2000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const record = (chunk: Buffer) => {
      log += chunk.toString();
      if (options.echoOutput) process.stderr.write(chunk);
    };
    child.stdout?.on('data', record);
    child.stderr?.on('data', record);
    await waitForHealth(baseUrl, child, () => log, options.startTimeoutMs ?? 60_000);
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };

  await launch();
  return {
    baseUrl,
    kill,
    restart: launch,
    output: () => log,
    stop: kill,
  };
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  log: () => string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode}:\n${log()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet; try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not answer /api/health within ${timeoutMs} ms:\n${log()}`);
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
