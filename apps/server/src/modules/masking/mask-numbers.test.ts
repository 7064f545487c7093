import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  maskBankCard,
  maskCreditCode,
  maskLandline,
  maskMobile,
  maskPassport,
  maskResidentId,
} from './mask-numbers.ts';
import { redact } from './redact.ts';

const digits = (min: number, max = min) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((a) => a.join(''));
const countDigits = (s: string) => (s.match(/\d/g) ?? []).length;
// Near-miss strings: digits, separators, stars and check letters in any order, to hunt for leaks.
const fuzz = fc.string({ unit: fc.constantFrom(...'0123456789 -+*()Xx#转'), maxLength: 24 });

/** Masking only ever replaces characters with `*`: it never moves or invents one. */
function onlyStars(input: string, output: string): boolean {
  const a = Array.from(input.trim());
  const b = Array.from(output);
  return a.length === b.length && b.every((c, i) => c === '*' || c === a[i]);
}

describe('maskResidentId', () => {
  const id18 = fc.tuple(digits(17), fc.constantFrom(...'0123456789Xx')).map(([b, c]) => b + c);

  it('keeps the region and the last 4 and never shows the birth date', () => {
    fc.assert(
      fc.property(id18, (id) => {
        const out = maskResidentId(id);
        expect(out).toHaveLength(18);
        expect(out.slice(0, 6)).toBe(id.slice(0, 6));
        expect(out.slice(6, 14)).toBe('********');
        expect(out.slice(14)).toBe(id.slice(14));
        expect(maskResidentId(out)).toBe(out);
      }),
    );
    expect(maskResidentId('33010619900512123X')).toBe('330106********123X');
  });

  it('keeps the region and the 3-digit sequence of a legacy 15-digit ID', () => {
    fc.assert(
      fc.property(digits(15), (id) => {
        expect(maskResidentId(id)).toBe(`${id.slice(0, 6)}******${id.slice(12)}`);
      }),
    );
  });

  it('shows at most 10 digits of anything and redacts what is not an ID', () => {
    fc.assert(
      fc.property(fuzz, (s) => {
        const out = maskResidentId(s);
        expect(countDigits(out)).toBeLessThanOrEqual(10);
        expect(out === redact(s) || onlyStars(s, out)).toBe(true);
      }),
    );
    expect(maskResidentId('33010619900512123')).toBe('*****************');
    expect(maskResidentId('A3010619900512123X')).toBe('******************');
  });
});

describe('maskMobile', () => {
  const mobile = digits(10).map((d) => `1${d}`);

  it('shows the first 3 and last 4 digits', () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom('', '+86 ', '+86-', '0086'), fc.boolean(), (m, prefix, spaced) => {
        const input = prefix + (spaced ? `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}` : m);
        const out = maskMobile(input);
        const national = out.slice(prefix.length).replace(/\s/g, '');
        expect(national).toBe(`${m.slice(0, 3)}****${m.slice(7)}`);
        expect(maskMobile(out)).toBe(out);
      }),
    );
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('never shows more than 7 digits of a national number', () => {
    fc.assert(
      fc.property(fuzz, (s) => {
        const out = maskMobile(s);
        const national = out.replace(/^(?:\+|00)?86[\s-]?(?=1)/, '');
        expect(countDigits(national)).toBeLessThanOrEqual(7);
      }),
    );
  });
});

describe('maskLandline', () => {
  it('keeps the area code and the last 2 digits in every written form', () => {
    const area = fc.constantFrom('010', '021', '0571', '0574', '0898');
    const forms = fc.constantFrom('a-s', '(a)s', 'as', 'a s', 'a-s-ext');
    fc.assert(
      fc.property(area, digits(7, 8), forms, (a, sub, form) => {
        const input = form.replace('a', a).replace('s', sub).replace('ext', '801');
        const out = maskLandline(input);
        expect(out.startsWith(form.startsWith('(') ? `(${a})` : a)).toBe(true);
        expect(out).toContain(`${'*'.repeat(sub.length - 2)}${sub.slice(-2)}`);
        expect(out).not.toContain('801');
        expect(onlyStars(input, out)).toBe(true);
        expect(maskLandline(out)).toBe(out);
      }),
    );
    expect(maskLandline('0571-88001234')).toBe('0571-******34');
    expect(maskLandline('88001234')).toBe('******34');
    expect(maskLandline('+86 571 88001234')).toBe('+86 571 ******34');
  });

  it('shows at most 8 digits (country code, area code, last 2) of anything', () => {
    fc.assert(
      fc.property(fuzz, (s) => {
        const out = maskLandline(s);
        expect(countDigits(out)).toBeLessThanOrEqual(8);
        expect(out === redact(s) || onlyStars(s, out)).toBe(true);
      }),
    );
  });
});

describe('maskBankCard', () => {
  it('shows the last 4 digits only, keeping the grouping', () => {
    fc.assert(
      fc.property(digits(12, 19), fc.boolean(), (card, grouped) => {
        const input = grouped ? (card.match(/.{1,4}/g) ?? []).join(' ') : card;
        const out = maskBankCard(input);
        expect(out.replace(/\s/g, '')).toBe('*'.repeat(card.length - 4) + card.slice(-4));
        expect(onlyStars(input, out)).toBe(true);
        expect(maskBankCard(out)).toBe(out);
      }),
    );
    expect(maskBankCard('6222 0212 3456 7890')).toBe('**** **** **** 7890');
  });

  it('shows at most 4 digits of anything', () => {
    fc.assert(
      fc.property(fuzz, (s) => {
        expect(countDigits(maskBankCard(s))).toBeLessThanOrEqual(4);
      }),
    );
  });
});

describe('maskCreditCode', () => {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const code = fc
    .array(fc.constantFrom(...alphabet), { minLength: 18, maxLength: 18 })
    .map((a) => a.join(''));

  it('keeps the first 8 characters and hides the organisation code and check character', () => {
    fc.assert(
      fc.property(code, (c) => {
        const out = maskCreditCode(c);
        expect(out).toBe(`${c.slice(0, 8)}${'*'.repeat(10)}`);
        expect(maskCreditCode(out)).toBe(out);
      }),
    );
    expect(maskCreditCode('91330100MA2XXXXX1B')).toBe('91330100**********');
    expect(maskCreditCode('91330100MA2XXXXX1')).toBe('*****************');
  });
});

describe('maskPassport', () => {
  it('keeps the first letter and the last 3', () => {
    fc.assert(
      fc.property(fc.constantFrom('E', 'G', 'EA', 'D', 'S'), digits(7, 8), (p, d) => {
        const input = p + d;
        const out = maskPassport(input);
        expect(out).toBe(`${input[0]}${'*'.repeat(input.length - 4)}${input.slice(-3)}`);
        expect(maskPassport(out)).toBe(out);
      }),
    );
    expect(maskPassport('E12345678')).toBe('E*****678');
    expect(maskPassport('12345678')).toBe('********');
  });

  it('never shows more than 4 characters of anything', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const out = maskPassport(s);
        expect(out.replace(/\*/g, '').length).toBeLessThanOrEqual(4);
      }),
    );
  });
});
