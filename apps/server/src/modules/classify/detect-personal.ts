import { isBirthDate } from './detect-numbers.ts';
import { COMPOUND_SURNAMES, SURNAMES } from './surnames.ts';

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export function scoreEmail(v: string): number {
  return v.includes('@') && EMAIL.test(v) ? 1 : 0;
}

const HAN = /^\p{Script=Han}{2,4}$/u;
const MINORITY_NAME = /^\p{Script=Han}{1,8}[·•]\p{Script=Han}{1,10}$/u;
// Two or three Han characters ending like this are places and bodies, not people.
const NOT_A_NAME =
  /(?:省|市|区|县|路|街|镇|乡|村|局|委|院|所|站|厅|处|科|队|店|司|厂|园|馆|部|办|中心|公司|小区)$/;

/**
 * Person name: 2–3 Han characters after a common surname (or a compound surname and 1–2 more), or a
 * minority name with `·`. Plenty of words start with a surname character, so even a perfect value only
 * scores 0.65 and a header hint is what makes a column of them certain.
 */
export function scorePersonName(v: string): number {
  if (HAN.test(v)) {
    if (NOT_A_NAME.test(v)) return 0.05;
    const len = v.length;
    if (len >= 3 && COMPOUND_SURNAMES.has(v.slice(0, 2))) return 0.7;
    if (SURNAMES.has(v[0] as string)) return len <= 3 ? 0.65 : 0.2;
    return 0.15;
  }
  return MINORITY_NAME.test(v) ? 0.6 : 0;
}

const ADDRESS_TOKENS = [
  '省',
  '市',
  '区',
  '县',
  '街道',
  '镇',
  '乡',
  '村',
  '路',
  '街',
  '大道',
  '巷',
  '弄',
  '号',
  '幢',
  '栋',
  '单元',
  '室',
  '楼',
  '小区',
  '苑',
  '大厦',
  '组',
];

// Sentence punctuation means prose, which mentions 市, 区 and 路 without being an address.
const PROSE = /[，。！？；!?]/;

/** Address: Han text with several of the tokens of a Chinese address (province … 号 室). */
export function scoreAddress(v: string): number {
  if (v.length < 4 || v.length > 80 || PROSE.test(v) || !/\p{Script=Han}/u.test(v)) return 0;
  let hits = 0;
  for (const t of ADDRESS_TOKENS) if (v.includes(t)) hits++;
  if (hits >= 3) return v.length > 60 ? 0.3 : 0.9;
  if (hits === 2) return 0.6;
  return hits === 1 ? 0.15 : 0;
}

const DATE = /^([12]\d{3})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const DATE_COMPACT = /^([12]\d{3})(\d{2})(\d{2})$/;
const DATE_TIME = /^([12]\d{3})-(\d{2})-(\d{2})[T\s]\d{1,2}:\d{2}/;

/**
 * Birth date: a full past date. Any date column matches, so a value alone only scores 0.5 (below the
 * bar without a header hint); a timestamp with a time of day is rarely a birth date.
 */
export function scoreBirthDate(v: string): number {
  const m = DATE.exec(v) ?? DATE_COMPACT.exec(v);
  if (m) return isBirthDate(`${m[1]}${m[2]!.padStart(2, '0')}${m[3]!.padStart(2, '0')}`) ? 0.5 : 0;
  const t = DATE_TIME.exec(v);
  return t && isBirthDate(`${t[1]}${t[2]}${t[3]}`) ? 0.15 : 0;
}

const NUM = '(-?\\d{1,3}\\.\\d+)';
const PAIR = new RegExp(`^\\(?${NUM}\\s*[,，;\\s]\\s*${NUM}\\)?$`);
const WKT = new RegExp(`^POINT\\s*\\(\\s*${NUM}\\s+${NUM}\\s*\\)$`, 'i');
const SINGLE = /^-?\d{1,3}\.(\d+)$/;

// China's extent, generously: longitude 73.4–135.1 E, latitude 3.8–53.6 N.
const isLng = (x: number) => x >= 73.4 && x <= 135.1;
const isLat = (x: number) => x >= 3.8 && x <= 53.6;
const decimals = (s: string) => s.length - s.indexOf('.') - 1;

/**
 * Coordinates: a latitude/longitude pair (either order, or WKT POINT) inside China. A single number in
 * range is only compatible: separate 经度/纬度 columns are recognised by their headers.
 */
export function scoreCoordinates(v: string): number {
  const m = PAIR.exec(v) ?? WKT.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (!((isLat(a) && isLng(b)) || (isLng(a) && isLat(b)))) return 0;
    return decimals(m[1]!) >= 3 && decimals(m[2]!) >= 3 ? 0.9 : 0.6;
  }
  const s = SINGLE.exec(v);
  if (!s || (s[1] as string).length < 2) return 0;
  const x = Number(v);
  return isLat(x) || isLng(x) ? 0.3 : 0;
}
