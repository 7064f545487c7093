import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralise, neutraliseRow } from './spreadsheet-safety.ts';

describe('neutralise', () => {
  it('prefixes values that a spreadsheet would run as formulas', () => {
    for (const v of [
      '=1+1',
      '+86 138',
      '-12.5',
      '@SUM(A1)',
      '\t=cmd',
      '\rx',
      '=HYPERLINK("http://x","点我")',
    ]) {
      expect(neutralise(v)).toBe(`'${v}`);
    }
  });

  it('leaves other values alone', () => {
    for (const v of ['', '张三', '12.5', "'=already", ' =1', 'a=b', '１２']) expect(neutralise(v)).toBe(v);
  });

  it('keeps plain numbers intact in numeric columns, but not formulas hiding there', () => {
    expect(neutralise('-12.5', { numeric: true })).toBe('-12.5');
    expect(neutralise('+86', { numeric: true })).toBe('+86');
    expect(neutralise('-1+cmd|calc', { numeric: true })).toBe("'-1+cmd|calc");
    expect(neutralise('=1', { numeric: true })).toBe("'=1");
  });

  it('never lets a dangerous first character through, and only ever adds one quote', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (v, numeric) => {
        const out = neutralise(v, { numeric });
        expect(out === v || out === `'${v}`).toBe(true);
        if (out === v && v !== '' && !numeric) expect('=+-@\t\r').not.toContain(v[0]);
      }),
    );
  });

  it('applies per column over a row', () => {
    expect(neutraliseRow(['-1', '-1', '=x'], new Set([1]))).toEqual(["'-1", '-1', "'=x"]);
  });
});
