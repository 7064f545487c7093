import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import type { DpBudgetTable, DpReleaseTable } from '../privacy.tables.ts';

export type BudgetRow = Selectable<DpBudgetTable>;
export type ReleaseRow = Selectable<DpReleaseTable>;

export const findBudget = (db: Db, datasetId: string) =>
  db.selectFrom('privacy.dp_budget').selectAll().where('dataset_id', '=', datasetId).executeTakeFirst();

export async function upsertBudget(db: Db, row: Insertable<DpBudgetTable>): Promise<BudgetRow> {
  return db
    .insertInto('privacy.dp_budget')
    .values(row)
    .onConflict((oc) =>
      oc.column('dataset_id').doUpdateSet({
        total_micro: row.total_micro,
        updated_by_name: row.updated_by_name,
        updated_at: new Date(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Spends ε (in millionths) if the budget still holds it, in one statement: two releases racing for the
 * last of a budget cannot both pass. Answers the budget after spending, or nothing when it would not fit.
 */
export const spend = (db: Db, datasetId: string, micro: number) =>
  db
    .updateTable('privacy.dp_budget')
    .set({ spent_micro: sql`spent_micro + ${micro}`, updated_at: new Date() })
    .where('dataset_id', '=', datasetId)
    .where(sql<boolean>`spent_micro + ${micro} <= total_micro`)
    .returningAll()
    .executeTakeFirst();

export const insertRelease = (db: Db, row: Insertable<DpReleaseTable>) =>
  db.insertInto('privacy.dp_release').values(row).returningAll().executeTakeFirstOrThrow();

export function listReleases(db: Db, datasetId: string, after: [string, string] | null, limit: number) {
  let q = db
    .selectFrom('privacy.dp_release')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (after) {
    const [at, id] = after;
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(at)),
        eb.and([eb('created_at', '=', new Date(at)), eb('id', '<', id)]),
      ]),
    );
  }
  return q.execute();
}
