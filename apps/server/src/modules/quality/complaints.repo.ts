import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ComplaintTable } from './quality.tables.ts';

const columns = [
  'id',
  'dataset_id',
  'dataset_code',
  'owner_org_id',
  'record_key',
  'field',
  'text',
  'source',
  'complainant_id',
  'complainant_name',
  'complainant_org_id',
  'status',
  'answer',
  'answered_by',
  'answered_by_name',
  'answered_at',
  'feedback',
  'closed_by',
  'closed_at',
  'created_at',
] as const;

const select = (db: Db) =>
  db
    .selectFrom('quality.complaint')
    .select(columns)
    // A date read as a JavaScript Date would be midnight in the server's zone: keep the calendar text.
    .select(sql<string>`deadline::text`.as('deadline'));

export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

export const findComplaint = (db: Db, id: string) => select(db).where('id', '=', id).executeTakeFirst();

export const insertComplaint = (db: Db, row: Insertable<ComplaintTable>) =>
  db.insertInto('quality.complaint').values(row).returning('id').executeTakeFirstOrThrow();

export type ComplaintFilter = {
  complainantId?: string;
  /** The owner organisation; null lists every organisation's (the admin's inbox). */
  ownerOrgId?: string | null;
  status?: ComplaintRow['status'];
  /** Only open complaints whose deadline is before this day (overdue), or only the others. */
  overdue?: { value: boolean; today: string };
  dataset?: string;
  afterId: string | null;
  limit: number;
};

/** Newest first (ids are UUIDv7), `limit + 1` rows. */
export function listComplaints(db: Db, f: ComplaintFilter) {
  let q = select(db);
  if (f.complainantId) q = q.where('complainant_id', '=', f.complainantId);
  if (f.ownerOrgId) q = q.where('owner_org_id', '=', f.ownerOrgId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.dataset) q = q.where('dataset_id', '=', f.dataset);
  if (f.overdue) {
    const late = sql<boolean>`(status = 'open' and deadline < ${f.overdue.today}::date)`;
    q = q.where(f.overdue.value ? late : sql<boolean>`not ${late}`);
  }
  if (f.afterId) q = q.where('id', '<', f.afterId);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** The owner's answer; only an open complaint takes one (undefined otherwise). */
export const answerComplaint = (
  db: Db,
  id: string,
  a: { status: 'answered' | 'corrected'; answer: string; by: { id: string; name: string } },
) =>
  db
    .updateTable('quality.complaint')
    .set({
      status: a.status,
      answer: a.answer,
      answered_by: a.by.id,
      answered_by_name: a.by.name,
      answered_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();

export const closeComplaint = (db: Db, id: string, by: string, feedback: string) =>
  db
    .updateTable('quality.complaint')
    .set({ status: 'closed', closed_by: by, closed_at: sql`now()`, feedback: feedback || null })
    .where('id', '=', id)
    .where('status', 'in', ['answered', 'corrected'])
    .returning('id')
    .executeTakeFirst();

/** Open and overdue complaints per owner organisation (all, or one). */
export async function countOpen(db: Db, ownerOrgId: string | null, today: string) {
  let q = db
    .selectFrom('quality.complaint')
    .select([
      'owner_org_id',
      sql<number>`count(*)::int`.as('open'),
      sql<number>`(count(*) filter (where deadline < ${today}::date))::int`.as('overdue'),
    ])
    .where('status', '=', 'open');
  if (ownerOrgId) q = q.where('owner_org_id', '=', ownerOrgId);
  return q.groupBy('owner_org_id').execute();
}
