import type { DatasetField } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { adoptLoadIndexes, indexLoadTable, tableOf } from './datastore.ts';
import { lockDatasetWrites, writeBatch } from './datastore-write.ts';

/**
 * Bulk loads (ADR 0010). A load into a dataset whose table is empty builds the rows in a table of
 * its own, without indexes, and publishes it whole at the end: the key and the other indexes are
 * then built once, sorted, instead of maintained row by row (several times faster on PostgreSQL),
 * and readers see the dataset's first rows all at once instead of growing piece by piece.
 */
const LOAD_SCHEMA = 'data_load';

/** The load table of an import (its id is a UUID, so the name is always a valid identifier). */
export const loadTableOf = (importId: string) => `${LOAD_SCHEMA}."${importId}"`;

const UNIQUE_VIOLATION = '23505';

/** Whether a dataset's table has any row (its first, found at once). */
async function hasRows(db: Db, code: string): Promise<boolean> {
  const r = await sql`select 1 from ${sql.raw(tableOf(code))} limit 1`.execute(db);
  return r.rows.length > 0;
}

async function loadExists(db: Db, importId: string): Promise<boolean> {
  const r = await sql<{ t: string | null }>`select to_regclass(${loadTableOf(importId)})::text as t`.execute(
    db,
  );
  return Boolean(r.rows[0]?.t);
}

/**
 * Starts (or, after a crash, finds again) the bulk load of an import: answers the load table to
 * write to, or null when the dataset already has rows and the load goes into its table directly.
 */
export async function openLoad(db: Db, code: string, importId: string): Promise<string | null> {
  if (await loadExists(db, importId)) return loadTableOf(importId);
  return db.transaction().execute(async (trx) => {
    await lockDatasetWrites(trx, code);
    if (await hasRows(trx, code)) return null;
    // Columns, types, NOT NULL and defaults of the dataset's table; no key and no indexes yet. And
    // each row's input row number: pieces load at once, so _seq need not follow the file's order.
    await sql
      .raw(
        `create table ${loadTableOf(importId)} (like ${tableOf(code)} including defaults, _r bigint not null)`,
      )
      .execute(trx);
    // Rows that come by COPY name only their fields and _r; the defaults fill the rest.
    await sql
      .raw(`alter table ${loadTableOf(importId)} alter column _import_id set default '${importId}'::uuid`)
      .execute(trx);
    return loadTableOf(importId);
  });
}

/**
 * Publishes a bulk load. When the dataset's table is still empty, the load table takes its place:
 * of rows with the same key the later one wins (as in an upsert), and the key and the indexes, built
 * beforehand on the load table (no one else sees it), come with it. When another writer put rows in
 * meanwhile, the load is upserted into the table instead. Either way in one transaction: readers see
 * the table before or after, never half of it.
 */
export async function publishLoad(
  db: Db,
  code: string,
  fields: DatasetField[],
  importId: string,
): Promise<void> {
  const load = loadTableOf(importId);
  if (!(await loadExists(db, importId))) return;
  // Built outside the publication, which then holds the dataset's lock for moments only.
  const indexed = !(await hasRows(db, code));
  if (indexed) await indexLoad(db, load, importId, fields);
  await db.transaction().execute(async (trx) => {
    await lockDatasetWrites(trx, code);
    const target = tableOf(code);
    if (await hasRows(trx, code)) {
      const cols = fields.map((f) => sql.id(f.name));
      await writeBatch(
        trx,
        code,
        fields,
        { rows: [], source: sql`select _r as r, ${sql.join(cols)} from ${sql.raw(load)}` },
        'upsert',
        importId,
      );
      await sql.raw(`drop table ${load}`).execute(trx);
      await sql.raw(`analyze ${target}`).execute(trx);
      return;
    }
    // The dataset was emptied since it was found with rows: its indexes are built now.
    if (!indexed) await indexLoad(trx, load, importId, fields);
    await sql.raw(`drop table ${target}`).execute(trx);
    await sql.raw(`alter table ${load} set schema data`).execute(trx);
    await sql.raw(`alter table data."${importId}" rename to "${code.replace(/"/g, '""')}"`).execute(trx);
    await adoptLoadIndexes(trx, code, importId, fields);
    await sql.raw(`alter table ${target} drop column _r, alter column _import_id drop default`).execute(trx);
  });
}

/** Builds a load table's indexes (see indexLoadTable); of rows with one key, the file's last stays. */
async function indexLoad(db: Db, load: string, importId: string, fields: DatasetField[]): Promise<void> {
  // In a transaction, the failed build must not abort it.
  if (db.isTransaction) await sql`savepoint shuzhi_load_key`.execute(db);
  try {
    await indexLoadTable(db, load, importId, fields);
  } catch (e) {
    if ((e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
    if (db.isTransaction) await sql`rollback to savepoint shuzhi_load_key`.execute(db);
    const same = sql.join(
      fields.filter((f) => f.key).map((f) => sql`a.${sql.id(f.name)} = b.${sql.id(f.name)}`),
      sql` and `,
    );
    await sql`delete from ${sql.raw(load)} a using ${sql.raw(load)} b where ${same} and a._r < b._r`.execute(
      db,
    );
    await indexLoadTable(db, load, importId, fields);
  }
}
