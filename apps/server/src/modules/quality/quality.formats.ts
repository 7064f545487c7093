import { retiredIdAreaCodeYears } from '../../demo/id-area-codes.ts';
import { creditCodeCheckChar, residentIdCheckChar } from '../../platform/formats.ts';
import { isBirthDate, scoreCreditCode, scoreMobile } from '../classify/index.ts';

// The checksum rules' verdicts. The check characters and the mobile blocks come from the one copy the
// platform keeps (platform/formats.ts, classify); this file only says *why* a value fails, so that a
// problem list can tell a wrong check digit from a lowercase x or an impossible birth date.

/** Why a value failed, or null when it passed. */
export type Verdict = string | null;

// GB/T 2260 provinces, and 81/82/83: residence permits of Hong Kong, Macao and Taiwan residents.
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
    ' ',
  ),
);
const RETIRED = retiredIdAreaCodeYears();

/** Today as YYYYMMDD in China (UTC+8): a birth date after it is impossible. */
const todayInChina = (now: Date) =>
  new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');

export type ResidentIdOptions = { allowLegacy15: boolean; acceptLowercaseX: boolean; checkAreaCode: boolean };

function areaVerdict(area: string, birthYear: number): Verdict {
  if (!PROVINCES.has(area.slice(0, 2))) return 'area_code';
  // A code retired in year Y was still given out that year; someone born later cannot carry it.
  const retired = RETIRED.get(area);
  return retired !== undefined && birthYear > retired ? 'area_retired' : null;
}

/**
 * GB 11643 resident ID: 17 digits and an ISO 7064 MOD 11-2 check character (capital X for 10), a real
 * birth date not in the future, and (optionally) a province code and an area code that still existed
 * when its holder was born. 15-digit first-generation numbers only when allowed.
 */
export function residentIdVerdict(value: string, o: ResidentIdOptions, now = new Date()): Verdict {
  const v = value.trim();
  if (v.length === 15) {
    if (!o.allowLegacy15) return 'legacy_15';
    if (!/^\d{15}$/.test(v)) return 'format';
    const birth = `19${v.slice(6, 12)}`;
    if (!isBirthDate(birth)) return 'birth_date';
    return o.checkAreaCode ? areaVerdict(v.slice(0, 6), Number(birth.slice(0, 4))) : null;
  }
  if (v.length !== 18 || !/^\d{17}[\dXx]$/.test(v)) return 'format';
  const birth = v.slice(6, 14);
  if (!isBirthDate(birth) || birth > todayInChina(now)) return 'birth_date';
  if (residentIdCheckChar(v.slice(0, 17)) !== v[17]?.toUpperCase()) return 'check_char';
  // Right number, wrong spelling: matching and joins that compare exactly will miss it.
  if (v.endsWith('x') && !o.acceptLowercaseX) return 'lowercase_x';
  return o.checkAreaCode ? areaVerdict(v.slice(0, 6), Number(birth.slice(0, 4))) : null;
}

/** GB 32100 unified social credit code: authority, category, area, organisation code and a MOD 31 check. */
export function creditCodeVerdict(value: string, o: { acceptLowercase: boolean }): Verdict {
  const v = value.trim();
  if (v.length !== 18) return 'format';
  const upper = v.toUpperCase();
  // The classifier scores 0 what lacks the shape: authority (1–9, A, N, Y), category, area, alphabet.
  if (scoreCreditCode(upper) === 0) return 'format';
  if (upper !== v && !o.acceptLowercase) return 'lowercase';
  return creditCodeCheckChar(upper.slice(0, 17)) === upper[17] ? null : 'check_char';
}

/** A mainland mobile number in an allocated MIIT block; +86, spaces and dashes only when allowed. */
export function mobileVerdict(value: string, o: { allowFormatting: boolean }): Verdict {
  const v = value.trim();
  if (!o.allowFormatting && !/^\d{11}$/.test(v)) return 'format';
  const score = scoreMobile(v);
  if (score === 1) return null;
  // scoreMobile gives 0.4 to 11 digits starting with 1 outside the allocated blocks.
  return score > 0 ? 'prefix' : 'format';
}
