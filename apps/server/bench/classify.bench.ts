/**
 * Personal-data detection throughput: classifyTable over a 100k-row, 25-column table of realistic
 * values, against a baseline pass that only touches every cell, measured in the same run.
 *   npm run bench:classify -w apps/server -- [--rows 100000]
 */
import { parseArgs } from 'node:util';
import { classifyTable } from '../src/modules/classify/index.ts';
import * as fx from '../src/modules/classify/test-fixtures.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(values.rows);

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

let t0 = performance.now();
let cells = 0;
for (const row of rows) for (const v of row) cells += v.length > 0 ? 1 : 0;
const baselineS = (performance.now() - t0) / 1000;

t0 = performance.now();
const result = classifyTable(header, rows);
const seconds = (performance.now() - t0) / 1000;
process.stderr.write(
  `${result.columns.filter((c) => c.type).length} personal columns, level ${result.level}\n`,
);
console.log(
  JSON.stringify({
    bench: 'classify',
    rows: ROWS,
    columns: columns.length,
    rows_per_s: Math.round(ROWS / seconds),
    seconds: Number(seconds.toFixed(2)),
    baseline_cells_per_s: Math.round(cells / baselineS),
  }),
);
