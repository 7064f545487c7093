import type { DatasetField } from '@shuzhi/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../platform/errors.ts';
import { headerHints } from '../../classify/index.ts';
import { tableOf } from '../../datastore/index.ts';
import { fieldLevel, type Masker, maskFor, type PersonalDataType, redact } from '../../masking/index.ts';
import { selectList } from '../open.rows.ts';

/** Most specific first: a value that fits one of these is masked as that type. */
const TYPE_ORDER: PersonalDataType[] = [
  'resident_id',
  'bank_card',
  'passport',
  'credit_code',
  'mobile',
  'landline',
  'email',
  'licence_plate',
  'birth_date',
  'coordinates',
  'address',
  'person_name',
];

/**
 * The masking function of a field under the masking library's policy, for a reader approved for
 * masked values. The field's catalog type (个人信息类型) comes first, then the types its name and title
 * point to (联系电话 → mobile or landline), tried in turn: each masker keeps parts of a value only when
 * the value has that type's shape, so the first that recognises it masks it; a value none recognises
 * is starred whole.
 */
export function fieldMasker(f: DatasetField, datasetLevel: string): Masker {
  const hinted = new Set([...headerHints(f.name), ...headerHints(f.title)]);
  // The field's own grade, raised to the dataset's, as on every other read path (mask-dataset.ts).
  const level = fieldLevel(f.sensitivity, datasetLevel);
  const declared = f.personalType ? [f.personalType] : [];
  const types = [...declared, ...TYPE_ORDER.filter((t) => hinted.has(t) && t !== f.personalType)];
  const maskers = types.map((type) => maskFor({ level, type, approved: 'masked' }));
  const fallback = maskFor({ level, type: null, approved: 'masked' });
  return (value) => {
    for (const m of maskers) {
      const out = m(value);
      if (out === null || out !== redact(value)) return out;
    }
    return fallback(value);
  };
}

/** A row with each listed field masked; null stays null, numbers stay numbers where the mask is one. */
export function maskRow(fields: DatasetField[], datasetLevel: string) {
  const maskers = fields.map((f) => [f.name, fieldMasker(f, datasetLevel)] as const);
  return (row: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...row };
    for (const [name, mask] of maskers) {
      const v = out[name];
      if (v === null || v === undefined) continue;
      const masked = mask(v instanceof Date ? v.toISOString() : String(v));
      out[name] =
        typeof v === 'number' && masked !== null && /^-?\d+(\.\d+)?$/.test(masked) ? Number(masked) : masked;
    }
    return out;
  };
}

const MAX_VALUES = 100;
const invalid = (zh: string, en: string) =>
  new AppError('open_access_filter_invalid', { reason_zh: zh, reason_en: en });

/** One filter value in the column's type, or a precise refusal. */
function typed(f: DatasetField, v: unknown): unknown {
  if (v === null) return null;
  if (typeof v === 'object')
    throw invalid(`字段 ${f.name} 的值须为单个值或值的数组`, `"${f.name}" takes a value or a list of values`);
  const s = String(v).trim();
  const bad = (zh: string, en: string) =>
    invalid(`字段 ${f.name} 的值 "${s}" 不是${zh}`, `"${s}" is not ${en} for field "${f.name}"`);
  switch (f.type) {
    case 'integer':
    case 'decimal': {
      const n = typeof v === 'number' ? v : Number(s);
      if (s === '' || !Number.isFinite(n) || (f.type === 'integer' && !Number.isInteger(n)))
        throw bad(f.type === 'integer' ? '整数' : '数字', f.type === 'integer' ? 'an integer' : 'a number');
      return n;
    }
    case 'boolean':
      if (['true', 't', '1'].includes(s.toLowerCase())) return true;
      if (['false', 'f', '0'].includes(s.toLowerCase())) return false;
      throw bad('布尔值（true/false）', 'a boolean (true/false)');
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s)))
        throw bad('日期（YYYY-MM-DD）', 'a date (YYYY-MM-DD)');
      return s;
    case 'datetime':
      if (Number.isNaN(Date.parse(s))) throw bad('日期时间（ISO 8601）', 'a date-time (ISO 8601)');
      return new Date(s).toISOString();
    default:
      return s;
  }
}

/**
 * The `filters` parameter (a JSON object of `field: value` or `field: [values]`) as SQL conditions.
 * Masked fields cannot be filtered on: equality on the clear value would let a reader test guesses
 * of what the mask hides.
 */
export function parseFilters(text: string | undefined, readable: DatasetField[]): RawBuilder<boolean>[] {
  if (text === undefined || text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(
      '须为 JSON 对象，例如 {"city": "杭州"}',
      'must be a JSON object such as {"city": "Hangzhou"}',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalid(
      '须为 JSON 对象，例如 {"city": "杭州"}',
      'must be a JSON object such as {"city": "Hangzhou"}',
    );
  const byName = new Map(readable.map((f) => [f.name, f]));
  return Object.entries(parsed).map(([name, value]) => {
    const f = byName.get(name);
    if (!f)
      throw invalid(
        `不能按字段 ${name} 筛选（不存在或不可读）`,
        `cannot filter on "${name}" (no such readable field)`,
      );
    if (f.sensitivity !== 'none')
      throw invalid(`字段 ${name} 经过脱敏，不能用于筛选`, `"${name}" is masked and cannot be filtered on`);
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0 || list.length > MAX_VALUES)
      throw invalid(
        `字段 ${name} 须给出 1 至 ${MAX_VALUES} 个值`,
        `give 1 to ${MAX_VALUES} values for "${name}"`,
      );
    const values = list.map((v) => typed(f, v));
    const given = values.filter((v) => v !== null);
    const col = sql.id(name);
    const parts: RawBuilder<boolean>[] = [];
    if (given.length > 0) parts.push(sql<boolean>`${col} in (${sql.join(given)})`);
    if (given.length < values.length) parts.push(sql<boolean>`${col} is null`);
    return parts.length === 1
      ? (parts[0] as RawBuilder<boolean>)
      : sql<boolean>`(${sql.join(parts, sql` or `)})`;
  });
}

/** A page of a dataset's rows (in load order) and the number of rows that match. */
export async function readPage(
  db: Db,
  code: string,
  fields: DatasetField[],
  where: RawBuilder<boolean>[],
  limit: number,
  offset: number,
): Promise<{ records: Record<string, unknown>[]; total: number }> {
  const exists = await sql<{ t: string | null }>`select to_regclass(${tableOf(code)})::text as t`.execute(db);
  if (!exists.rows[0]?.t) return { records: [], total: 0 };
  const table = sql.raw(tableOf(code));
  const cond = where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``;
  const rows = await sql<Record<string, unknown>>`
    select ${selectList(fields)} from ${table} ${cond} order by _seq limit ${limit} offset ${offset}`.execute(
    db,
  );
  const n = await sql<{ n: number }>`select count(*)::int as n from ${table} ${cond}`.execute(db);
  return { records: rows.rows, total: n.rows[0]?.n ?? 0 };
}
