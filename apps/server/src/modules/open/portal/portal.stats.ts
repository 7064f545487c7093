import type { DatasetField, PortalFieldStats } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../platform/errors.ts';
import { ident, tableOf } from '../../datastore/index.ts';
import { openFields } from '../open.names.ts';
import type { OpenDatasetRow } from '../open.repo.ts';

export const BINS = 10;
/** Aggregates scan whole tables: bounded like datastore_search_sql, so one request cannot hold the database. */
export const STATS_TIMEOUT_MS = 10_000;
/** A dataset with more numeric fields than this shows the first ones (the page charts each). */
export const MAX_FIELDS = 12;

type Numeric = DatasetField & { type: 'integer' | 'decimal' };
type Agg = { count: number; min: number | null; max: number | null; avg: number | null };

/**
 * Bins of equal width between min and max; integers get whole-number bins (one per value when they
 * span fewer than BINS values). Each bin is [from, to) except the last, which includes max.
 */
export function binsOf(f: Numeric, min: number, max: number): { from: number; width: number; n: number } {
  if (f.type === 'integer') {
    const span = max - min + 1;
    const width = Math.max(1, Math.ceil(span / BINS));
    return { from: min, width, n: Math.ceil(span / width) };
  }
  if (min === max) return { from: min, width: 1, n: 1 };
  return { from: min, width: (max - min) / BINS, n: BINS };
}

/**
 * Count, nulls, min, max, mean and a histogram of each numeric field open data shows. Fields with any
 * sensitivity are never read: the same rule as every other open output (openFields).
 */
export async function numericStats(
  db: Db,
  d: OpenDatasetRow,
): Promise<{ records: number; fields: PortalFieldStats[] }> {
  const fields = openFields(d.fields as DatasetField[])
    .filter((f): f is Numeric => f.type === 'integer' || f.type === 'decimal')
    .slice(0, MAX_FIELDS);
  const exists = await sql<{ t: string | null }>`select to_regclass(${tableOf(d.code)})::text as t`.execute(
    db,
  );
  const blank = (f: Numeric): PortalFieldStats => ({
    name: f.name,
    title: f.title,
    unit: f.unit ?? null,
    type: f.type,
    count: 0,
    nulls: 0,
    min: null,
    max: null,
    avg: null,
    histogram: [],
  });
  if (!exists.rows[0]?.t) return { records: 0, fields: fields.map(blank) };
  const table = sql.raw(tableOf(d.code));
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      await sql.raw(`set local statement_timeout = ${STATS_TIMEOUT_MS}`).execute(trx);
      const cols = fields.flatMap((f, i) => {
        const c = sql.raw(ident(f.name));
        return [
          sql`count(${c})::int as ${sql.raw(`c${i}`)}`,
          sql`min(${c})::float8 as ${sql.raw(`lo${i}`)}`,
          sql`max(${c})::float8 as ${sql.raw(`hi${i}`)}`,
          sql`avg(${c})::float8 as ${sql.raw(`av${i}`)}`,
        ];
      });
      const row = (
        await sql<Record<string, number | null>>`
          select ${sql.join([sql`count(*)::int as n`, ...cols])} from ${table}`.execute(trx)
      ).rows[0] as Record<string, number | null>;
      const records = Number(row.n ?? 0);
      const out: PortalFieldStats[] = [];
      for (const [i, f] of fields.entries()) {
        const agg: Agg = {
          count: Number(row[`c${i}`] ?? 0),
          min: row[`lo${i}`] ?? null,
          max: row[`hi${i}`] ?? null,
          avg: row[`av${i}`] ?? null,
        };
        out.push({
          ...blank(f),
          ...agg,
          nulls: records - agg.count,
          histogram:
            agg.min === null || agg.max === null ? [] : await histogram(trx, table, f, agg.min, agg.max),
        });
      }
      return { records, fields: out };
    });
  } catch (e) {
    if (/statement timeout/i.test((e as Error).message ?? ''))
      throw new AppError('open_portal_stats_timeout', { ms: STATS_TIMEOUT_MS });
    throw e;
  }
}

async function histogram(
  db: Db,
  table: ReturnType<typeof sql.raw>,
  f: Numeric,
  min: number,
  max: number,
): Promise<PortalFieldStats['histogram']> {
  const { from, width, n } = binsOf(f, min, max);
  const c = sql.raw(ident(f.name));
  const r = await sql<{ b: number; n: number }>`
    select least(floor((${c}::float8 - ${from}) / ${width}), ${n - 1})::int as b, count(*)::int as n
    from ${table} where ${c} is not null group by 1`.execute(db);
  const counts = new Map(r.rows.map((x) => [Number(x.b), Number(x.n)]));
  return Array.from({ length: n }, (_, b) => ({
    from: from + b * width,
    to: b === n - 1 && f.type === 'decimal' ? max : from + (b + 1) * width,
    count: counts.get(b) ?? 0,
  }));
}
