import { createHash } from 'node:crypto';
import type { DatasetField } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../platform/errors.ts';

const pgType: Record<DatasetField['type'], string> = {
  string: 'text',
  integer: 'bigint',
  decimal: 'numeric',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
};

/** Housekeeping columns every data table carries, never taken by a field (field names cannot start with _). */
export const HOUSEKEEPING = ['_valid_from', '_loaded_at', '_import_id', '_seq'] as const;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** The table of a dataset: `data."<code>"` (codes are unique, 3–40 of [A-Za-z0-9_.-]). */
export const tableOf = (code: string) => `data.${ident(code)}`;
const pkName = (code: string) => ident(`${code}_pkey`);

/**
 * Creates a published dataset's typed table, keyed by its key fields. No foreign keys and the key as
 * the distribution column, so the table can be distributed with Citus later.
 */
export async function createDataTable(db: Db, code: string, fields: DatasetField[]): Promise<void> {
  const cols = fields.map((f) => `${ident(f.name)} ${pgType[f.type]}${f.key ? ' not null' : ''}`);
  const keys = fields.filter((f) => f.key).map((f) => ident(f.name));
  await sql
    .raw(
      `create table if not exists ${tableOf(code)} (${[
        ...cols,
        '_valid_from timestamptz not null default now()',
        '_loaded_at timestamptz not null default now()',
        '_import_id uuid',
        // The change feed's order: the sequence number of the row's last real change.
        "_seq bigint not null default nextval('datastore.change_seq')",
        `constraint ${pkName(code)} primary key (${keys.join(', ')})`,
      ].join(', ')})`,
    )
    .execute(db);
  await secondaryIndexes(db, code, fields);
}

/** The change feed's index and the filter indexes of a dataset's table. */
async function secondaryIndexes(db: Db, code: string, fields: DatasetField[]): Promise<void> {
  // A code cannot hold ":", so this name never meets another dataset's table.
  await sql.raw(`create index if not exists ${ident(`${code}:seq`)} on ${tableOf(code)} (_seq)`).execute(db);
  await syncFieldIndexes(db, code, fields);
}

/** Names of a bulk load's indexes until adoptLoadIndexes renames them (`prefix`: the import). */
const loadIndex = {
  key: (prefix: string) => ident(`${prefix}:key`),
  seq: (prefix: string) => ident(`${prefix}:seq`),
  field: (prefix: string, field: string) => ident(`${prefix}:f:${fieldDigest(field)}`),
};

/**
 * The key and every index of a bulk load's table (see datastore-load.ts), built before it becomes
 * the dataset's table, each once over all its rows. Named after the load (`prefix`: two loads of one
 * dataset may be under way), and renamed by adoptLoadIndexes. The key and the others build at once
 * on two connections, so PostgreSQL uses both cores; the planner's statistics follow (ANALYZE waits
 * for index builds anyway). Idempotent. Fails with PostgreSQL's unique violation (23505) when two
 * rows share a key.
 */
export async function indexLoadTable(
  db: Db,
  table: string,
  prefix: string,
  fields: DatasetField[],
): Promise<void> {
  const keys = fields.filter((f) => f.key).map((f) => ident(f.name));
  const others = async () => {
    await sql.raw(`create index if not exists ${loadIndex.seq(prefix)} on ${table} (_seq)`).execute(db);
    for (const f of fields.filter((x) => x.indexed))
      await sql
        .raw(
          `create index if not exists ${loadIndex.field(prefix, f.name)} on ${table} (${ident(f.name)}, _seq)`,
        )
        .execute(db);
  };
  const [key, rest] = await Promise.allSettled([
    sql
      .raw(`create unique index if not exists ${loadIndex.key(prefix)} on ${table} (${keys.join(', ')})`)
      .execute(db),
    others(),
  ]);
  if (key.status === 'rejected') throw key.reason;
  if (rest.status === 'rejected') throw rest.reason;
  await sql.raw(`analyze ${table}`).execute(db);
}

/**
 * Gives a bulk load's indexes (see indexLoadTable), now on the dataset's table, the names and the
 * key constraint the dataset's table would have had from createDataTable.
 */
export async function adoptLoadIndexes(
  db: Db,
  code: string,
  prefix: string,
  fields: DatasetField[],
): Promise<void> {
  await sql
    .raw(
      `alter table ${tableOf(code)} add constraint ${pkName(code)} primary key using index ${loadIndex.key(prefix)}`,
    )
    .execute(db);
  await sql.raw(`alter index data.${loadIndex.seq(prefix)} rename to ${ident(`${code}:seq`)}`).execute(db);
  for (const f of fields.filter((x) => x.indexed))
    await sql
      .raw(
        `alter index data.${loadIndex.field(prefix, f.name)} rename to ${ident(filterIndexName(code, f.name))}`,
      )
      .execute(db);
}

