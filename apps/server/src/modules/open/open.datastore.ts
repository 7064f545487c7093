import type { DatasetField } from '@shuzhi/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../platform/errors.ts';
import { ident, selectList, tableOf } from '../datastore/index.ts';
import { ckanType, openFields } from './open.names.ts';
import type { OpenDatasetRow } from './open.repo.ts';

export const ROWS_MAX = 32000;
/**
 * CKAN's `total_estimation_threshold` when a call gives none: totals the planner estimates above it
 * are that estimate (`total_was_estimated`), smaller ones are counted. Counting a few million matches
 * of a broad filter would cost more than the page of records the caller asked for.
 */
export const TOTAL_ESTIMATION_THRESHOLD = 1000;

export type DatastoreQuery = {
  filters: Record<string, unknown>;
  q: string | Record<string, string> | undefined;
  fields: string[] | undefined;
  sort: string | undefined;
  limit: number;
  offset: number;
  includeTotal: boolean;
  /** Totals above it are estimated; null counts exactly, whatever the cost. */
  totalEstimationThreshold: number | null;
};

const invalid = (field: string, reason: string) => new AppError('ckan_param_invalid', { field, reason });
const like = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The DataStore field list CKAN answers with. */
export const fieldsInfo = (fields: DatasetField[]) =>
  fields.map((f) => ({
    id: f.name,
    type: ckanType[f.type],
    info: { label: f.title, notes: f.description ?? '', ...(f.unit ? { unit: f.unit } : {}) },
  }));

/** Turns a filter value into the column's type, refusing what does not convert. */
function typed(f: DatasetField, v: unknown): unknown {
  if (v === null) return null;
  if (f.type === 'integer' || f.type === 'decimal') {
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    if (String(v).trim() === '' || !Number.isFinite(n) || (f.type === 'integer' && !Number.isInteger(n)))
      throw invalid('filters', `"${String(v)}" is not a number for field "${f.name}"`);
    return n;
  }
  if (f.type === 'boolean') {
    const s = String(v).toLowerCase();
    if (!['true', 'false', 't', 'f', '1', '0'].includes(s))
      throw invalid('filters', `"${String(v)}" is not a boolean for field "${f.name}"`);
    return ['true', 't', '1'].includes(s);
  }
  if (typeof v === 'object') throw invalid('filters', `the value of "${f.name}" must be a value or a list`);
  return String(v);
}

/**
 * What a caller reads of a table: by default the open fields; an approved applicant's key, the approved
 * fields, of which the masked ones can be shown but not filtered, searched or sorted on (a filter on a
 * masked value would reveal it by probing).
 */
export type RecordShape = { fields: DatasetField[]; masked: DatasetField[] };

