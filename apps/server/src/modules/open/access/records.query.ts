import type { DatasetField } from '@shuzhi/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import { headerHints } from '../../classify/index.ts';
import { selectList, tableOf } from '../../datastore/index.ts';
import { fieldLevel, type Masker, maskFor, type PersonalDataType, redact } from '../../masking/index.ts';

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
