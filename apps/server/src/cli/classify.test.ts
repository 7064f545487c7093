import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedColumns, knownTable, toCsv } from '../modules/classify/test-table.ts';

const run = promisify(execFile);
const main = new URL('../main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'shuzhi-classify-'));
const dataDir = join(dir, 'data');
// A data folder of its own: the command must leave it empty, proving it never opened a database.
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SHUZHI_DATA_DIR: dataDir };
const shuzhi = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', main, ...args], { env, timeout: 60_000 });
const failing = async (...args: string[]) => {
  const e = (await shuzhi(...args).then(
    () => {
      throw new Error(`shuzhi ${args.join(' ')} should have failed`);
    },
    (err: unknown) => err,
  )) as { code: number; stdout: string; stderr: string };
  return e;
};

const table = knownTable(200);
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  const csv = toCsv(table.header, table.rows);
  writeFileSync(file('people.csv'), `\uFEFF${csv}`);
  writeFileSync(file('people-gbk.csv'), iconv.encode(csv, 'gb18030'));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('人员');
  sheet.addRow(table.header);
  const birth = table.header.indexOf('出生日期');
  const amount = table.header.indexOf('金额');
  for (const row of table.rows) {
    // Real cell types, as a department's export has them: dates as dates, amounts as numbers.
    sheet.addRow(
      row.map((v, j) => (j === birth ? new Date(`${v}T00:00:00Z`) : j === amount ? Number(v) : v)),
    );
  }
  sheet.getColumn(birth + 1).numFmt = 'yyyy-mm-dd';
  await book.xlsx.writeFile(file('people.xlsx'));
  writeFileSync(file('notes.pdf'), '%PDF-1.4');
  writeFileSync(file('broken.xlsx'), 'this is not a workbook');
  writeFileSync(file('empty.csv'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shuzhi classify', () => {
  it('prints exactly the JSON array of the contract for a UTF-8 CSV, and nothing else', async () => {
    const r = await shuzhi('classify', file('people.csv'), '--json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(out)).toBe(true);
    for (const c of out) {
      expect(Object.keys(c)).toEqual(['column', 'type', 'confidence', 'sensitivity', 'level']);
      expect(typeof c.confidence).toBe('number');
      expect(c.confidence).toBeGreaterThanOrEqual(0.5);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(Math.round((c.confidence as number) * 100)).toBeCloseTo((c.confidence as number) * 100, 9);
    }
    expect(out.map(({ confidence: _, ...c }) => c)).toEqual(expectedColumns());
    expect(readdirSync(dir)).not.toContain('data');
  }, 60_000);

  it('gives the same answer for the same table as GBK CSV and as XLSX with typed cells', async () => {
    const utf8 = (await shuzhi('classify', file('people.csv'), '--json')).stdout;
    const gbk = await shuzhi('classify', file('people-gbk.csv'), '--json');
    expect(gbk.stdout).toBe(utf8);
    const xlsx = await shuzhi('classify', file('people.xlsx'), '--json');
    expect(xlsx.stderr).toBe('');
    expect(JSON.parse(xlsx.stdout)).toEqual(JSON.parse(utf8));
  }, 90_000);

  it('prints a bilingual table with the suggested level, and honours --sample', async () => {
    const r = await shuzhi('classify', file('people-gbk.csv'));
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^列 Column\s+类型 Type\s+置信度 Confidence\s+敏感度 Sensitivity\s+级别 Level$/);
    expect(lines.find((l) => l.startsWith('公民身份号码'))).toMatch(
      /身份证号 resident_id\s+1\.00\s+中 medium\s+L3$/,
    );
    expect(lines.find((l) => l.startsWith('金额'))).toMatch(/— 无个人信息 none\s+\d\.\d\d\s+无 none\s+L1$/);
    expect(r.stdout).toContain('建议数据集分级 / suggested dataset level: L3');
    expect(r.stdout).toContain('examined 200 rows, skipped 0');
    const sampled = await shuzhi('classify', file('people.csv'), '--sample', '20');
    expect(sampled.stdout).toContain('examined 20 rows');
    expect((await failing('classify', file('people.csv'), '--sample', '0')).stderr).toContain(
      'must be a positive integer',
    );
  }, 90_000);

  it('explains in both languages, with exit code 1, why a file cannot be classified', async () => {
    const cases: [string, string, string][] = [
      [file('missing.csv'), '找不到文件', 'no such file'],
      [file('notes.pdf'), '不支持的文件格式：notes.pdf', 'Unsupported file format: notes.pdf'],
      [file('broken.xlsx'), '不是有效的 XLSX 工作簿', 'not a valid XLSX workbook'],
      [file('empty.csv'), '文件为空或没有表头', 'The file is empty or has no header row'],
      [dir, '是目录', 'is a directory'],
    ];
    for (const [path, zh, en] of cases) {
      const e = await failing('classify', path, '--json');
      expect.soft(e.code, path).toBe(1);
      expect.soft(e.stdout, path).toBe('');
      expect.soft(e.stderr, path).toContain(zh);
      expect.soft(e.stderr, path).toContain(en);
    }
    expect(readdirSync(dir)).not.toContain('data');
  }, 120_000);
});
