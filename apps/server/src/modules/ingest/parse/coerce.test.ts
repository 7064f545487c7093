import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coerce, coerceBoolean, coerceDate, coerceDatetime, coerceDecimal, coerceInteger } from './coerce.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: { code: string } }) =>
  r.ok ? r.value : `!${r.reason.code}`;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const fullWidth = (s: string) =>
  s.replace(/[0-9,.+\-()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const validDate = fc
  .record({
    y: fc.integer({ min: 1000, max: 9999 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate());
const FORMATS: ((y: number, m: number, d: number) => string)[] = [
  (y, m, d) => `${y}-${pad(m)}-${pad(d)}`,
  (y, m, d) => `${y}/${m}/${d}`,
  (y, m, d) => `${y}.${m}.${d}`,
  (y, m, d) => `${y}${pad(m)}${pad(d)}`,
  (y, m, d) => `${y}年${m}月${d}日`,
  (y, m, d) => `${y}年${pad(m)}月${pad(d)}日`,
  (y, m, d) => ` ${y}-${m}-${d} `,
];

describe('coerce: blanks', () => {
  it('returns null for empty and whitespace-only input of every type', () => {
    for (const type of ['string', 'integer', 'decimal', 'boolean', 'date', 'datetime'] as const) {
      for (const raw of ['', '   ', '\u3000', '\t']) expect(value(coerce(raw, type))).toBeNull();
    }
  });

  it('trims strings and keeps their inner text', () => {
    expect(value(coerce('  杭州 市 ', 'string'))).toBe('杭州 市');
  });
});

describe('coerce: integers and decimals', () => {
  it('reads the ways government files write numbers', () => {
    const cases: [string, number | string][] = [
      ['1,234,567', 1234567],
      ['１２３', 123],
      ['+86', 86],
      ['  -42 ', -42],
      ['(1,234)', -1234],
      ['（１，２３４）', -1234],
      ['12.00', 12],
      ['-0', 0],
      ['007', 7],
      ['1,23', '!invalid_integer'],
      ['12.5', '!invalid_integer'],
      ['1e3', '!invalid_integer'],
      ['十二', '!invalid_integer'],
      ['9007199254740991', 9007199254740991],
      ['9007199254740992', '!integer_out_of_range'],
      ['-9,007,199,254,740,993', '!integer_out_of_range'],
    ];
    for (const [raw, want] of cases) expect([raw, value(coerceInteger(raw))]).toEqual([raw, want]);
  });

  it('keeps decimals exact as canonical strings', () => {
    const cases: [string, string][] = [
      ['1,234,567.89', '1234567.89'],
      ['0.1', '0.1'],
      ['.5', '0.5'],
      ['-0.00', '0.00'],
      ['(12.50)', '-12.50'],
      ['１２３．４５', '123.45'],
      ['123456789012345678901234.5678', '123456789012345678901234.5678'],
      ['1.2.3', '!invalid_decimal'],
      ['5.', '!invalid_decimal'],
      ['¥5', '!invalid_decimal'],
    ];
    for (const [raw, want] of cases) expect([raw, value(coerceDecimal(raw))]).toEqual([raw, want]);
  });

  it('round-trips safe integers written with thousands separators, signs and full-width digits', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.boolean(), (n, wide) => {
        const grouped = n.toLocaleString('en-US');
        const text = wide ? fullWidth(grouped) : grouped;
        expect(value(coerceInteger(text))).toBe(n === 0 ? 0 : n);
        if (n > 0) expect(value(coerceInteger(`(${text})`))).toBe(-n);
      }),
    );
  });

  it('round-trips decimals digit for digit', () => {
    const digits = (min: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: 30 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        digits(0),
        digits(1),
        fc.boolean(),
        (lead, rest, frac, neg) => {
          const text = `${neg ? '-' : ''}${lead}${rest}.${frac}`;
          expect(value(coerceDecimal(text))).toBe(text);
        },
      ),
    );
  });
});

describe('coerce: booleans', () => {
  it('reads Chinese and English yes/no words, any case and width', () => {
    const yes = ['是', '有', '对', 'Y', 'y', 'YES', 'Yes', 'true', 'TRUE', '1', '√', 'Ｙ'];
    const no = ['否', '无', '错', 'N', 'no', 'No', 'false', 'False', '0', '×'];
    for (const t of yes) expect([t, value(coerceBoolean(t))]).toEqual([t, true]);
    for (const f of no) expect([f, value(coerceBoolean(f))]).toEqual([f, false]);
    for (const bad of ['是的', '2', 'maybe', '不'])
      expect(value(coerceBoolean(bad))).toBe('!invalid_boolean');
  });
});

describe('coerce: dates', () => {
  it('parses a valid date written in any supported format back to the same ISO date', () => {
    fc.assert(
      fc.property(validDate, fc.constantFrom(...FORMATS), ({ y, m, d }, format) => {
        expect(value(coerceDate(format(y, m, d)))).toBe(`${y}-${pad(m)}-${pad(d)}`);
      }),
    );
  });

  it('rejects days that do not exist, in every format', () => {
    const impossible = fc
      .record({
        y: fc.integer({ min: 1000, max: 9999 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 29, max: 31 }),
      })
      .filter(({ y, m, d }) => d > new Date(Date.UTC(y, m, 0)).getUTCDate());
    fc.assert(
      fc.property(impossible, fc.constantFrom(...FORMATS), ({ y, m, d }, format) => {
        expect(value(coerceDate(format(y, m, d)))).toBe('!impossible_date');
      }),
    );
  });

  it('handles leap years and refuses nonsense', () => {
    expect(value(coerceDate('2024-02-29'))).toBe('2024-02-29');
    expect(value(coerceDate('2021-02-29'))).toBe('!impossible_date');
    expect(value(coerceDate('1900-02-29'))).toBe('!impossible_date');
    expect(value(coerceDate('2021-13-01'))).toBe('!impossible_date');
    expect(value(coerceDate('2021-7/6'))).toBe('!invalid_date');
    expect(value(coerceDate('06/07/2021'))).toBe('!invalid_date');
    expect(value(coerceDate('明天'))).toBe('!invalid_date');
    expect(value(coerceDate('２０２１年７月６日'))).toBe('2021-07-06');
  });

  it('accepts zone-less midnight timestamps from database exports, nothing later in the day', () => {
    expect(value(coerceDate('2021-07-06 00:00:00'))).toBe('2021-07-06');
    expect(value(coerceDate('2021-07-06T00:00'))).toBe('2021-07-06');
    expect(value(coerceDate('2021-07-06 08:00:00'))).toBe('!invalid_date');
    expect(value(coerceDate('2021-07-06T00:00:00Z'))).toBe('!invalid_date');
    expect(value(coerceDate('2021-02-30 00:00:00'))).toBe('!impossible_date');
  });

  it('reads Excel serial numbers only when the caller says the value came from a workbook', () => {
    expect(value(coerceDate('44383'))).toBe('!invalid_date');
    expect(value(coerceDate('44383', { excelSerial: true }))).toBe('2021-07-06');
    expect(value(coerceDate('1', { excelSerial: true }))).toBe('1900-01-01');
    expect(value(coerceDate('59', { excelSerial: true }))).toBe('1900-02-28');
    expect(value(coerceDate('60', { excelSerial: true }))).toBe('!impossible_date');
    expect(value(coerceDate('61', { excelSerial: true }))).toBe('1900-03-01');
    // An eight-digit number is a compact date before it is a serial.
    expect(value(coerceDate('20210706', { excelSerial: true }))).toBe('2021-07-06');
  });
});

describe('coerce: datetimes', () => {
  it('parses datetimes with T or space, seconds optional, assuming +08:00 without a zone', () => {
    const cases: [string, string][] = [
      ['2021-07-06 08:05', '2021-07-06T08:05:00+08:00'],
      ['2021-07-06T08:05:09', '2021-07-06T08:05:09+08:00'],
      ['2021/7/6 8:05:09.120', '2021-07-06T08:05:09.120+08:00'],
      ['2021年7月6日 8:05', '2021-07-06T08:05:00+08:00'],
      ['2021年7月6日8时5分6秒', '2021-07-06T08:05:06+08:00'],
      ['20210706 23:59:59', '2021-07-06T23:59:59+08:00'],
      ['2021-07-06T00:05:00Z', '2021-07-06T00:05:00+00:00'],
      ['2021-07-06T08:05:00+0800', '2021-07-06T08:05:00+08:00'],
      ['2021-07-06 08:05:00 -05:30', '2021-07-06T08:05:00-05:30'],
      ['2021-07-06', '2021-07-06T00:00:00+08:00'],
      ['2021-07-06 24:00', '!invalid_datetime'],
      ['2021-07-06 08:60', '!invalid_datetime'],
      ['2021-07-06 08:05+15:00', '!invalid_datetime'],
      ['2021-02-30 08:00', '!impossible_date'],
      ['08:05', '!invalid_datetime'],
    ];
    for (const [raw, want] of cases) expect([raw, value(coerceDatetime(raw))]).toEqual([raw, want]);
  });

  it('reads Excel serial datetimes as wall-clock time in the default zone', () => {
    expect(value(coerceDatetime('44383.5', { excelSerial: true }))).toBe('2021-07-06T12:00:00+08:00');
    expect(value(coerce('44383.25', 'datetime', { excelSerial: true, defaultOffset: '+00:00' }))).toBe(
      '2021-07-06T06:00:00+00:00',
    );
  });

  it('round-trips random datetimes', () => {
    const time = fc.record({
      h: fc.integer({ min: 0, max: 23 }),
      mi: fc.integer({ min: 0, max: 59 }),
      s: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(
      fc.property(
        validDate,
        time,
        fc.constantFrom(...FORMATS),
        fc.constantFrom(' ', 'T'),
        ({ y, m, d }, t, format, sep) => {
          const text = `${format(y, m, d).trim()}${sep}${t.h}:${pad(t.mi)}:${pad(t.s)}`;
          expect(value(coerceDatetime(text))).toBe(
            `${y}-${pad(m)}-${pad(d)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}+08:00`,
          );
        },
      ),
    );
  });
});

describe('coerce: reasons', () => {
  it('explains failures in Chinese and English', () => {
    const r = coerce('2021-02-30', 'date');
    expect(r).toEqual({
      ok: false,
      reason: {
        code: 'impossible_date',
        params: { value: '2021-02-30' },
        zh: '日期 2021-02-30 不存在',
        en: 'The date 2021-02-30 does not exist',
      },
    });
  });
});
