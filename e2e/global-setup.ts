import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The first start seeds the small demo city (tens of thousands of rows) before it listens.
const STARTUP_MS = 180_000;
const STOP_GRACE_MS = 5_000;
/** Keeps only the tail of the child's output, enough to explain a failed start. */
const OUTPUT_TAIL = 20_000;

/** A port nobody listens on right now: the kernel picks one, we release it and hand it to the server. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not obtain a free port'))));
    });
  });
}

/** Runs one statement on the maintenance connection given by `url`. */
async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database for this run; returns its URL and a function dropping it. */
async function createDatabase(serverUrl: string) {
  const name = `shuzhi_e2e_${process.pid}`;
  await admin(serverUrl, `drop database if exists ${name} with (force)`);
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM, then SIGKILL if the server has not exited within the grace period. */
async function stop(child: ChildProcess): Promise<void> {
  if (exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await gone;
  clearTimeout(timer);
}

async function waitForHealthy(baseURL: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = `code ${code ?? '-'}, signal ${signal ?? '-'}`;
  });
  while (Date.now() < deadline) {
    if (exit) throw new Error(`The Shuzhi server exited during start-up (${exit}):\n${output()}`);
    try {
      const res = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `The Shuzhi server did not answer GET /healthz with 200 within ${STARTUP_MS / 1000} s:\n${output()}`,
  );
}

/** Starts the real server with demo data on a fresh database and provides its URL to the tests. */
export default async function setup(project: TestProject) {
  if (!existsSync(join(ROOT, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist/index.html is missing: run `npm run build:web` before the e2e tests.');
  }

  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error('e2e teardown:', err);
      }
    }
  };

  try {
    const dataDir = await mkdtemp(join(tmpdir(), 'shuzhi-e2e-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SHUZHI_DATA_DIR: dataDir,
      // Real department datasets for the journeys, at a size that seeds in seconds.
      SHUZHI_DEMO_SCALE: 'small',
      // Pull sources in the journeys are servers the tests start on this machine.
      SHUZHI_PULL_ALLOWED_HOSTS: '127.0.0.1',
    };
    delete env.DATABASE_URL;
    if (process.env.DATABASE_URL) {
      const database = await createDatabase(process.env.DATABASE_URL);
      cleanups.push(database.drop);
      env.DATABASE_URL = database.url;
    }

    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', 'serve', '--demo'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => stop(child));
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString()).slice(-OUTPUT_TAIL);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-OUTPUT_TAIL);
    });

    const baseURL = `http://127.0.0.1:${env.PORT}`;
    await waitForHealthy(baseURL, child, () => `--- stderr ---\n${stderr}\n--- stdout ---\n${stdout}`);
    project.provide('baseURL', baseURL);
  } catch (err) {
    await cleanup();
    throw err;
  }

  return cleanup;
}