/** CKAN's `filters`, `q` (text or per field), `fields`, `sort`, `limit`, `offset`, `include_total`. */
export async function searchRecords(
  db: Db,
  d: OpenDatasetRow,
  query: DatastoreQuery,
  shape: RecordShape = { fields: openFields(d.fields as DatasetField[]), masked: [] },
) {
  const all = shape.fields;
  const byName = new Map(all.map((f) => [f.name, f]));
  const maskedNames = new Set(shape.masked.map((f) => f.name));
  const shownField = (name: string, param: string) => {
    const f = byName.get(name);
    if (!f) throw invalid(param, `field "${name}" not in table`);
    return f;
  };
  const field = (name: string, param: string) => {
    const f = shownField(name, param);
    if (maskedNames.has(name))
      throw invalid(param, `field "${name}" is masked: it cannot be filtered, searched or sorted on`);
    return f;
  };
  const shown = query.fields ? query.fields.map((n) => shownField(n, 'fields')) : all;
  const where: RawBuilder<unknown>[] = [];
  for (const [name, value] of Object.entries(query.filters)) {
    const f = field(name, 'filters');
    const col = sql.raw(ident(f.name));
    if (Array.isArray(value)) {
      if (value.length === 0) throw invalid('filters', `the list for "${name}" is empty`);
      where.push(sql`${col} in (${sql.join(value.map((v) => typed(f, v)))})`);
    } else where.push(value === null ? sql`${col} is null` : sql`${col} = ${typed(f, value)}`);
  }
  const textCols = all.filter((f) => f.type === 'string' && !maskedNames.has(f.name));
  if (typeof query.q === 'string') {
    for (const term of query.q.trim().split(/\s+/).filter(Boolean)) {
      if (textCols.length === 0) where.push(sql`false`);
      else
        where.push(
          sql`(${sql.join(
            textCols.map((f) => sql`lower(${sql.raw(ident(f.name))}) like ${like(term)}`),
            sql` or `,
          )})`,
        );
    }
  } else if (query.q) {
    for (const [name, term] of Object.entries(query.q)) {
      const f = field(name, 'q');
      if (typeof term !== 'string') throw invalid('q', `the term for "${name}" must be text`);
      where.push(sql`lower(${sql.raw(ident(f.name))}::text) like ${like(term)}`);
    }
  }
  const order = parseRecordSort(query.sort, (n) => field(n, 'sort'));
  const cond = where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;
  const table = sql.raw(tableOf(d.code));
  const exists = await sql<{ t: string | null }>`select to_regclass(${tableOf(d.code)})::text as t`.execute(
    db,
  );
  if (!exists.rows[0]?.t)
    return { fields: fieldsInfo(shown), records: [], total: 0, totalWasEstimated: false };
  // The page and the count run side by side (on a server, on two connections): the answer waits
  // for the slower of them, not for both.
  const page = sql<Record<string, unknown>>`
    select ${selectList(shown)} from ${table} ${cond}
    order by ${sql.raw(order)} limit ${query.limit} offset ${query.offset}`;
  const [records, count] = await Promise.all([
    where.length < 2
      ? page.execute(db)
      : // With several filters the planner, costing random reads as disk seeks, walks the whole
        // change-order index instead of one filter field's index (ADR 0008). Data pages are read
        // from memory or SSD: costed as such, it takes the field's index, several times faster.
        db.transaction().execute(async (trx) => {
          await sql`set local random_page_cost = 1.1`.execute(trx);
          return page.execute(trx);
        }),
    query.includeTotal ? countMatches(db, table, cond, query.totalEstimationThreshold) : undefined,
  ]);
  // A page that is not full (and not past the end) ends the matches: its total is exact as it is.
  const n = records.rows.length;
  const counted = !count
    ? { total: undefined, totalWasEstimated: false }
    : n > 0 && n < query.limit
      ? { total: query.offset + n, totalWasEstimated: false }
      : count;
  return { fields: fieldsInfo(shown), records: records.rows, ...counted };
}

/**
 * The number of matching rows, decided as CKAN does: when the planner estimates more matches than
 * `threshold`, its estimate is the answer (`totalWasEstimated`); otherwise they are counted. CKAN
 * cannot estimate with filters; PostgreSQL's estimate takes them into account, so here it can. A
 * count the estimate undersold stops at a hundred times the threshold and answers that as estimated.
 */
async function countMatches(
  db: Db,
  table: RawBuilder<unknown>,
  cond: RawBuilder<unknown>,
  threshold: number | null,
): Promise<{ total: number; totalWasEstimated: boolean }> {
  if (threshold === null) {
    const n = await sql<{ n: number }>`select count(*)::int as n from ${table} ${cond}`.execute(db);
    return { total: n.rows[0]?.n ?? 0, totalWasEstimated: false };
  }
  const plan = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] | string }>`
    explain (format json) select 1 from ${table} ${cond}`.execute(db);
  const raw = plan.rows[0]?.['QUERY PLAN'];
  const parsed = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const estimate = Math.round(Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0));
  if (estimate > threshold) return { total: estimate, totalWasEstimated: true };
  const cap = Math.max(threshold, 1) * 100;
  const n = await sql<{ n: number }>`
    select count(*)::int as n from (select 1 from ${table} ${cond} limit ${cap + 1}) m`.execute(db);
  const exact = n.rows[0]?.n ?? 0;
  return exact > cap ? { total: exact, totalWasEstimated: true } : { total: exact, totalWasEstimated: false };
}

/** `"col desc, col2"`; `_seq` (unique per row) breaks ties so that pages do not overlap. */
function parseRecordSort(input: string | undefined, field: (n: string) => DatasetField): string {
  const parts: string[] = [];
  for (const part of (input ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^"?([a-z][a-z0-9_]*)"?(?:\s+(asc|desc))?$/i.exec(part);
    if (!m) throw invalid('sort', `cannot sort by "${part}"`);
    const f = field(m[1] as string);
    parts.push(`${ident(f.name)} ${(m[2] ?? 'asc').toLowerCase()}`);
  }
  parts.push('_seq');
  return parts.join(', ');
}
