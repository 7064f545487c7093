import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { organCode } from '../modules/orgs/index.ts';
import { systemActor } from '../platform/actor.ts';
import { openRuntime } from '../runtime.ts';

const run = promisify(execFile);
const main = new URL('../main.ts', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'shuzhi-cli-'));
// Always the embedded database in its own folder, whatever the suite runs against.
const env = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  SHUZHI_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
};
const shuzhi = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', main, ...args], { env, timeout: 60_000 });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('shuzhi CLI', () => {
  it('migrates, creates a user, resets the password, and says what is wrong with bad input', async () => {
    const migrated = await shuzhi('migrate');
    expect(migrated.stdout).toContain('areas imported: 3530, organisations created: 26');

    const police = organCode('330100', 2);
    const created = await shuzhi(
      'users',
      'create',
      '-u',
      'ops.li',
      '-n',
      '李运维',
      '-o',
      police,
      '-r',
      'data_officer',
    );
    expect(created.stdout).toContain('已创建 / created ops.li (data_officer @ 杭州市公安局)');
    const initial = /shown once\): (\S+)/.exec(created.stdout)?.[1];
    expect(initial).toMatch(/^[A-Za-z0-9]{16}$/);

    const reset = await shuzhi('users', 'reset-password', 'ops.li', '-p', 'Chosen2026pass');
    expect(reset.stdout).toContain('已重置 / reset ops.li');

    const badRole = shuzhi('users', 'create', '-u', 'x.y', '-n', 'x', '-o', police, '-r', 'emperor');
    await expect(badRole).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('unknown role: emperor'),
    });
    const noUser = shuzhi('users', 'reset-password', 'ghost');
    await expect(noUser).rejects.toMatchObject({ stderr: expect.stringContaining('User not found: ghost') });

    const rt = await openRuntime({ ...loadConfig(env), SHUZHI_DATA_DIR: dataDir });
    try {
      const session = await rt.services.auth.login('ops.li', 'Chosen2026pass', { ip: null, userAgent: null });
      expect(session.me).toMatchObject({ roles: ['data_officer'], mustChangePassword: false });
      expect(session.me.org.name).toBe('杭州市公安局');
      expect(await rt.services.users.countUsers()).toBe(1);
    } finally {
      await rt.close();
    }
  }, 120_000);

  it('verifies the audit ledger and names the first tampered entry', async () => {
    const rt = await openRuntime({ ...loadConfig(env), SHUZHI_DATA_DIR: dataDir });
    try {
      await rt.services.ledger.drain();
      expect(await rt.services.ledger.sizeNow()).toBeGreaterThanOrEqual(2);
    } finally {
      await rt.close();
    }
    const ok = await shuzhi('ledger', 'verify');
    expect(ok.stdout).toMatch(/ledger ok: \d+ entries/);

    const again = await openRuntime({ ...loadConfig(env), SHUZHI_DATA_DIR: dataDir });
    try {
      await sql`update ledger.entry set body = convert_to('{"forged":true}', 'UTF8') where idx = 1`.execute(
        again.handle.db,
      );
    } finally {
      await again.close();
    }
    const bad = shuzhi('ledger', 'verify');
    await expect(bad).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('TAMPERED at index 1'),
    });
  }, 120_000);

  it('imports a file into a published dataset with a report', async () => {
    const rt = await openRuntime({ ...loadConfig(env), SHUZHI_DATA_DIR: dataDir });
    try {
      const ds = await rt.services.catalog.service.createDataset(systemActor, {
        code: 'CLI-IMPORT-1',
        name: '命令行导入测试',
        description: '',
        sourceSystem: '',
        theme: 'population',
        updateFrequency: 'daily',
        shareType: 'none',
        openType: 'none',
        level: 'L2',
        tags: [],
        contact: { name: '', phone: '', email: '' },
        fields: [
          { name: 'code', title: '编号', type: 'string', key: true, sensitivity: 'none' },
          { name: 'amount', title: '金额', type: 'integer', key: false, sensitivity: 'none' },
        ],
      });
      await rt.services.catalog.service.submit(systemActor, ds.id);
      await rt.services.catalog.service.approve(systemActor, ds.id, '');
    } finally {
      await rt.close();
    }
    const file = join(dataDir, 'amounts.csv');
    writeFileSync(file, '编号,金额\nA1,"1,200"\nA2,12\nA3,十二\n');
    const r = await shuzhi('import', 'CLI-IMPORT-1', file);
    expect(r.stdout).toContain('read 3, loaded 2, rejected 1');
    const again = await shuzhi('import', 'CLI-IMPORT-1', file);
    expect(again.stdout).toContain('already imported');
    await expect(shuzhi('import', 'NO-SUCH', file)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('NO-SUCH'),
    });
  }, 120_000);

  it('prints its version', async () => {
    expect((await shuzhi('version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 60_000);
});
