import type { DatasetField } from '@shuzhi/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { AppError } from '../../platform/errors.ts';

/** Makes the caller's error for a refused value or filter, from its reason in both languages. */
export type Invalid = (zh: string, en: string) => AppError;

const MAX_VALUES = 100;

/** One value in the column's type, or a precise refusal made by `invalid`. */
export function typedValue(f: DatasetField, v: unknown, invalid: Invalid): unknown {
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
export function parseFilters(
  text: string | undefined,
  readable: DatasetField[],
  invalid: Invalid,
): RawBuilder<boolean>[] {
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
    const values = list.map((v) => typedValue(f, v, invalid));
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
