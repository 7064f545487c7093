import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_DATASETS } from '../demo/datasets/index.ts';

const run = promisify(execFile);
const main = new URL('../main.ts', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'shuzhi-cli-demo-'));
const filesDir = join(dataDir, 'files');
// Always the embedded database in its own folder, whatever the suite runs against.
const env = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  SHUZHI_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
};
const shuzhi = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', main, ...args], { env, timeout: 240_000 });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('shuzhi demo', () => {
  it('explains itself in both languages and refuses a city on the embedded database', async () => {
    const help = (await shuzhi('demo', '--help')).stdout;
    expect(help).toContain('生成合成的杭州');
    expect(help).toContain('generate a synthetic Hangzhou');
    expect(help).toContain('--keep-files');
    await expect(shuzhi('demo', '--scale', 'city')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/面向 PostgreSQL.*is meant for PostgreSQL: set DATABASE_URL/s),
    });
    await expect(shuzhi('demo', '--scale', 'town')).rejects.toMatchObject({
      stderr: expect.stringContaining('scale must be one of small, district, city'),
    });
    await expect(shuzhi('demo', '--persons', '5')).rejects.toMatchObject({
      stderr: expect.stringContaining('persons must be a whole number from 100'),
    });
  }, 120_000);

  it('seeds a small city once, keeping its files, and skips it the next time', async () => {
    const first = await shuzhi('demo', '--scale', 'small', '--persons', '150', '--keep-files', filesDir);
    expect(first.stdout).toContain('demo city ready (small, 150 人 / persons');
    expect(first.stdout).toContain(`${DEMO_DATASETS.length} 个数据集 / datasets`);
    const files = readdirSync(filesDir).sort();
    expect(files).toEqual(DEMO_DATASETS.map((d) => `${d.entry.code}.csv`).sort());
    // What a department would export: a byte-order mark and the Chinese column titles.
    const hukou = readFileSync(join(filesDir, 'GA-RK-001.csv'), 'utf8');
    expect(hukou.startsWith('\uFEFF公民身份号码,姓名,性别,出生日期')).toBe(true);

    const again = await shuzhi('demo', '--scale', 'small', '--persons', '150');
    expect(again.stdout).toContain('demo city already loaded');
    await expect(shuzhi('demo', '--scale', 'small')).rejects.toMatchObject({
      stderr: expect.stringContaining('already holds other demo data (scale small, 150 persons)'),
    });
  }, 480_000);
});
