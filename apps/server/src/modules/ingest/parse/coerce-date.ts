import { type Reason, type ValueErrorCode, valueReason } from './errors.ts';
import { normaliseText } from './normalise-text.ts';

export type Coerced<T> = { ok: true; value: T } | { ok: false; reason: Reason<ValueErrorCode> };
export type DateOptions = {
  /** Read bare numbers as Excel serial dates; only sensible for values that came from a workbook. */
  excelSerial?: boolean;
  /** Offset given to datetimes written without one. Default `+08:00` (Asia/Shanghai, no DST). */
  defaultOffset?: string;
};

type Ymd = { y: number; m: number; d: number };

const DAY_MS = 86_400_000;
// Excel's day 0 is 1899-12-31 but it counts a 29 February 1900 that never was; from serial 61 on,
// counting from 1899-12-30 absorbs that phantom day.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ok = <T>(value: T): Coerced<T> => ({ ok: true, value });
const fail = (code: ValueErrorCode, value: string): Coerced<never> => ({
  ok: false,
  reason: valueReason(code, { value }),
});

export const isoDate = ({ y, m, d }: Ymd) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const DATE_PATTERNS = [
  /^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})$/,
  /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/,
  /^(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号]$/,
];

/** `null`: no date shape; `false`: a date shape naming a day that does not exist. */
function parseYmd(text: string): Ymd | null | false {
  for (const pattern of DATE_PATTERNS) {
    const g = pattern.exec(text)?.groups;
    if (!g) continue;
    const ymd = { y: Number(g.y), m: Number(g.m), d: Number(g.d) };
    const valid =
      ymd.y >= 1000 && ymd.m >= 1 && ymd.m <= 12 && ymd.d >= 1 && ymd.d <= daysInMonth(ymd.y, ymd.m);
    return valid ? ymd : false;
  }
  return null;
}

function excelSerialMs(text: string): number | null | false {
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const serial = Number(text);
  if (serial < 1 || serial >= EXCEL_MAX_SERIAL + 1) return false;
  if (Math.floor(serial) === 60) return false; // the phantom 1900-02-29
  const days = serial < 60 ? serial + 1 : serial;
  return Math.round((EXCEL_EPOCH_MS + days * DAY_MS) / 1000) * 1000;
}

const TIME =
  /^(?<h>\d{1,2})(?::(?<mi>\d{2})(?::(?<s>\d{2})(?:\.(?<f>\d{1,9}))?)?|[时点](?:(?<cmi>\d{1,2})分(?:(?<cs>\d{1,2})秒)?)?)$/;
const DATETIME =
  /^(?<date>.+?)(?:T|\s+|(?<=[日号]))(?<time>\d{1,2}(?::\d{2}(?::\d{2}(?:\.\d{1,9})?)?|[时点](?:\d{1,2}分(?:\d{1,2}秒)?)?))\s*(?<tz>Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseOffset(tz: string): string | null {
  if (tz.toUpperCase() === 'Z') return '+00:00';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(tz);
  if (!m) return null;
  const h = Number(m[2]);
  const mi = Number(m[3] ?? '0');
  return h <= 14 && mi < 60 ? `${m[1]}${pad(h)}:${pad(mi)}` : null;
}

type Parts = { ymd: Ymd; h: number; mi: number; s: number; fraction: string; tz: string | undefined };

/** Splits a date-and-time text; the code names the failure when it is not one. */
function parseDatetimeParts(text: string): Parts | ValueErrorCode {
  const g = DATETIME.exec(text)?.groups;
  if (!g) return 'invalid_datetime';
  const ymd = parseYmd(g.date!.trim());
  if (ymd === false) return 'impossible_date';
  const t = TIME.exec(g.time!)?.groups;
  if (!ymd || !t) return 'invalid_datetime';
  const h = Number(t.h);
  const mi = Number(t.mi ?? t.cmi ?? '0');
  const s = Number(t.s ?? t.cs ?? '0');
  if (h > 23 || mi > 59 || s > 59) return 'invalid_datetime';
  // PostgreSQL keeps microseconds; finer digits would be rounded there anyway.
  const fraction = t.f && /[1-9]/.test(t.f) ? `.${t.f.slice(0, 6)}` : '';
  return { ymd, h, mi, s, fraction, tz: g.tz };
}

/** Dates as government files write them, returned as ISO `YYYY-MM-DD`. */
export function coerceDate(raw: string, opts: DateOptions = {}): Coerced<string | null> {
  const text = normaliseText(raw);
  if (text === '') return ok(null);
  const ymd = parseYmd(text);
  if (ymd) return ok(isoDate(ymd));
  if (ymd === false) return fail('impossible_date', text);
  if (opts.excelSerial && /^\d+(\.0+)?$/.test(text)) {
    const ms = excelSerialMs(text);
    if (ms) return ok(new Date(ms).toISOString().slice(0, 10));
    if (ms === false) return fail('impossible_date', text);
  }
  // Database exports write dates as zone-less midnight timestamps; any other time is not a plain date.
  const parts = parseDatetimeParts(text);
  if (parts === 'impossible_date') return fail(parts, text);
  if (typeof parts === 'object' && !parts.tz && parts.h + parts.mi + parts.s === 0 && !parts.fraction) {
    return ok(isoDate(parts.ymd));
  }
  return fail('invalid_date', text);
}

/**
 * Date and time, with `T` or a space (or nothing after 日), `HH:mm[:ss[.fff]]` or `8时5分[6秒]`,
 * and an optional zone; without one the default offset applies. Returned as ISO 8601 with offset.
 * A bare date means its midnight.
 */
export function coerceDatetime(raw: string, opts: DateOptions = {}): Coerced<string | null> {
  const text = normaliseText(raw);
  if (text === '') return ok(null);
  const offset = opts.defaultOffset ?? '+08:00';
  const ymdOnly = parseYmd(text);
  if (ymdOnly) return ok(`${isoDate(ymdOnly)}T00:00:00${offset}`);
  if (ymdOnly === false) return fail('impossible_date', text);
  if (opts.excelSerial) {
    const ms = excelSerialMs(text);
    if (ms) return ok(`${new Date(ms).toISOString().slice(0, 19)}${offset}`);
    if (ms === false) return fail('impossible_date', text);
  }
  const parts = parseDatetimeParts(text);
  if (typeof parts === 'string') return fail(parts, text);
  const tz = parts.tz ? parseOffset(parts.tz) : offset;
  if (tz === null) return fail('invalid_datetime', text);
  const { ymd, h, mi, s, fraction } = parts;
  return ok(`${isoDate(ymd)}T${pad(h)}:${pad(mi)}:${pad(s)}${fraction}${tz}`);
}
