import { keepEnds, redact } from './redact.ts';

/** Two-character surnames: a name starting with one of these keeps both characters. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(
  (
    '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 西门 ' +
    '百里 呼延 万俟 澹台 公冶 宗政 濮阳 太史 申屠 钟离 闻人 赫连 拓跋 司空 第五 东郭 南门 羊舌 微生 ' +
    '左丘 东门 梁丘 谷梁 仲孙 单于 闾丘 亓官 司寇 子车 颛孙 壤驷 公良 漆雕 乐正 宰父 鲜于 巫马 公西'
  ).split(' '),
);

// Han characters, plus `·` for minority and transliterated names; `*` so masked names stay masked.
const HAN_NAME = /^\p{Script=Han}[\p{Script=Han}*·•]{1,15}$/u;

/**
 * Person name: the surname only, every other character starred (`王**`, `王*`, `欧阳*`). A name of
 * two characters keeps one even if they spell a compound surname: `欧阳` alone is more likely 欧 + 阳.
 * Names in other scripts are fully redacted: which word is the surname cannot be told.
 */
export function maskPersonName(value: string): string {
  const s = value.trim();
  if (!HAN_NAME.test(s)) return redact(value);
  const chars = Array.from(s);
  const keep = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  return chars.map((c, i) => (i < keep ? c : '*')).join('');
}

const EMAIL = /^([^\s@])[^\s@]*@([^\s@]+\.[^\s@]+)$/;

/**
 * E-mail: the first character and the domain (`z***@example.com`). The local part always becomes
 * three stars, because its length is itself a hint at who it is.
 */
export function maskEmail(value: string): string {
  const m = EMAIL.exec(value.trim());
  if (!m) return redact(value);
  return `${m[1]}***@${m[2]}`;
}

const TIME = '(?:[T\\s]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';
const DATE_FORMS = [
  new RegExp(`^([12]\\d{3})(?:([-/.])(\\d{1,2})(?:\\2(\\d{1,2}))?)?${TIME}$`),
  /^([12]\d{3})(\d{2})(\d{2})$/,
  /^([12]\d{3})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/,
];

/** Date: the year only (`1990-05-12` → `1990`); anything that is not a recognisable date is redacted. */
export function maskDate(value: string): string {
  const s = value.trim();
  for (const form of DATE_FORMS) {
    const m = form.exec(s);
    if (!m) continue;
    const parts = m.slice(1).filter((p) => p !== undefined && /^\d+$/.test(p));
    const [year, month, day] = parts.map(Number);
    if (month !== undefined && (month < 1 || month > 12)) break;
    if (day !== undefined && (day < 1 || day > 31)) break;
    return String(year);
  }
  return redact(value);
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE = new RegExp(`^([${PROVINCES}][A-Za-z])([·•.\\s-]?)([A-Za-z0-9*]{4,6}[挂学警港澳领试超]?)$`);

/** Licence plate: the province character, the city letter and the last 2 (`浙A***45`, `浙A****45` new-energy). */
export function maskLicencePlate(value: string): string {
  const m = PLATE.exec(value.trim());
  if (!m) return redact(value);
  return (m[1] as string) + (m[2] as string) + keepEnds(m[3] as string, 0, 2, () => true);
}

const NUM = '(-?\\d{1,3}(?:\\.\\d+)?)';
const COORD_PAIR = new RegExp(`^${NUM}(\\s*[,，;\\s]\\s*)${NUM}$`);
const COORD_ONE = new RegExp(`^${NUM}$`);
const COORD_WKT = new RegExp(`^POINT\\s*\\(\\s*${NUM}(\\s+)${NUM}\\s*\\)$`, 'i');

function round2(text: string): string | null {
  const x = Number(text);
  if (!Number.isFinite(x) || Math.abs(x) > 180) return null;
  return (Math.round(x * 100) / 100).toFixed(2);
}

/** Coordinates: every number rounded to 2 decimals (about 1 km), as one value, a pair or WKT `POINT`. */
export function maskCoordinates(value: string): string {
  const s = value.trim();
  const one = COORD_ONE.exec(s);
  if (one) return round2(one[1] as string) ?? redact(value);
  const pair = COORD_PAIR.exec(s) ?? COORD_WKT.exec(s);
  if (!pair) return redact(value);
  const a = round2(pair[1] as string);
  const b = round2(pair[3] as string);
  if (a === null || b === null) return redact(value);
  const body = `${a}${pair[2]}${b}`;
  return s.toUpperCase().startsWith('POINT') ? `POINT(${body})` : body;
}
