import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMPOUND_SURNAMES,
  maskCoordinates,
  maskDate,
  maskEmail,
  maskLicencePlate,
  maskPersonName,
} from './mask-personal.ts';
import { redact } from './redact.ts';

const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const hanText = (min: number, max: number) =>
  fc.array(han, { minLength: min, maxLength: max }).map((a) => a.join(''));

describe('maskPersonName', () => {
  it('keeps the surname only, compound surnames whole', () => {
    const surname = fc.oneof(han, fc.constantFrom(...COMPOUND_SURNAMES));
    fc.assert(
      fc.property(surname, hanText(1, 3), (sn, given) => {
        const name = sn + given;
        const out = maskPersonName(name);
        const chars = Array.from(name);
        const keep = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
        expect(out).toBe(chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep));
        expect(maskPersonName(out)).toBe(out);
      }),
    );
    expect(maskPersonName('王小明')).toBe('王**');
    expect(maskPersonName('王明')).toBe('王*');
    expect(maskPersonName('欧阳修')).toBe('欧阳*');
    expect(maskPersonName('诸葛孔明')).toBe('诸葛**');
    expect(maskPersonName('欧阳')).toBe('欧*');
    expect(maskPersonName('买买提·艾力')).toBe('买*****');
    expect(maskPersonName('Zhang San')).toBe('*********');
  });

  it('never shows more than two characters of anything', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), hanText(0, 6)), (s) => {
        const out = maskPersonName(s);
        expect(Array.from(out.replace(/\*/g, '')).length).toBeLessThanOrEqual(2);
        expect(out === redact(s) || Array.from(out).length === Array.from(s.trim()).length).toBe(true);
      }),
    );
  });
});

describe('maskEmail', () => {
  it('keeps the first character and the domain, hiding the length of the local part', () => {
    const local = fc.stringMatching(/^[a-z0-9._]{1,20}$/);
    const domain = fc.constantFrom('example.com', 'hz.gov.cn', 'mail.zj.cn');
    fc.assert(
      fc.property(local, domain, (l, d) => {
        const out = maskEmail(`${l}@${d}`);
        expect(out).toBe(`${l[0]}***@${d}`);
        expect(maskEmail(out)).toBe(out);
      }),
    );
    expect(maskEmail('not an email')).toBe(redact('not an email'));
  });
});

describe('maskDate', () => {
  it('keeps the year only, whatever the written form', () => {
    const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(date, fc.constantFrom('iso', 'slash', 'compact', 'han', 'datetime'), (d, form) => {
        const [y, m, day] = d.toISOString().slice(0, 10).split('-') as [string, string, string];
        const text = {
          iso: `${y}-${m}-${day}`,
          slash: `${y}/${Number(m)}/${Number(day)}`,
          compact: `${y}${m}${day}`,
          han: `${y}年${Number(m)}月${Number(day)}日`,
          datetime: d.toISOString(),
        }[form];
        expect(maskDate(text)).toBe(y);
        expect(maskDate(y)).toBe(y);
      }),
    );
    expect(maskDate('1990-13-01')).toBe('**********');
    expect(maskDate('yesterday')).toBe('*********');
  });
});

describe('maskLicencePlate', () => {
  it('keeps the province, the city letter and the last 2 of ordinary and new-energy plates', () => {
    const seq = fc.stringMatching(/^[A-HJ-NP-Z0-9]{5}$/);
    fc.assert(
      fc.property(
        fc.constantFrom('浙A', '京B', '粤Z'),
        fc.constantFrom('', '·', 'D', 'F'),
        seq,
        (head, mid, s) => {
          const plate = head + mid + s;
          const out = maskLicencePlate(plate);
          const tail = mid + s;
          const hidden = mid === '·' ? `·${'*'.repeat(3)}` : '*'.repeat(tail.length - 2);
          expect(out).toBe(head + hidden + tail.slice(-2));
          expect(maskLicencePlate(out)).toBe(out);
        },
      ),
    );
    expect(maskLicencePlate('浙AD12345')).toBe('浙A****45');
    expect(maskLicencePlate('浙A·12345')).toBe('浙A·***45');
    expect(maskLicencePlate('A12345')).toBe('******');
  });
});

describe('maskCoordinates', () => {
  const lng = fc.double({ min: 73, max: 135, noNaN: true });
  const lat = fc.double({ min: 3, max: 54, noNaN: true });

  it('rounds to 2 decimals, within 0.005 of the original, and is idempotent', () => {
    fc.assert(
      fc.property(lat, lng, fc.constantFrom(',', ', ', ' '), (a, b, sep) => {
        const input = `${a.toFixed(6)}${sep}${b.toFixed(6)}`;
        const out = maskCoordinates(input);
        const [x, y] = out.split(sep).map(Number) as [number, number];
        expect(out).toMatch(/^-?\d+\.\d{2}\D+-?\d+\.\d{2}$/);
        expect(Math.abs(x - Number(a.toFixed(6)))).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(y - Number(b.toFixed(6)))).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(maskCoordinates(out)).toBe(out);
      }),
    );
    expect(maskCoordinates('120.155071')).toBe('120.16');
    expect(maskCoordinates('POINT(120.155071 30.274151)')).toBe('POINT(120.16 30.27)');
    expect(maskCoordinates('999.1,30.1')).toBe('**********');
  });
});
