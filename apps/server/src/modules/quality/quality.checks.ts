import type { Dataset, DatasetField } from '@shuzhi/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { tableOf } from '../datastore/index.ts';
import type { StoredSample } from './quality.tables.ts';

/** Blanks a value may be made of: ASCII whitespace and the ideographic space of Chinese files. */
export const BLANKS = ' \t\r\n\u3000';
/** Offending rows kept per rule for the problem list. */
export const SAMPLE_LIMIT = 20;

/** What one rule found in one run. */
export type Outcome = {
  checked: number;
  failed: number;
  reasons: Record<string, number>;
  samples: StoredSample[];
  details: Record<string, string | number | null>[];
};

export const emptyOutcome = (): Outcome => ({ checked: 0, failed: 0, reasons: {}, samples: [], details: [] });

export const keyFields = (ds: Pick<Dataset, 'fields'>): DatasetField[] => ds.fields.filter((f) => f.key);

/** A column of the dataset's table, in the `t` alias every check reads it under. */
export const col = (name: string) => sql.ref(`t.${name}`);

/** Present: not null and, for text, not blank. Completeness is the `required` rule's business alone. */
export function present(f: DatasetField, blankIsMissing = true): RawBuilder<boolean> {
  const c = col(f.name);
  if (f.type !== 'string' || !blankIsMissing) return sql<boolean>`(${c} is not null)`;
  return sql<boolean>`(${c} is not null and btrim(${c}, ${BLANKS}) <> '')`;
}

type StoredRow = Record<string, string | null>;

/** Key and value columns of a sample, as text (housekeeping columns keep their own names). */
function sampleOf(row: StoredRow, keys: string[], values: string[], reason: string | null): StoredSample {
  return {
    key: Object.fromEntries(keys.map((k) => [k, row[`k_${k}`] ?? null])),
    values: Object.fromEntries(values.map((v) => [v, row[`v_${v}`] ?? null])),
    reason,
  };
}

/**
 * The shape every set-based check takes: among the rows of `from` (aliased `t`) where `applies`,
 * count them and those where `fails`, and keep the first offending rows (in key order) as samples.
 */
export async function countAndSample(
  db: Db,
  ds: Pick<Dataset, 'fields'>,
  spec: {
    from?: RawBuilder<unknown>;
    applies: RawBuilder<boolean>;
    fails: RawBuilder<boolean>;
    /** Columns shown with each sample: the checked field, `_loaded_at` for freshness. */
    show: string[];
    reason?: string;
  },
  table: string,
): Promise<Outcome> {
  const from = spec.from ?? sql`${sql.raw(table)} t`;
  const counts = await sql<{ checked: number; failed: number }>`
    select count(*) filter (where ${spec.applies})::float8 as checked,
           count(*) filter (where ${spec.applies} and ${spec.fails})::float8 as failed
    from ${from}`.execute(db);
  const checked = counts.rows[0]?.checked ?? 0;
  const failed = counts.rows[0]?.failed ?? 0;
  const out: Outcome = { ...emptyOutcome(), checked, failed };
  if (failed === 0) return out;
  if (spec.reason) out.reasons[spec.reason] = failed;
  const keys = keyFields(ds).map((f) => f.name);
  const cols = [
    ...keys.map((k) => sql`${col(k)}::text as ${sql.ref(`k_${k}`)}`),
    ...spec.show.map((v) => sql`${col(v)}::text as ${sql.ref(`v_${v}`)}`),
  ];
  const rows = await sql<StoredRow>`
    select ${sql.join(cols)} from ${from}
    where ${spec.applies} and ${spec.fails}
    order by ${sql.join(keys.map((k) => col(k)))}
    limit ${SAMPLE_LIMIT}`.execute(db);
  out.samples = rows.rows.map((r) => sampleOf(r, keys, spec.show, spec.reason ?? null));
  return out;
}

/** Rows in the table: the denominator of dataset-level rules. */
export async function rowCount(db: Db, code: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::float8 as n from ${sql.raw(tableOf(code))}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export async function tableExists(db: Db, code: string): Promise<boolean> {
  const r = await sql<{ t: string | null }>`select to_regclass(${tableOf(code)}) as t`.execute(db);
  return !!r.rows[0]?.t;
}
