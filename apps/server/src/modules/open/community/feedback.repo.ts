import { type Insertable, sql } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import type { CommentTable } from './community.tables.ts';

// Ratings (one per user and dataset) and comments with the owner's reply.

export const upsertRating = (db: Db, datasetId: string, userId: string, stars: number) =>
  db
    .insertInto('open_community.rating')
    .values({ dataset_id: datasetId, user_id: userId, stars })
    .onConflict((oc) => oc.columns(['dataset_id', 'user_id']).doUpdateSet({ stars, updated_at: sql`now()` }))
    .execute();

export const deleteRating = (db: Db, datasetId: string, userId: string) =>
  db
    .deleteFrom('open_community.rating')
    .where('dataset_id', '=', datasetId)
    .where('user_id', '=', userId)
    .execute();

/** How many ratings gave each number of stars. */
export async function ratingCounts(db: Db, datasetId: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('open_community.rating')
    .select(['stars', sql<number>`count(*)::int`.as('n')])
    .where('dataset_id', '=', datasetId)
    .groupBy('stars')
    .execute();
  return new Map(rows.map((r) => [r.stars, r.n]));
}

export const findRating = async (db: Db, datasetId: string, userId: string) =>
  (
    await db
      .selectFrom('open_community.rating')
      .select('stars')
      .where('dataset_id', '=', datasetId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
  )?.stars ?? null;

const commentColumns = [
  'id',
  'dataset_id',
  'dataset_code',
  'owner_org_id',
  'author_id',
  'author_name',
  'text',
  'created_at',
  'reply',
  'reply_org_name',
  'replied_at',
  'hidden_at',
  'hidden_reason',
] as const;

export const findComment = (db: Db, id: string) =>
  db.selectFrom('open_community.comment').select(commentColumns).where('id', '=', id).executeTakeFirst();

export type CommentRow = NonNullable<Awaited<ReturnType<typeof findComment>>>;

export const insertComment = (db: Db, row: Insertable<CommentTable>) =>
  db.insertInto('open_community.comment').values(row).execute();

/**
 * A dataset's comments, newest first, `limit + 1` rows: the visible ones, the caller's own hidden
 * ones (so they learn why), or every one (the admin's moderation view).
 */
export function listComments(
  db: Db,
  f: {
    datasetId: string;
    hidden: 'all' | { authorId: string | null };
    afterId: string | null;
    limit: number;
  },
) {
  let q = db
    .selectFrom('open_community.comment')
    .select(commentColumns)
    .where('dataset_id', '=', f.datasetId);
  if (f.hidden !== 'all') {
    const author = f.hidden.authorId;
    q = author
      ? q.where((eb) => eb.or([eb('hidden_at', 'is', null), eb('author_id', '=', author)]))
      : q.where('hidden_at', 'is', null);
  }
  if (f.afterId) q = q.where('id', '<', f.afterId);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export const replyComment = (
  db: Db,
  id: string,
  text: string,
  by: { id: string; name: string; orgId: string; orgName: string },
) =>
  db
    .updateTable('open_community.comment')
    .set({
      reply: text,
      reply_org_id: by.orgId,
      reply_org_name: by.orgName,
      replied_by: by.id,
      replied_by_name: by.name,
      replied_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('hidden_at', 'is', null)
    .returning('id')
    .executeTakeFirst();

export const hideComment = (db: Db, id: string, reason: string, by: { id: string; name: string }) =>
  db
    .updateTable('open_community.comment')
    .set({ hidden_at: sql`now()`, hidden_by: by.id, hidden_by_name: by.name, hidden_reason: reason })
    .where('id', '=', id)
    .where('hidden_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
