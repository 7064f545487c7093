import type { PersonalDataType } from '../masking/index.ts';
import { GRADES } from './grades.ts';
import * as fx from './test-fixtures.ts';

type Known = { header: string; make: (r: () => number, i: number) => string; type: PersonalDataType | null };

/** One column per detectable type plus free text and plain data, each with the type detection must report. */
export const KNOWN_COLUMNS: readonly Known[] = [
  { header: '公民身份号码', make: (r) => fx.residentId(r), type: 'resident_id' },
  { header: '姓名', make: fx.personName, type: 'person_name' },
  { header: '手机号码', make: fx.mobile, type: 'mobile' },
  { header: '办公电话', make: fx.landline, type: 'landline' },
  { header: '银行卡号', make: (r) => fx.bankCard(r), type: 'bank_card' },
  { header: '统一社会信用代码', make: fx.creditCode, type: 'credit_code' },
  { header: '护照号码', make: fx.passport, type: 'passport' },
  { header: '车牌号', make: fx.plate, type: 'licence_plate' },
  { header: '电子邮箱', make: fx.email, type: 'email' },
  { header: '家庭住址', make: fx.address, type: 'address' },
  { header: '出生日期', make: fx.birthDate, type: 'birth_date' },
  { header: '坐标', make: fx.coordinatePair, type: 'coordinates' },
  {
    header: '备注',
    // Prose, one row in ten with a mobile number in it: free text reports what it carries.
    make: (r, i) => (i % 10 === 3 ? `请回电${fx.mobile(r)}核实情况。` : '情况属实，已按规定办结。'),
    type: 'mobile',
  },
  { header: '金额', make: (r) => String(Math.floor(r() * 100_000)), type: null },
];

/** `n` rows of {@link KNOWN_COLUMNS}, deterministic for a seed. */
export function knownTable(n: number, seed = 11): { header: string[]; rows: string[][] } {
  const r = fx.rng(seed);
  return {
    header: KNOWN_COLUMNS.map((c) => c.header),
    rows: Array.from({ length: n }, (_, i) => KNOWN_COLUMNS.map((c) => c.make(r, i))),
  };
}

/** What detection must say of each known column: the JSON contract minus the confidence. */
export const expectedColumns = () =>
  KNOWN_COLUMNS.map((c) => ({
    column: c.header,
    type: c.type,
    sensitivity: c.type ? GRADES[c.type].sensitivity : 'none',
    level: c.type ? GRADES[c.type].level : 'L1',
  }));

/** A CSV of the rows (values needing it quoted), CRLF line ends as spreadsheets write them. */
export const toCsv = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  [header, ...rows]
    .map((row) => row.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))
    .join('\r\n');
