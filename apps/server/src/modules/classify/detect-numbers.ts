import { isValidCreditCode, isValidResidentId } from '../../platform/formats.ts';

// Scores of one value: 1 when the structure and any checksum prove the type, less for look-alikes
// (right shape, failed checksum), and a little for values that are merely compatible with the type.

const THIS_YEAR = new Date().getUTCFullYear();

/** True for a real calendar date from 1880 up to this year, as `YYYYMMDD`. */
export function isBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1880 || y > THIS_YEAR) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Resident ID (GB 11643): 18 characters with a valid check character and birth date; lowercase `x` accepted. */
export function scoreResidentId(v: string): number {
  if (v.length === 18) {
    const s = v.toUpperCase();
    if (!/^[1-9]\d{16}[\dX]$/.test(s)) return 0;
    // Area codes are not checked: retired codes (330103 …) live on in people's numbers.
    if (isValidResidentId(s)) return isBirthDate(s.slice(6, 14)) ? 1 : 0.6;
    return isBirthDate(s.slice(6, 14)) ? 0.5 : 0.25;
  }
  // Legacy 15-digit IDs (before 1999) have no check character; the birth date is all there is to go on.
  if (v.length === 15 && /^[1-8]\d{14}$/.test(v)) return isBirthDate(`19${v.slice(6, 12)}`) ? 0.6 : 0;
  return 0;
}

const MIIT_MOBILE = /^1(3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$/;

/** Mobile (MIIT numbering): 11 digits in an allocated block, optionally with +86 and separators. */
export function scoreMobile(v: string): number {
  const s = v.replace(/[\s-]/g, '').replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  if (MIIT_MOBILE.test(s)) return 1;
  return /^1\d{10}$/.test(s) ? 0.4 : 0;
}

const AREA = '(?:[12]\\d|[3-9]\\d{2})';
const LANDLINE_FULL = new RegExp(
  `^(?:(?:\\+|00)86[\\s-]?\\(?${AREA}\\)?|\\(0${AREA}\\)|0${AREA})[\\s-]?[2-9]\\d{2,3}[\\s-]?\\d{4}(?:(?:[\\s-]|转|ext\\.?|#)\\d{1,6})?$`,
  'i',
);

/** Landline: area code and 7–8 digit subscriber number (0571-88001234, (0571)88001234); a bare 8-digit number is only weakly one. */
export function scoreLandline(v: string): number {
  if (LANDLINE_FULL.test(v)) return /[\s\-()]/.test(v) ? 1 : 0.7;
  if (/^[2-9]\d{3}[\s-]\d{4}$/.test(v)) return 0.5;
  return /^[2-9]\d{6,7}$/.test(v) ? 0.3 : 0;
}

/** Luhn (ISO/IEC 7812) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Bank card: 16–19 digits. Luhn and a known issuer prefix (62 UnionPay, 4 Visa, 5 Mastercard) raise the
 * score but neither decides: some real cards fail Luhn. 17 and 18 digits are rare for cards and are
 * what resident IDs look like, so they start lower.
 */
export function scoreBankCard(v: string): number {
  const s = /[\s-]/.test(v) ? v.replace(/[\s-]/g, '') : v;
  if (s.length < 16 || s.length > 19 || !/^\d+$/.test(s)) return 0;
  let score = s.length === 16 || s.length === 19 ? 0.4 : 0.2;
  if (luhnValid(s)) score += 0.35;
  if (/^(?:62|4|5)/.test(s)) score += 0.25;
  return Math.min(1, score);
}

/** Unified social credit code (GB 32100). An all-digit code scores a little less: resident IDs are all digits too. */
export function scoreCreditCode(v: string): number {
  if (v.length !== 18) return 0;
  const s = v.toUpperCase();
  if (!/^[1-9ANY][1-9]\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return 0;
  const hasLetter = /[A-Z]/.test(s);
  if (isValidCreditCode(s)) return hasLetter ? 1 : 0.8;
  return hasLetter ? 0.5 : 0.15;
}

/**
 * Passports and permits: Chinese ordinary passports E + 8 digits or E + letter + 7 digits (older G + 8),
 * diplomatic/service/public-affairs D, S, P; Hong Kong and Macao permits H/M + 8 or 10 digits. Other
 * letter-and-digit numbers are only compatible. There is no checksum to lean on.
 */
export function scorePassport(v: string): number {
  const s = v.toUpperCase();
  if (/^(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8})$/.test(s)) return 0.9;
  if (/^(?:[DSP]E?\d{7,8}|[HM]\d{8}(?:\d{2})?)$/.test(s)) return 0.7;
  return /^[A-Z]{1,2}\d{6,8}$/.test(s) ? 0.3 : 0;
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const SEQ5 = '[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳领试超]';
// New-energy plates have 6: D/A/B/C/E (electric) or F/G/H/J/K (hybrid) first on cars, last on large vehicles.
const SEQ6 = '[A-HJK][A-HJ-NP-Z0-9]\\d{4}|\\d{5}[A-HJK]';
const PLATE = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z][·•.\\s-]?(?:${SEQ6}|${SEQ5})$`);

/** Licence plate: province, city letter, 5 characters (6 for new-energy), optionally `浙A·12345`. */
export function scoreLicencePlate(v: string): number {
  return PLATE.test(v.toUpperCase()) ? 1 : 0;
}

/** The plate pattern without anchors, for finding plates inside text. */
export const PLATE_IN_TEXT = new RegExp(`[${PROVINCES}][A-HJ-NP-Z]·?(?:${SEQ6}|${SEQ5})(?![A-Za-z0-9])`, 'g');
