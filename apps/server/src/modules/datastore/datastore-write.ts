import type { DatasetField } from '@shuzhi/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { tableOf } from './datastore.ts';
import { STAGE, stagedColumn } from './datastore-stage.ts';

export type Value = string | number | boolean | null;
export type WriteMode = 'upsert' | 'replace' | 'append';
/** A converted row and the input row number it came from (which decides who wins a key). */
export type NumberedRow = { r: number; values: Value[] };

const ident = (name: string) => sql.id(name);
export const pgArray: Record<DatasetField['type'], string> = {
  string: 'text[]',
  integer: 'bigint[]',
  decimal: 'numeric[]',
  boolean: 'boolean[]',
  date: 'date[]',
  datetime: 'timestamptz[]',
};

/** Writers of one dataset take turns until the transaction ends, so its change feed's order is its commit order. */
export async function lockDatasetWrites(db: Db, code: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`ingest:${code}`}))`.execute(db);
}

/**
 * Writes a batch into a dataset's table: rows converted in JavaScript and, when `staged` maps each
 * field to its cell in the session's stage table (see datastore-stage.ts), the stage's rows that
 * PostgreSQL converted itself. Within the batch the later row of a key wins (`upsert`/`replace`) or
 * the first does (`append`, which keeps existing rows). Answers the row numbers that were not
 * written, i.e. append's duplicates. A row's `_seq` moves only when its values really change,
 * so the change feed does not report unchanged re-deliveries.
 */
export async function writeBatch(
  db: Db,
  code: string,
  fields: DatasetField[],
  batch: {
    rows: NumberedRow[];
    staged?: (number | null)[];
    /** Rows (r and the fields' columns, in field order) from a query as well (see canonicalRows). */
    source?: RawBuilder<unknown>;
  },
  mode: WriteMode,
  importId: string,
  /** A bulk load's table (see datastore-load.ts): rows are appended to it, keys unchecked. */
  load?: string,
): Promise<{ notWritten: number[] }> {
  if (batch.rows.length === 0 && !batch.staged && !batch.source) return { notWritten: [] };
  const names = fields.map((f) => ident(f.name));
  const cols = sql.join(names);
  const keys = sql.join(fields.filter((f) => f.key).map((f) => ident(f.name)));
  // One array parameter per column, unnested server-side: a few parameters per batch instead of
  // one per value keeps both the statement and its planning small.
  const arrays = sql.join([
    sql`${batch.rows.map((x) => x.r)}::bigint[]`,
    ...fields.map(
      (f, i) =>
        sql`${batch.rows.map((x) => (x.values[i] === null || x.values[i] === undefined ? null : String(x.values[i])))}::${sql.raw(pgArray[f.type])}`,
    ),
  ]);
  const fromJs = sql`select * from unnest(${arrays}) as u(r, ${cols})`;
  const staged = batch.staged;
  const src = batch.source
    ? sql`${batch.source} union all ${fromJs}`
    : staged
      ? sql`select r, ${sql.join(fields.map((f, i) => sql`${stagedColumn(f, staged[i] ?? null)} as ${ident(f.name)}`))}
          from ${sql.raw(STAGE)} where ok
          union all ${fromJs}`
      : fromJs;
  if (load !== undefined) {
    // With its input row number (_r), which decides which of two rows with one key came later.
    await sql`insert into ${sql.raw(load)} (${cols}, _import_id, _loaded_at, _valid_from, _seq, _r)
      select ${cols}, ${importId}::uuid, now(), now(), nextval('datastore.change_seq'), r from (${src}) s`.execute(
      db,
    );
    return { notWritten: [] };
  }
  const target = sql.raw(tableOf(code));
  const into = sql`insert into ${target} as t (${cols}, _import_id, _loaded_at, _valid_from, _seq)`;
  const pick = sql`select distinct on (${keys}) ${cols}, ${importId}::uuid, now(), now(), nextval('datastore.change_seq') from src`;

  if (mode !== 'append') {
    const plain = fields.filter((f) => !f.key).map((f) => ident(f.name));
    const changed =
      plain.length === 0
        ? sql`false`
        : sql`(${sql.join(plain.map((c) => sql`t.${c}`))}) is distinct from (${sql.join(plain.map((c) => sql`excluded.${c}`))})`;
    const sets = sql.join([
      ...plain.map((c) => sql`${c} = excluded.${c}`),
      sql`_import_id = excluded._import_id`,
      sql`_loaded_at = excluded._loaded_at`,
      sql`_valid_from = case when ${changed} then excluded._valid_from else t._valid_from end`,
      sql`_seq = case when ${changed} then excluded._seq else t._seq end`,
    ]);
    await sql`with src as (${src})
      ${into} ${pick} order by ${keys}, r desc
      on conflict (${keys}) do update set ${sets}`.execute(db);
    return { notWritten: [] };
  }
  // Append: existing keys stay, and only the first row of a key within the batch can go in.
  const r = await sql<{ r: number }>`
    with src as materialized (${src}),
    ins as (${into} ${pick} order by ${keys}, r on conflict (${keys}) do nothing returning ${keys}),
    firsts as (select distinct on (${keys}) r, ${keys} from src order by ${keys}, r)
    select s.r::float8 as r from src s
    where s.r not in (select f.r from firsts f join ins using (${keys}))
    order by s.r`.execute(db);
  return { notWritten: r.rows.map((x) => Number(x.r)) };
}

/**
 * Writes typed rows (numbered by position) outside an import pipeline; see writeBatch. Answers,
 * per row, whether it was written.
 */
export async function writeRows(
  db: Db,
  code: string,
  fields: DatasetField[],
  rows: Value[][],
  mode: WriteMode,
  importId: string,
): Promise<{ inserted: boolean[] }> {
  const { notWritten } = await writeBatch(
    db,
    code,
    fields,
    { rows: rows.map((values, r) => ({ r, values })) },
    mode,
    importId,
  );
  const lost = new Set(notWritten);
  return { inserted: rows.map((_, i) => !lost.has(i)) };
}

/** Replace mode's last step: rows the import did not bring are removed, each leaving a tombstone. */
export async function deleteRowsNotFrom(
  db: Db,
  code: string,
  fields: DatasetField[],
  importId: string,
): Promise<number> {
  const keys = fields.filter((f) => f.key).map((f) => ident(f.name));
  const r = await sql`
    with d as (delete from ${sql.raw(tableOf(code))} where _import_id is distinct from ${importId}::uuid
               returning ${sql.join(keys)})
    insert into datastore.tombstone (dataset_code, key, seq, import_id)
    select ${code}, jsonb_build_array(${sql.join(keys)}), nextval('datastore.change_seq'), ${importId}::uuid from d`.execute(
    db,
  );
  return Number(r.numAffectedRows ?? 0);
}
