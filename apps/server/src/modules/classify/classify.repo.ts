import type { DatasetField } from '@shuzhi/contracts';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { tableOf } from '../datastore/index.ts';
import type { RunTable } from './classify.tables.ts';

export type RunRow = Selectable<RunTable>;

export const insertRun = (db: Db, row: Insertable<RunTable>) =>
  db.insertInto('classify.run').values(row).returningAll().executeTakeFirstOrThrow();

export const findRun = (db: Db, datasetId: string, runId: string) =>
  db
    .selectFrom('classify.run')
    .selectAll()
    .where('id', '=', runId)
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();

/** The newest run of a dataset; `lock` holds it until the caller's transaction ends. */
export function findLatestRun(db: Db, datasetId: string, lock = false) {
  let q = db
    .selectFrom('classify.run')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('id', 'desc')
    .limit(1);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export const setConfirmation = (db: Db, id: string, confirmation: NonNullable<RunRow['confirmation']>) =>
  db
    .updateTable('classify.run')
    .set({ confirmation: JSON.stringify(confirmation) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Up to `limit` rows drawn uniformly at random from a dataset's table, every field as text ('' for
 * null), in field order. `order by random() limit n` is one scan with a bounded top-n sort.
 */
export async function sampleRows(
  db: Db,
  code: string,
  fields: readonly DatasetField[],
  limit: number,
): Promise<string[][]> {
  const exists = await sql<{ t: string | null }>`select to_regclass(${tableOf(code)}) as t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const cols = fields.map((f, i) => `coalesce(${ident(f.name)}::text, '') as c${i}`).join(', ');
  const r = await sql<Record<string, string>>`select ${sql.raw(cols)} from ${sql.raw(tableOf(code))}
    order by random() limit ${limit}`.execute(db);
  return r.rows.map((row) => fields.map((_, i) => row[`c${i}`] as string));
}
