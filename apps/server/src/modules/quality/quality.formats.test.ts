import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, residentIdCheckChar } from '../../platform/formats.ts';
import { creditCodeVerdict, mobileVerdict, residentIdVerdict } from './quality.formats.ts';

const strict = { allowLegacy15: false, acceptLowercaseX: false, checkAreaCode: true };
const id = (v: string, o: Partial<typeof strict> = {}) =>
  residentIdVerdict(v, { ...strict, ...o }, new Date('2026-11-30T12:00:00Z'));

describe('resident ID rule (GB 11643)', () => {
  it('passes valid numbers, a check character X included (the standard’s own examples)', () => {
    expect(id('11010519491231002X')).toBeNull();
    expect(id('440524188001010014')).toBeNull();
    expect(id('33010619900101123X')).toBeNull();
    expect(id(' 33010619850615002X\u3000')).toBeNull();
  });

  it('fails look-alikes with the reason: wrong check character, lowercase x, impossible or future birth date', () => {
    expect(id('110105194912310021')).toBe('check_char');
    expect(id('11010519491231002x')).toBe('lowercase_x');
    expect(id('11010519491231002x', { acceptLowercaseX: true })).toBeNull();
    // A lowercase x that is also the wrong check character is a wrong check character first.
    expect(id(`${'110105194912310031'.slice(0, 17)}x`)).toBe('check_char');
    expect(id('110105194902300021')).toBe('birth_date'); // 30 February
    expect(id('33010620990101001X')).toBe('birth_date'); // born in 2099
    expect(id('330106202612010011')).toBe('birth_date'); // tomorrow-ish: after 30 Nov 2026
  });

  it('fails wrong lengths and characters as format errors', () => {
    for (const v of [
      '33010619900101123',
      '3301061990010112345',
      '33010619900101123Y',
      '3301061990O101123X',
      '',
    ])
      expect(id(v)).toBe('format');
  });

  it('checks the province and retired area codes against the birth year', () => {
    expect(id('990105194912310023')).toBe('area_code');
    expect(id('990105194912310023', { checkAreaCode: false })).toBeNull();
    // 下城区 (330103) was merged into 拱墅区 in 2021: valid for people born up to then, not after.
    expect(id('330103199003070023')).toBeNull();
    expect(id('330103202201050036')).toBe('area_retired');
    // 萧山县 (330121) became 萧山市 in 1988; 余杭市 (330184) became 余杭区 in 2001.
    expect(id('330121198001010017')).toBeNull();
    expect(id('330121199501010018')).toBe('area_retired');
    expect(id('330184199601010010')).toBeNull();
    expect(id('330184200201010017')).toBe('area_retired');
    // Codes outside the retired list are accepted whatever the year (people keep their first number).
    expect(id('330106199001011230'.slice(0, 17) + residentIdCheckChar('33010619900101123'))).toBeNull();
  });

  it('refuses 15-digit first-generation numbers unless allowed, then checks their birth date', () => {
    expect(id('330106800101123')).toBe('legacy_15');
    expect(id('330106800101123', { allowLegacy15: true })).toBeNull();
    expect(id('330106801301123', { allowLegacy15: true })).toBe('birth_date');
    expect(id('99010680010112X', { allowLegacy15: true })).toBe('format');
  });

  it('accepts every 17-digit body completed with its check character, and no other last character', () => {
    const body = fc
      .tuple(
        fc.constantFrom('330106', '330102', '110105', '440524'),
        fc.date({ min: new Date('1950-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(
        ([area, d, seq]) =>
          `${area}${d.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`,
      );
    fc.assert(
      fc.property(body, fc.constantFrom(...'0123456789X'), (b, other) => {
        const check = residentIdCheckChar(b) as string;
        expect(id(b + check)).toBeNull();
        if (other !== check) expect(id(b + other)).toBe('check_char');
      }),
    );
  });
});

describe('credit code rule (GB 32100)', () => {
  const cc = (v: string, acceptLowercase = false) => creditCodeVerdict(v, { acceptLowercase });

  it('passes valid codes of enterprises, institutions and individual businesses', () => {
    expect(cc('91330106MA2CFQ7L0C')).toBeNull();
    expect(cc('12330000002482071N')).toBeNull();
    expect(cc('93330110MA28AB1CDX')).toBeNull();
    expect(cc('91330100MA2XXXXX1B')).toBeNull();
  });

  it('fails a wrong check character, lowercase letters, letters outside the alphabet and wrong shapes', () => {
    expect(cc('91330106MA2CFQ7L0D')).toBe('check_char');
    expect(cc('91330106MA2CFQ7L00')).toBe('check_char');
    expect(cc('91330106ma2cfq7l0c')).toBe('lowercase');
    expect(cc('91330106ma2cfq7l0c', true)).toBeNull();
    expect(cc('91330106MA2CFQ7LOC')).toBe('format'); // O is not in the code alphabet
    expect(cc('91330106MA2CFQ7L0I')).toBe('format'); // nor is I
    expect(cc('01330106MA2CFQ7L0C')).toBe('format'); // no registration authority 0
    expect(cc('9133010AMA2CFQ7L0C')).toBe('format'); // the area code is digits
    expect(cc('91330106MA2CFQ7L0')).toBe('format');
  });

  it('accepts every body completed with its check character', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const body = fc
      .tuple(
        fc.constantFrom('9', '1', '5', 'Y'),
        fc.constantFrom('1', '2', '3'),
        fc.array(fc.constantFrom(...alphabet), { minLength: 9, maxLength: 9 }),
      )
      .map(([a, c, rest]) => `${a}${c}330106${rest.join('')}`);
    fc.assert(
      fc.property(body, (b) => {
        expect(cc(b + creditCodeCheckChar(b))).toBeNull();
      }),
    );
  });
});

describe('mobile rule (MIIT numbering)', () => {
  const m = (v: string, allowFormatting = false) => mobileVerdict(v, { allowFormatting });

  it('passes numbers in allocated blocks', () => {
    for (const v of [
      '13812345678',
      '14512345678',
      '16612345678',
      '17012345678',
      '19212345678',
      '19912345678',
    ])
      expect(m(v), v).toBeNull();
  });

  it('fails unallocated prefixes as such, and anything not 11 digits as format', () => {
    for (const v of [
      '12012345678',
      '14012345678',
      '15412345678',
      '16012345678',
      '17912345678',
      '19412345678',
    ])
      expect(m(v), v).toBe('prefix');
    for (const v of ['1381234567', '138123456789', '23812345678', '1381234567a'])
      expect(m(v), v).toBe('format');
  });

  it('takes +86, spaces and dashes only when formatting is allowed', () => {
    for (const v of ['+8613812345678', '138 1234 5678', '138-1234-5678']) {
      expect(m(v)).toBe('format');
      expect(m(v, true)).toBeNull();
    }
  });
});
