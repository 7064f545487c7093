import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import type { KanonCheckTable, KanonConfigTable } from '../privacy.tables.ts';

export type ConfigRow = Selectable<KanonConfigTable>;
export type CheckRow = Selectable<KanonCheckTable>;

export const findConfig = (db: Db, datasetId: string) =>
  db.selectFrom('privacy.kanon_config').selectAll().where('dataset_id', '=', datasetId).executeTakeFirst();

export async function upsertConfig(db: Db, row: Insertable<KanonConfigTable>): Promise<ConfigRow> {
  return db
    .insertInto('privacy.kanon_config')
    .values(row)
    .onConflict((oc) =>
      oc.column('dataset_id').doUpdateSet({
        quasi_identifiers: row.quasi_identifiers,
        updated_by: row.updated_by,
        updated_by_name: row.updated_by_name,
        updated_at: new Date(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const insertCheck = (db: Db, row: Insertable<KanonCheckTable>) =>
  db.insertInto('privacy.kanon_check').values(row).returningAll().executeTakeFirstOrThrow();

export const updateCheck = (db: Db, id: string, set: Updateable<KanonCheckTable>) =>
  db.updateTable('privacy.kanon_check').set(set).where('id', '=', id).execute();

export const findCheck = (db: Db, id: string) =>
  db.selectFrom('privacy.kanon_check').selectAll().where('id', '=', id).executeTakeFirst();

export const listChecks = (db: Db, datasetId: string, limit: number) =>
  db
    .selectFrom('privacy.kanon_check')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/** The newest finished check of a dataset (what the opening gate judges by). */
export const latestDoneCheck = (db: Db, datasetId: string) =>
  db
    .selectFrom('privacy.kanon_check')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('status', '=', 'done')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