/** Prefix of the names of a table's filter indexes (see `indexed` on a field). */
const filterIndexPrefix = (code: string) => `${code}:f:`;
// A field name can be 63 characters long, more than an index name leaves after the code: a digest
// of it keeps the name short and fixed.
const fieldDigest = (field: string) => createHash('sha256').update(field).digest('hex').slice(0, 12);
const filterIndexName = (code: string, field: string) => `${filterIndexPrefix(code)}${fieldDigest(field)}`;

/**
 * Keeps one index per `indexed` field, on (field, _seq): a filter on it finds its rows and, read in
 * that order, they come in the default sort of the record APIs, so a page of a filtered list reads
 * only that page. Indexes of fields no longer marked are dropped.
 */
export async function syncFieldIndexes(db: Db, code: string, fields: DatasetField[]): Promise<void> {
  const wanted = new Map(fields.filter((f) => f.indexed).map((f) => [filterIndexName(code, f.name), f]));
  const existing = await sql<{ name: string }>`
    select indexname as name from pg_indexes
    where schemaname = 'data' and tablename = ${code} and starts_with(indexname, ${filterIndexPrefix(code)})`.execute(
    db,
  );
  const have = new Set(existing.rows.map((r) => r.name));
  for (const name of have)
    if (!wanted.has(name)) await sql.raw(`drop index if exists data.${ident(name)}`).execute(db);
  for (const [name, f] of wanted)
    if (!have.has(name))
      await sql
        .raw(`create index if not exists ${ident(name)} on ${tableOf(code)} (${ident(f.name)}, _seq)`)
        .execute(db);
}

/**
 * Brings a data table to a changed field list without losing rows: new fields become columns,
 * changed types are cast in place (refused, changing nothing, when a value does not convert),
 * removed fields are dropped, and a changed key is re-declared (refused on duplicates).
 * Runs inside the caller's transaction.
 */
export async function migrateDataTable(
  db: Db,
  code: string,
  before: DatasetField[],
  after: DatasetField[],
): Promise<void> {
  const old = new Map(before.map((f) => [f.name, f]));
  const now = new Map(after.map((f) => [f.name, f]));
  const steps: string[] = [];
  const keyChanged =
    before
      .filter((f) => f.key)
      .map((f) => f.name)
      .join(',') !==
    after
      .filter((f) => f.key)
      .map((f) => f.name)
      .join(',');
  if (keyChanged) steps.push(`alter table ${tableOf(code)} drop constraint if exists ${pkName(code)}`);
  for (const f of before)
    if (!now.has(f.name)) steps.push(`alter table ${tableOf(code)} drop column ${ident(f.name)}`);
  for (const f of after) {
    const was = old.get(f.name);
    if (!was) steps.push(`alter table ${tableOf(code)} add column ${ident(f.name)} ${pgType[f.type]}`);
    else if (was.type !== f.type) {
      steps.push(
        `alter table ${tableOf(code)} alter column ${ident(f.name)} type ${pgType[f.type]} using ${ident(f.name)}::text::${pgType[f.type]}`,
      );
    }
  }
  if (keyChanged) {
    const keys = after.filter((f) => f.key).map((f) => ident(f.name));
    steps.push(
      `alter table ${tableOf(code)} add constraint ${pkName(code)} primary key (${keys.join(', ')})`,
    );
  }
  for (const step of steps) {
    try {
      await sql.raw(step).execute(db);
    } catch (e) {
      throw new AppError('schema_change_failed', { code, reason: (e as Error).message });
    }
  }
  await syncFieldIndexes(db, code, after);
}

/**
 * Refreshes the planner's statistics of a dataset's table after a load. PGlite has no autovacuum,
 * and on a server it lags a large load: without them filters plan badly and row estimates (used
 * for the sizes open data reports) stay at zero.
 */
export async function analyzeTable(db: Db, code: string): Promise<void> {
  await sql.raw(`analyze ${tableOf(code)}`).execute(db);
}

/** Rows in a dataset's table (0 when it has none yet). */
export async function countRows(db: Db, code: string): Promise<number> {
  const exists = await sql<{ t: string | null }>`select to_regclass(${tableOf(code)}) as t`.execute(db);
  if (!exists.rows[0]?.t) return 0;
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(tableOf(code))}`.execute(db);
  return r.rows[0]?.n ?? 0;
}
