import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { openRuntime } from '../../runtime.ts';
import { parseVerifierKey } from './note.ts';
import { verifyLedger } from './verify.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'shuzhi-crash-'));
const serverUrl = process.env.DATABASE_URL;
const dbName = `shuzhi_t_crash_${process.pid}`;
let databaseUrl: string | undefined;

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(statement);
  await c.end();
}

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl) await admin(`drop database if exists ${dbName} with (force)`);
});

describe('ledger durability', () => {
  it('loses no acknowledged entry when the process is killed mid-stream', async () => {
    if (serverUrl) {
      await admin(`create database ${dbName}`);
      const u = new URL(serverUrl);
      u.pathname = `/${dbName}`;
      databaseUrl = u.toString();
    }
    const env = {
      PATH: process.env.PATH ?? '',
      SHUZHI_DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    };
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('./crash-child.ts', import.meta.url).pathname],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const acked = new Set<number>();
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.on('exit', (code) =>
        acked.size < 300 ? reject(new Error(`child exited ${code}: ${stderr}`)) : resolve(),
      );
      child.stdout?.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const l of lines) if (l.startsWith('ack ')) acked.add(Number(l.slice(4)));
        // Kill without warning in the middle of the stream: some entries are queued, some sequenced.
        if (acked.size >= 300 && child.exitCode === null) child.kill('SIGKILL');
      });
    });
    expect(acked.size).toBeGreaterThanOrEqual(300);

    const rt = await openRuntime({
      ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl }),
      SHUZHI_DATA_DIR: dataDir,
    });
    try {
      await rt.services.ledger.drain();
      const size = await rt.services.ledger.sizeNow();
      const found = new Set<number>();
      for (let start = 0; start < size; start += 1000) {
        const rows = await rt.handle.db
          .selectFrom('ledger.entry')
          .select('body')
          .where('idx', '>=', start)
          .where('idx', '<', start + 1000)
          .execute();
        for (const r of rows) {
          const e = JSON.parse(Buffer.from(r.body).toString('utf8'));
          if (e.action === 'test.crash') found.add(e.details.n);
        }
      }
      const lost = [...acked].filter((n) => !found.has(n));
      expect(lost).toEqual([]);
      const verdict = await verifyLedger(rt.handle.db, parseVerifierKey(rt.services.ledger.verifierKey()));
      expect(verdict.ok).toBe(true);
    } finally {
      await rt.close();
    }
  }, 120_000);
});
