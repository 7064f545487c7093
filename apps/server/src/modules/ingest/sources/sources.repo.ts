import type { Selectable, Updateable } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import type { SignedInActor } from '../../../platform/actor.ts';
import type { SourceTable } from '../ingest.tables.ts';
import './schedule.tables.ts';

export type SourceRow = Selectable<SourceTable>;
/** Who asked for a run: the import it makes is theirs. */
export type RunBy = {
  kind: SignedInActor['kind'];
  id: string;
  name: string;
  orgId: string;
  orgName: string;
};

export const listSources = (db: Db, datasetId: string) =>
  db.selectFrom('ingest.source').selectAll().where('dataset_id', '=', datasetId).orderBy('name').execute();

export const findSource = (db: Db, id: string) =>
  db.selectFrom('ingest.source').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the source for the rest of the transaction: two run requests cannot both start one. */
export const lockSource = (db: Db, id: string) =>
  db.selectFrom('ingest.source').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findSourceByName = (db: Db, datasetId: string, name: string) =>
  db
    .selectFrom('ingest.source')
    .select('id')
    .where('dataset_id', '=', datasetId)
    .where('name', '=', name)
    .executeTakeFirst();

export const insertSource = (
  db: Db,
  row: Omit<
    SourceRow,
    | 'created_at'
    | 'updated_at'
    | 'config'
    | 'watermark'
    | 'watermark_at'
    | 'last_job_id'
    | 'last_run_status'
    | 'last_run_at'
    | 'last_run_finished_at'
    | 'last_run_records'
    | 'last_import_id'
    | 'last_error_zh'
    | 'last_error_en'
    | 'schedule'
    | 'schedule_by'
    | 'schedule_job_id'
    | 'next_run_at'
    | 'scheduled_run_at'
    | 'scheduled_status'
    | 'scheduled_import_id'
    | 'scheduled_error_zh'
    | 'scheduled_error_en'
  > & { config: Record<string, unknown> },
) =>
  db
    .insertInto('ingest.source')
    .values({ ...row, config: JSON.stringify(row.config) })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateSource = (
  db: Db,
  id: string,
  patch: Omit<Updateable<SourceTable>, 'config'> & { config?: Record<string, unknown> },
) =>
  db
    .updateTable('ingest.source')
    .set({ ...patch, config: patch.config === undefined ? undefined : JSON.stringify(patch.config) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** Records how a run went, unless a newer run has started since (the row names its job). */
export const setRun = (db: Db, id: string, jobId: string, patch: Updateable<SourceTable>) =>
  db
    .updateTable('ingest.source')
    .set(patch)
    .where('id', '=', id)
    .where('last_job_id', '=', jobId)
    .returningAll()
    .executeTakeFirst();

export const deleteSource = (db: Db, id: string) =>
  db.deleteFrom('ingest.source').where('id', '=', id).execute();

export const findImportOfJob = (db: Db, jobId: string) =>
  db.selectFrom('ingest.import').selectAll().where('job_id', '=', jobId).executeTakeFirst();

export const listSourceImports = (db: Db, sourceId: string, afterId: string | null, limit: number) => {
  let q = db.selectFrom('ingest.import').selectAll().where('source_id', '=', sourceId);
  if (afterId) q = q.where('id', '<', afterId);
  return q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
};
