import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { tableOf } from './datastore.ts';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The highest change sequence among a dataset's tombstones (its deleted rows); null if none. */
export async function tombstoneVersion(db: Db, code: string): Promise<number | null> {
  const r = await sql<{
    v: string | null;
  }>`select max(seq) as v from datastore.tombstone where dataset_code = ${code}`.execute(db);
  return num(r.rows[0]?.v);
}

/**
 * A dataset's data version: the highest change sequence among its rows and the tombstones of its
 * deleted rows. Every write that inserts, changes or deletes a row moves it (writers of a dataset take
 * turns, see lockDatasetWrites, so sequence order is commit order), and both halves are index lookups:
 * cheap enough to ask on every open read. Null for a dataset that never held a row.
 */
export async function dataVersion(db: Db, code: string): Promise<number | null> {
  const exists = await sql<{ t: string | null }>`select to_regclass(${tableOf(code)}) as t`.execute(db);
  if (!exists.rows[0]?.t) return tombstoneVersion(db, code);
  const r = await sql<{ v: string | null }>`select greatest(
      (select max(_seq) from ${sql.raw(tableOf(code))}),
      (select max(seq) from datastore.tombstone where dataset_code = ${code})) as v`.execute(db);
  return num(r.rows[0]?.v);
}
