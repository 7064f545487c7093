import type { DatasetField } from '@shuzhi/contracts';
import { dayOf, isoOfDay, timestampOn } from '../dates.ts';
import type { Random } from '../random.ts';
import { field, key } from './types.ts';

/**
 * Fields that many departments' datasets share, described the way GB/T 2261 and the 人口库 name them,
 * graded as classification suggests (resident ID sensitive personal information, L3; contact details,
 * names, birth dates and addresses L2) and typed, so that each leaves masked in its own form.
 */
export const F = {
  idNumber: (name = 'id_number', title = '公民身份号码', isKey = false): DatasetField =>
    isKey
      ? key(name, title, { sensitivity: 'medium', personalType: 'resident_id' })
      : field(name, title, 'string', { sensitivity: 'medium', personalType: 'resident_id' }),
  personName: (name = 'name', title = '姓名'): DatasetField =>
    field(name, title, 'string', { sensitivity: 'low', personalType: 'person_name' }),
  gender: (name = 'gender', title = '性别'): DatasetField => field(name, title, 'string'),
  birthDate: (name = 'birth_date', title = '出生日期'): DatasetField =>
    field(name, title, 'date', { sensitivity: 'low', personalType: 'birth_date' }),
  mobile: (name = 'mobile', title = '联系电话'): DatasetField =>
    field(name, title, 'string', { sensitivity: 'low', personalType: 'mobile' }),
  address: (name: string, title: string, element?: string): DatasetField =>
    field(name, title, 'string', {
      sensitivity: 'low',
      personalType: 'address',
      ...(element ? { element } : {}),
    }),
  creditCode: (name = 'credit_code', title = '统一社会信用代码', isKey = false): DatasetField =>
    isKey ? key(name, title) : field(name, title, 'string'),
  enterpriseName: (name = 'name', title = '企业名称'): DatasetField =>
    field(name, title, 'string', { element: 'ENTERPRISE_NAME' }),
  date: (name: string, title: string): DatasetField => field(name, title, 'date'),
  updatedAt: (): DatasetField => field('updated_at', '更新时间', 'datetime'),
  money: (name: string, title: string): DatasetField => field(name, title, 'integer', { unit: '元' }),
  count: (name: string, title: string, unit: string): DatasetField => field(name, title, 'integer', { unit }),
  lng: (): DatasetField => field('lng', '经度', 'decimal', { unit: '度' }),
  lat: (): DatasetField => field('lat', '纬度', 'decimal', { unit: '度' }),
};

/** A Beijing-time timestamp on a random day between `from` (ISO date) and the as-of day. */
export function updatedSince(rng: Random, from: string, asOfDay: number): string {
  const start = Math.min(dayOf(from), asOfDay);
  return timestampOn(rng.int(start, asOfDay), rng.int(8 * 3600, 18 * 3600));
}

/** A date `years` after an ISO date. */
export function yearsAfter(iso: string, years: number): string {
  return isoOfDay(dayOf(iso) + Math.round(years * 365.25) - 1);
}

/** A day between two ISO dates (or the first, when they are the wrong way round). */
export function dayBetween(rng: Random, from: string, to: string): string {
  const a = dayOf(from);
  const b = dayOf(to);
  return isoOfDay(a >= b ? a : rng.int(a, b));
}

/**
 * How another department writes a registered enterprise name: the pre-2015 legal form, the
 * province instead of the city, half-width brackets, or the individual-business suffix dropped.
 */
export function enterpriseNameVariant(value: unknown, _row: unknown, rng: Random): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const variants = [
    value.replace(/有限公司$/, '有限责任公司'),
    value.replace(/^杭州/, '浙江'),
    value.replace(/（/g, '(').replace(/）/g, ')'),
    value.replace(/（个体工商户）$/, ''),
    value.replace(/股份有限公司$/, '股份公司'),
  ].filter((v) => v !== value);
  return variants.length > 0 ? rng.pick(variants) : undefined;
}

/** An address as a second register writes it: without the province, or with the room dropped. */
export function addressVariant(value: unknown, _row: unknown, rng: Random): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const variants = [
    value.replace(/^浙江省/, ''),
    value.replace(/\d+室$/, ''),
    value.replace(/幢/, '栋'),
    value.replace(/^浙江省杭州市/, '杭州'),
  ].filter((v) => v !== value);
  return variants.length > 0 ? rng.pick(variants) : undefined;
}

// Approximate centres of the districts' built-up areas (GCJ-02 as map services publish them).
const CENTRES: Record<string, [number, number]> = {
  '330102': [120.171, 30.25],
  '330105': [120.15, 30.319],
  '330106': [120.13, 30.259],
  '330108': [120.212, 30.208],
  '330109': [120.264, 30.185],
  '330110': [119.988, 30.27],
  '330111': [119.96, 30.049],
  '330112': [119.724, 30.233],
  '330113': [120.299, 30.419],
  '330114': [120.493, 30.309],
  '330122': [119.691, 29.793],
  '330127': [119.042, 29.609],
  '330182': [119.281, 29.474],
};

/** A point near the district's centre, to six decimals (about 0.1 m). */
export function pointIn(rng: Random, districtCode: string, spread = 0.06): { lng: string; lat: string } {
  const [lng, lat] = CENTRES[districtCode] ?? [120.155, 30.274];
  return {
    lng: (lng + (rng.next() - 0.5) * 2 * spread).toFixed(6),
    lat: (lat + (rng.next() - 0.5) * 2 * spread).toFixed(6),
  };
}

/** Department contacts (the switchboard-style numbers are synthetic; the mail domain is reserved). */
export function contact(name: string, mailbox: string, phone: string) {
  return { name, phone, email: `${mailbox}@hangzhou.example` };
}
