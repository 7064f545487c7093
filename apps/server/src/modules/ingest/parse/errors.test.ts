import { describe, expect, it } from 'vitest';
import { fileErrorMessages, ParseError, rowErrorMessages, rowReason, valueErrorMessages } from './errors.ts';

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error catalogue', () => {
  it('gives every code a Chinese and an English text using the same parameters', () => {
    for (const table of [fileErrorMessages, rowErrorMessages, valueErrorMessages]) {
      for (const [code, t] of Object.entries(table)) {
        expect([code, /[\u4e00-\u9fff]/.test(t.zh), t.en.length > 0]).toEqual([code, true, true]);
        expect([code, placeholders(t.zh)]).toEqual([code, placeholders(t.en)]);
      }
    }
  });

  it('fills parameters and keeps the English text as the error message', () => {
    const err = new ParseError('unclosed_quote', { line: 7 });
    expect([err.message, err.zh, err.reason.code]).toEqual([
      'A quote opened in the record starting on line 7 is never closed',
      '从第 7 行开始的引号直到文件末尾都没有闭合',
      'unclosed_quote',
    ]);
    expect(rowReason('ragged_row', { expected: 3, actual: 2 }).en).toBe(
      'The row has 2 cells but the header has 3 columns',
    );
  });
});
