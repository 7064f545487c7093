/**
 * Personal-data detection throughput through the command line: `shuzhi classify FILE --json` on a
 * generated 100k-row, 25-column CSV (process start, streaming parse and detection), against the
 * library alone (classifyTable over the same rows already in memory), measured in the same run.
 *   npm run bench:classify -w apps/server -- [--rows 100000]
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { classifyTable, columnsOf } from '../src/modules/classify/index.ts';
import * as fx from '../src/modules/classify/test-fixtures.ts';
import { toCsv } from '../src/modules/classify/test-table.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(values.rows);
const run = promisify(execFile);
const shuzhi = new URL('../bin/shuzhi.js', import.meta.url).pathname;

type Column = [string, (r: () => number) => string];
const columns: Column[] = [
  ['身份证号', (r) => fx.residentId(r)],
  ['姓名', fx.personName],
  ['手机', fx.mobile],
  ['办公电话', fx.landline],
  ['银行卡号', (r) => fx.bankCard(r)],
  ['统一社会信用代码', fx.creditCode],
  ['护照号', fx.passport],
  ['车牌', fx.plate],
  ['邮箱', fx.email],
  ['住址', fx.address],
  ['出生日期', fx.birthDate],
  ['坐标', fx.coordinatePair],
  ['备注', (r) => (r() < 0.01 ? '联系电话13812345678' : '情况属实，已按规定办结。')],
  ['其他', fx.garbage],
  ...Array.from({ length: 11 }, (_, i): Column => [`指标${i}`, (r) => String(Math.floor(r() * 10_000))]),
];
const r = fx.rng(42);
const header = columns.map((c) => c[0]);
const rows = Array.from({ length: ROWS }, () => columns.map(([, make]) => make(r)));
const dir = mkdtempSync(join(tmpdir(), 'shuzhi-bench-classify-'));
const file = join(dir, 'people.csv');
writeFileSync(file, toCsv(header, rows));
const fileMb = statSync(file).size / 1048576;

const wall = async (f: () => Promise<unknown>) => {
  const t0 = performance.now();
  const out = await f();
  return { seconds: (performance.now() - t0) / 1000, out };
};

try {
  // Baseline: the detector alone, rows already parsed and in memory.
  let t0 = performance.now();
  const library = classifyTable(header, rows);
  const baselineS = (performance.now() - t0) / 1000;

  // What any command pays before reading a byte: Node, tsx and the CLI's modules.
  const startup = await wall(() => run(process.execPath, [shuzhi, 'version']));
  t0 = performance.now();
  const cli = await run(process.execPath, [shuzhi, 'classify', file, '--json'], { maxBuffer: 1 << 24 });
  const seconds = (performance.now() - t0) / 1000;

  // The command must reach the library's answer; a fast wrong one is no result.
  if (JSON.stringify(JSON.parse(cli.stdout)) !== JSON.stringify(columnsOf(library))) {
    process.stderr.write(`CLI and library disagree:\n${cli.stdout}\n`);
    process.exitCode = 1;
  }
  process.stderr.write(
    `${library.columns.filter((c) => c.type).length} personal columns, level ${library.level}; ` +
      `${fileMb.toFixed(1)} MB file; startup ${startup.seconds.toFixed(2)} s\n`,
  );
  console.log(
    JSON.stringify({
      bench: 'classify',
      rows: ROWS,
      columns: columns.length,
      rows_per_s: Math.round(ROWS / seconds),
      seconds: Number(seconds.toFixed(2)),
      startup_s: Number(startup.seconds.toFixed(2)),
      baseline_rows_per_s: Math.round(ROWS / baselineS),
      ratio: Number((baselineS / seconds).toFixed(3)),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
