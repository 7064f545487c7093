import type { DatasetField } from '@shuzhi/contracts';
import { describe, expect, it } from 'vitest';
import { canonicalLine, irregularLines, type StagePlan } from './datastore-stage.ts';

const field = (name: string, type: DatasetField['type'], key = false) =>
  ({ name, title: name, type, key, sensitivity: 'none' }) as DatasetField;

/** key, text, date, datetime, integer, decimal, boolean; the last cell of the line is not mapped. */
const plan = (delimiter: string): StagePlan => ({
  delimiter,
  width: 8,
  maxLineBytes: 300,
  fields: [
    field('id', 'string', true),
    field('name', 'string'),
    field('born', 'date'),
    field('seen', 'datetime'),
    field('n', 'integer'),
    field('x', 'decimal'),
    field('ok', 'boolean'),
  ],
  cells: [1, 2, 3, 4, 5, 6, 7],
});

const good = ['K1', '王 小明', '2000-02-29', '2024-05-03T17:13:47.5+08:00', '-12', '0.50', 'true', ' 任意 '];
/** One cell of `good` replaced, and whether the line stays canonical. */
const cases: [number, string, boolean][] = [
  [0, '', false], // a key is never null
  [1, '', true],
  [1, ' 李华', false], // the coercion trims
  [1, '李华\t', false],
  [2, '1900-02-29', false], // not a leap year
  [2, '2400-02-29', true],
  [2, '2021-04-31', false],
  [2, '2021-12-31', true],
  [2, '0999-01-01', false],
  [2, '2021/1/1', false],
  [3, '2024-05-03T24:00:00Z', false],
  [3, '2024-05-03T23:59:59Z', true],
  [3, '2024-05-03T17:13:47.1234567Z', false],
  [4, '1234567890123456', false], // beyond 15 digits
  [4, '+5', false],
  [5, '.5', false],
  [6, 'Yes', false],
  [6, 'n', true],
  [7, '', true],
];

describe('canonical lines', () => {
  for (const delimiter of [',', '|', '\t', ';']) {
    it(`are told from the others with ${JSON.stringify(delimiter)} as delimiter`, () => {
      const re = canonicalLine(plan(delimiter));
      const lines = cases.map(([i, v]) => good.map((c, j) => (j === i ? v : c)).join(delimiter));
      const piece = [good.join(delimiter), ...lines, `${good.join(delimiter)}\r`].join('\n');
      const irregular = irregularLines(piece, re, 300).map((x) => x.n);
      const expected = cases.flatMap(([, , ok], k) => (ok ? [] : [k + 2]));
      expect(irregular).toEqual(expected);
    });
  }

  it('refuses ragged, blank and overlong lines, and hands back their text', () => {
    const p = plan(',');
    const re = canonicalLine(p);
    const lines = [
      good.slice(0, 7).join(','),
      '',
      [...good, 'x'].join(','),
      `${good.join(',')}${'长'.repeat(100)}`,
    ];
    const found = irregularLines(lines.join('\n'), re, p.maxLineBytes);
    expect(found).toEqual(lines.map((text, i) => ({ n: i + 1, text })));
  });
});
