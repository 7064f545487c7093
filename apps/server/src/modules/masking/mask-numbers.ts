import { keepEnds, redact } from './redact.ts';

// Hidden positions accept `*` so that masking an already masked value changes nothing.
const ID18 = /^\d{6}[\d*]{11}[\dXx*]$/;
// Legacy 15-digit IDs end in a 3-digit sequence; keeping 4 would reveal the last digit of the birth day.
const ID15 = /^\d{6}[\d*]{9}$/;

/** Resident ID: the 6-digit region and the last 4 (`330106********123X`); 15-digit IDs keep region and last 3. */
export function maskResidentId(value: string): string {
  const s = value.trim();
  if (ID18.test(s)) return keepEnds(s, 6, 4);
  if (ID15.test(s)) return keepEnds(s, 6, 3);
  return redact(value);
}

const MOBILE = /^((?:\+|00)?86[\s-]?)?(1\d{2}[\s-]?[\d*]{4}[\s-]?[\d*]{4})$/;

/** Mobile: the first 3 and last 4 digits (`138****5678`); a `+86` prefix and separators stay. */
export function maskMobile(value: string): string {
  const m = MOBILE.exec(value.trim());
  if (!m) return redact(value);
  return (m[1] ?? '') + keepEnds(m[2] as string, 3, 4);
}

// Area codes: 010 and 02x have 3 digits, all others 4; the subscriber number 7 or 8 digits.
const SUB = '[\\d*]{3,4}[\\s-]?[\\d*]{4}';
const EXT = '(?:[\\s-]|转|ext\\.?|#)[\\d*]{1,6}';
const LANDLINE_INTL = new RegExp(
  `^((?:\\+|00)86[\\s-]?\\(?(?:[12]\\d|[3-9]\\d{2})\\)?[\\s-]?)(${SUB})(${EXT})?$`,
  'i',
);
const LANDLINE = new RegExp(
  `^((?:\\(0(?:[12]\\d|[3-9]\\d{2})\\)|0(?:[12]\\d|[3-9]\\d{2}))[\\s-]?)?(${SUB})(${EXT})?$`,
  'i',
);

/** Landline: the area code and the last 2 digits (`0571-******34`); an extension is hidden. */
export function maskLandline(value: string): string {
  const s = value.trim();
  const m = LANDLINE_INTL.exec(s) ?? LANDLINE.exec(s);
  if (!m) return redact(value);
  const isDigit = (c: string) => /^[\d*]$/.test(c);
  return (m[1] ?? '') + keepEnds(m[2] as string, 0, 2, isDigit) + keepEnds(m[3] ?? '', 0, 0, isDigit);
}

const CARD = /^[\d*]+(?:[\s-][\d*]+)*$/;

/** Bank card: the last 4 digits (`************1234`), separators kept. */
export function maskBankCard(value: string): string {
  const s = value.trim();
  const slots = s.replace(/[\s-]/g, '').length;
  if (!CARD.test(s) || slots < 12 || slots > 19) return redact(value);
  return keepEnds(s, 0, 4);
}

const CREDIT = /^[0-9A-HJ-NPQRTUWXY][0-9A-HJ-NPQRTUWXY*]{17}$/;

/**
 * Unified social credit code: the first 8 (registration authority, category, 6-digit area) stay; the
 * organisation code and the check character are hidden. The check character is derived from the hidden
 * part, so showing it would only narrow a guess at it while telling the reader nothing they need.
 */
export function maskCreditCode(value: string): string {
  const s = value.trim();
  if (!CREDIT.test(s.toUpperCase())) return redact(value);
  return keepEnds(s, 8, 0);
}

const PASSPORT = /^[A-Za-z][A-Za-z0-9*]{5,11}$/;

/** Passport and travel-permit numbers: the first letter and the last 3 (`E*****678`). */
export function maskPassport(value: string): string {
  const s = value.trim();
  if (!PASSPORT.test(s)) return redact(value);
  return keepEnds(s, 1, 3);
}
