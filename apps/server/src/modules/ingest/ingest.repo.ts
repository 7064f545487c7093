import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ImportTable } from './ingest.tables.ts';

export type ImportRow = Selectable<ImportTable>;

export const findImport = (db: Db, id: string) =>
  db.selectFrom('ingest.import').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * An earlier import of the same bytes in the same mode with the same mapping that did not fail:
 * re-uploading it does nothing. Staged imports never count (nothing was loaded from them), and a
 * different mapping loads different values, so it is a different import.
 */
export const findSameImport = (
  db: Db,
  datasetId: string,
  sha: string,
  mode: string,
  mapping: Record<string, string>,
) =>
  db
    .selectFrom('ingest.import')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('file_sha256', '=', sha)
    .where('mode', '=', mode as ImportRow['mode'])
    .where('status', 'in', ['queued', 'running', 'succeeded'])
    .where(sql<boolean>`mapping = ${JSON.stringify(mapping)}::jsonb`)
    .orderBy('id', 'desc')
    .executeTakeFirst();

export const insertImport = (
  db: Db,
  row: Omit<
    ImportRow,
    | 'created_at'
    | 'rows_read'
    | 'rows_loaded'
    | 'rows_rejected'
    | 'last_row'
    | 'finished_at'
    | 'mapping'
    | 'source_id'
    | 'watermark_to'
  > & {
    mapping: Record<string, string>;
    source_id?: string | null;
    watermark_to?: string | null;
  },
) =>
  db
    .insertInto('ingest.import')
    .values({ ...row, mapping: JSON.stringify(row.mapping) })
    .returningAll()
    .executeTakeFirstOrThrow();

export const listImports = (db: Db, datasetId: string, afterId: string | null, limit: number) => {
  let q = db.selectFrom('ingest.import').selectAll().where('dataset_id', '=', datasetId);
  if (afterId) q = q.where('id', '<', afterId);
  return q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
};

export const setImport = (
  db: Db,
  id: string,
  patch: Partial<Pick<ImportRow, 'status' | 'error' | 'job_id' | 'finished_at'>>,
) => db.updateTable('ingest.import').set(patch).where('id', '=', id).execute();

/** Commits one batch's counters together with its rows, so a resumed import neither skips nor repeats. */
export async function advance(
  db: Db,
  id: string,
  d: { read: number; loaded: number; rejected: number; lastRow: number },
) {
  await sql`update ingest.import set rows_read = rows_read + ${d.read}, rows_loaded = rows_loaded + ${d.loaded},
    rows_rejected = rows_rejected + ${d.rejected}, last_row = ${d.lastRow} where id = ${id}`.execute(db);
}

export async function insertRejects(
  db: Db,
  importId: string,
  rows: {
    row_number: number;
    code: string;
    reason_zh: string;
    reason_en: string;
    raw: Record<string, string> | null;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insertInto('ingest.reject')
      .values(rows.slice(i, i + 2000).map((r) => ({ ...r, import_id: importId, raw: JSON.stringify(r.raw) })))
      .onConflict((oc) => oc.columns(['import_id', 'row_number']).doNothing())
      .execute();
  }
}

export const listRejects = (db: Db, importId: string, afterRow: number, limit: number) =>
  db
    .selectFrom('ingest.reject')
    .selectAll()
    .where('import_id', '=', importId)
    .where('row_number', '>', afterRow)
    .orderBy('row_number')
    .limit(limit + 1)
    .execute();
