import type { Db } from '../../db/connection.ts';
import type { SavedMapping } from './ingest.mapping.ts';

export const findSavedMapping = (db: Db, datasetId: string) =>
  db.selectFrom('ingest.mapping').selectAll().where('dataset_id', '=', datasetId).executeTakeFirst();

export const saveMapping = (
  db: Db,
  datasetId: string,
  mapping: SavedMapping,
  by: { id: string; name: string },
) =>
  db
    .insertInto('ingest.mapping')
    .values({
      dataset_id: datasetId,
      mapping: JSON.stringify(mapping),
      saved_by: by.id,
      saved_by_name: by.name,
    })
    .onConflict((oc) =>
      oc.column('dataset_id').doUpdateSet({
        mapping: JSON.stringify(mapping),
        saved_by: by.id,
        saved_by_name: by.name,
        saved_at: new Date(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();

/** Changes a staged import's mapping; nothing when it has left the staged state meanwhile. */
export const setStagedMapping = (db: Db, importId: string, mapping: Record<string, string>) =>
  db
    .updateTable('ingest.import')
    .set({ mapping: JSON.stringify(mapping) })
    .where('id', '=', importId)
    .where('status', '=', 'staged')
    .returningAll()
    .executeTakeFirst();

/** Queues a staged import; the status guard makes two concurrent starts queue it once. */
export const queueStaged = (db: Db, importId: string, jobId: string) =>
  db
    .updateTable('ingest.import')
    .set({ status: 'queued', job_id: jobId })
    .where('id', '=', importId)
    .where('status', '=', 'staged')
    .returningAll()
    .executeTakeFirst();

export const cancelStaged = (db: Db, importId: string, error: string | null) =>
  db
    .updateTable('ingest.import')
    .set({ status: 'cancelled', error, finished_at: new Date() })
    .where('id', '=', importId)
    .where('status', '=', 'staged')
    .returningAll()
    .executeTakeFirst();

/** The same person's staged imports of the same bytes: a new upload of those bytes supersedes them. */
export const listStagedOfFile = (db: Db, datasetId: string, sha: string, createdBy: string) =>
  db
    .selectFrom('ingest.import')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('file_sha256', '=', sha)
    .where('created_by', '=', createdBy)
    .where('status', '=', 'staged')
    .execute();
