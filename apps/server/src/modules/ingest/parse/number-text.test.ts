import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainNumber } from './number-text.ts';

describe('plainNumber', () => {
  it('never uses exponents', () => {
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(-1.25e22)).toBe('-12500000000000000000000');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(-0)).toBe('0');
    expect(plainNumber(123.45)).toBe('123.45');
  });

  it('rounds to significant digits when asked, as spreadsheets show them', () => {
    expect(plainNumber(0.1 + 0.2, 15)).toBe('0.3');
    expect(plainNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(plainNumber(123456789012345680, 15)).toBe('123456789012346000');
  });

  it('always gives back the same number, in plain digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = plainNumber(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});
