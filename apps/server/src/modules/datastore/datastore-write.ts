import type { DatasetField } from '@shuzhi/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { tableOf } from './datastore.ts';

export type Value = string | number | boolean | null;
const ident = (name: string) => sql.id(name);
const pgArray: Record<DatasetField['type'], string> = {
  string: 'text[]',
  integer: 'bigint[]',
  decimal: 'numeric[]',
  boolean: 'boolean[]',
  date: 'date[]',
  datetime: 'timestamptz[]',
};

/**
 * Writes a batch of typed rows into a dataset's table. `upsert` and `replace` update rows whose key
 * exists (the last of several rows with one key wins); `append` keeps existing rows and answers
 * which of the batch's rows were inserted, so the caller can reject the others as duplicates.
 */
export async function writeRows(
  db: Db,
  code: string,
  fields: DatasetField[],
  rows: Value[][],
  mode: 'upsert' | 'replace' | 'append',
  importId: string,
): Promise<{ inserted: boolean[] }> {
  if (rows.length === 0) return { inserted: [] };
  const keyIdx = fields.flatMap((f, i) => (f.key ? [i] : []));
  const keyOf = (r: Value[]) => JSON.stringify(keyIdx.map((i) => r[i]));
  let batch = rows;
  if (mode !== 'append') {
    // ON CONFLICT DO UPDATE may touch a row once per statement: keep each key's last row.
    const last = new Map<string, number>();
    for (const [i, r] of rows.entries()) last.set(keyOf(r), i);
    batch = rows.filter((r, i) => last.get(keyOf(r)) === i);
  }
  const cols = sql.join([...fields.map((f) => ident(f.name)), ident('_import_id'), ident('_loaded_at')]);
  // One array parameter per column, unnested server-side: a few parameters per batch instead of
  // one per value keeps both the statement and its planning small.
  const arrays = sql.join(
    fields.map(
      (f, i) =>
        sql`${batch.map((r) => (r[i] === null || r[i] === undefined ? null : String(r[i])))}::${sql.raw(pgArray[f.type])}`,
    ),
  );
  const values = sql`select *, ${importId}::uuid, now() from unnest(${arrays})`;
  const keys = sql.join(keyIdx.map((i) => ident((fields[i] as DatasetField).name)));
  let conflict: RawBuilder<unknown>;
  if (mode === 'append') conflict = sql`on conflict (${keys}) do nothing`;
  else {
    const sets = sql.join(
      [...fields.filter((f) => !f.key).map((f) => f.name), '_import_id', '_loaded_at'].map(
        (c) => sql`${ident(c)} = excluded.${ident(c)}`,
      ),
    );
    conflict = sql`on conflict (${keys}) do update set ${sets}`;
  }
  const returning = sql.join(keyIdx.map((i) => sql`${ident((fields[i] as DatasetField).name)}::text`));
  const result = await sql<{ k: string[] }>`
    insert into ${sql.raw(tableOf(code))} (${cols}) ${values} ${conflict}
    returning array[${returning}] as k`.execute(db);
  if (mode !== 'append') return { inserted: rows.map(() => true) };
  // Which rows went in: the first row of each returned key (later rows with that key are duplicates).
  const got = new Set(result.rows.map((r) => JSON.stringify(r.k)));
  const textKey = (r: Value[]) => JSON.stringify(keyIdx.map((i) => (r[i] === null ? null : String(r[i]))));
  return {
    inserted: rows.map((r) => {
      const k = textKey(r);
      if (!got.has(k)) return false;
      got.delete(k);
      return true;
    }),
  };
}

/** Replace mode's last step: rows the import did not bring are removed. */
export async function deleteRowsNotFrom(db: Db, code: string, importId: string): Promise<number> {
  const r =
    await sql`delete from ${sql.raw(tableOf(code))} where _import_id is distinct from ${importId}::uuid`.execute(
      db,
    );
  return Number(r.numAffectedRows ?? 0);
}
