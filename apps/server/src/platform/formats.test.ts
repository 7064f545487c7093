import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, isValidResidentId, residentIdCheckChar } from './formats.ts';

const CREDIT = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('unified social credit code', () => {
  it('accepts codes completed with their check character and rejects any other last character', () => {
    const body = fc
      .array(fc.constantFrom(...CREDIT), { minLength: 17, maxLength: 17 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(body, fc.constantFrom(...CREDIT), (b, other) => {
        const check = creditCodeCheckChar(b)!;
        expect(isValidCreditCode(b + check)).toBe(true);
        if (other !== check) expect(isValidCreditCode(b + other)).toBe(false);
      }),
    );
  });
  it('checks a code computed by hand', () => {
    // 91330100MA2XXXXX1: weighted sum 3399, 3399 mod 31 = 20, (31 - 20) mod 31 = 11, alphabet[11] = 'B'.
    expect(creditCodeCheckChar('91330100MA2XXXXX1')).toBe('B');
    expect(isValidCreditCode('91330100MA2XXXXX1B')).toBe(true);
    expect(creditCodeCheckChar('91330100MA2XXXXXI')).toBeNull(); // I is outside the alphabet
    expect(isValidCreditCode('91330100MA2XXXXX1I')).toBe(false);
    expect(isValidCreditCode('short')).toBe(false);
  });
});

describe('resident id', () => {
  it('validates the check character and the birth date', () => {
    const body = '11010519491231002';
    expect(residentIdCheckChar(body)).toBe('X');
    expect(isValidResidentId(`${body}X`)).toBe(true);
    expect(isValidResidentId(`${body}1`)).toBe(false);
    expect(isValidResidentId('110105194902300021')).toBe(false); // 30 February
  });
});
