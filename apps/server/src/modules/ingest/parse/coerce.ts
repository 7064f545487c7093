import { type Coerced, coerceDate, coerceDatetime, type DateOptions } from './coerce-date.ts';
import { type ValueErrorCode, valueReason } from './errors.ts';
import { normaliseText } from './normalise-text.ts';

export type { Coerced, DateOptions } from './coerce-date.ts';
export { coerceDate, coerceDatetime } from './coerce-date.ts';
export { normaliseText } from './normalise-text.ts';

export type FieldType = 'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime';
export type CoerceOptions = DateOptions;
export type CoercedValue = string | number | boolean | null;

const fail = (code: ValueErrorCode, value: string): Coerced<never> => ({
  ok: false,
  reason: valueReason(code, { value }),
});

type Num = { negative: boolean; int: string; frac: string };

/**
 * Numbers with an optional sign, `(1,234)` accounting negatives, and thousands separators that
 * must group by three (so `1,23` is refused rather than read as 123).
 */
function parseNumber(text: string): Num | null {
  let s = text;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!.trim();
  } else if (s[0] === '+' || s[0] === '-') {
    negative = s[0] === '-';
    s = s.slice(1).trimStart();
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const int = (m[1] ?? '0').replace(/,/g, '').replace(/^0+(?=\d)/, '');
  return { negative, int, frac: m[2] ?? '' };
}

/** A safe integer; `12.00` is accepted because spreadsheets format whole numbers that way. */
export function coerceInteger(raw: string): Coerced<number | null> {
  const text = normaliseText(raw);
  if (text === '') return { ok: true, value: null };
  const n = parseNumber(text);
  if (!n || /[1-9]/.test(n.frac)) return fail('invalid_integer', raw.trim());
  const value = Number(n.int) * (n.negative ? -1 : 1);
  if (!Number.isSafeInteger(value)) return fail('integer_out_of_range', raw.trim());
  return { ok: true, value: value === 0 ? 0 : value };
}

/** An exact decimal as a canonical string for PostgreSQL `numeric`; binary floats never touch it. */
export function coerceDecimal(raw: string): Coerced<string | null> {
  const text = normaliseText(raw);
  if (text === '') return { ok: true, value: null };
  const n = parseNumber(text);
  if (!n) return fail('invalid_decimal', raw.trim());
  const digits = n.frac ? `${n.int}.${n.frac}` : n.int;
  const zero = !/[1-9]/.test(digits);
  return { ok: true, value: n.negative && !zero ? `-${digits}` : digits };
}

const TRUE_WORDS = new Set(['是', '有', '对', '√', 'y', 'yes', 'true', 't', '1']);
const FALSE_WORDS = new Set(['否', '无', '错', '×', 'n', 'no', 'false', 'f', '0']);

export function coerceBoolean(raw: string): Coerced<boolean | null> {
  const text = normaliseText(raw).toLowerCase();
  if (text === '') return { ok: true, value: null };
  if (TRUE_WORDS.has(text)) return { ok: true, value: true };
  if (FALSE_WORDS.has(text)) return { ok: true, value: false };
  return fail('invalid_boolean', raw.trim());
}

/**
 * Converts one cell to its field type. Blank input is `null` for every type: whether a value is
 * required is the caller's rule, not a parsing failure. Strings are trimmed, since stray spaces
 * from spreadsheets otherwise break key matching.
 */
export function coerce(raw: string, type: FieldType, opts: CoerceOptions = {}): Coerced<CoercedValue> {
  switch (type) {
    case 'string': {
      const text = raw.trim();
      return { ok: true, value: text === '' ? null : text };
    }
    case 'integer':
      return coerceInteger(raw);
    case 'decimal':
      return coerceDecimal(raw);
    case 'boolean':
      return coerceBoolean(raw);
    case 'date':
      return coerceDate(raw, opts);
    case 'datetime':
      return coerceDatetime(raw, opts);
  }
}
