import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField, writeCsv } from './csv-writer.ts';
import { generatePersons } from './persons.ts';

const dir = mkdtempSync(join(tmpdir(), 'shuzhi-demo-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('csvField', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('杭州市')).toBe('杭州市');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvField('a;b', ';')).toBe('"a;b"');
  });
});

describe('writeCsv', () => {
  it('writes awkward values that parse back exactly, with a BOM', async () => {
    const rows = [
      { id: '1', text: '逗号,引号"和\r\n换行', n: 3, empty: null },
      { id: '2', text: ' 前后空格 ', n: 0, empty: '' },
    ];
    const file = join(dir, 'awkward.csv');
    const result = await writeCsv(file, rows, { bom: true });
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(result.bytes).toBe(bytes.length);
    const parsed = parse(bytes, { bom: true, columns: true });
    expect(parsed).toEqual([
      { id: '1', text: '逗号,引号"和\r\n换行', n: '3', empty: '' },
      { id: '2', text: ' 前后空格 ', n: '0', empty: '' },
    ]);
  });

  it('streams many persons from an async source and reads them back', async () => {
    const file = join(dir, 'persons.csv');
    const source = async function* () {
      yield* generatePersons('csv', 30_000);
    };
    const result = await writeCsv(file, source(), { eol: '\n' });
    expect(result.rows).toBe(30_000);
    const parsed = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(30_000);
    const expected = [...generatePersons('csv', 30_000)];
    for (const i of [0, 1, 777, 29_999]) {
      const want = Object.fromEntries(
        Object.entries(expected[i] as object).map(([k, v]) => [k, v === null ? '' : String(v)]),
      );
      expect(parsed[i]).toEqual(want);
    }
  });

  it('honours a column order and writes a header for no rows', async () => {
    const file = join(dir, 'empty.csv');
    const result = await writeCsv(file, [], { columns: ['b', 'a'] });
    expect(result.rows).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('b,a\r\n');
    const picked = join(dir, 'picked.csv');
    await writeCsv(picked, [{ a: 1, b: 2, c: 3 }], { columns: ['c', 'a'], header: false });
    expect(readFileSync(picked, 'utf8')).toBe('3,1\r\n');
  });

  it('rejects when the file cannot be written', async () => {
    await expect(writeCsv(join(dir, 'missing-dir', 'x.csv'), [{ a: 1 }])).rejects.toThrow();
  });
});
