import { describe, expect, it } from 'vitest';
import { copyable, copyLines } from './datastore-copy.ts';
import type { StagePlan } from './datastore-stage.ts';

const COMMA = ','.charCodeAt(0);
const lines = (text: string) => Buffer.from(text, 'utf8');

describe('the COPY text of a piece', () => {
  it('puts each line’s row number in front and ends every line with LF, CR dropped', () => {
    const out = copyLines(lines('a,1\r\nb,2\r\nc,3'), 3, 41, [], COMMA, null).toString('utf8');
    expect(out).toBe('41,a,1\n42,b,2\n43,c,3\n');
  });

  it('leaves out the lines the coercion takes, numbering the others by their place in the file', () => {
    const out = copyLines(lines('a\nx\nb\n\nc'), 5, 2, [2, 4], COMMA, null).toString('utf8');
    expect(out).toBe('2,a\n4,b\n6,c\n');
    expect(copyLines(lines('x\ny'), 2, 2, [1, 2], COMMA, null).length).toBe(0);
  });

  it('keeps only the cells a field takes, empty ones included', () => {
    const keep = [true, false, true, false];
    const out = copyLines(lines('k1,skip,,tail\nk2,备注,值,x\r'), 2, 10, [], COMMA, keep).toString('utf8');
    expect(out).toBe('10,k1,\n11,k2,值\n');
  });

  it('carries multi-byte text whole, whatever the delimiter', () => {
    const tab = '\t'.charCodeAt(0);
    const out = copyLines(lines('浙江省\t杭州市\n𠀀\t;'), 2, 1_000_000_000_000, [], tab, null);
    expect(out.toString('utf8')).toBe('1000000000000\t浙江省\t杭州市\n1000000000001\t𠀀\t;\n');
  });
});

describe('which delimiters COPY reads as the plain path splits', () => {
  const plan = (delimiter: string): StagePlan => ({
    delimiter,
    width: 2,
    maxLineBytes: 1000,
    fields: [],
    cells: [],
  });
  it('takes one-byte delimiters and refuses the quote, digits and multi-byte ones', () => {
    for (const d of [',', ';', '\t', '|']) expect(copyable(plan(d))).toBe(true);
    for (const d of ['"', '1', '，', ';;']) expect(copyable(plan(d))).toBe(false);
  });
});
