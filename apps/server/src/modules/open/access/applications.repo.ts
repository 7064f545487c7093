import { type Selectable, sql } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import type { ApplicationTable, FieldRef } from './access.tables.ts';

export type ApplicationRow = Omit<
  Selectable<ApplicationTable>,
  | 'fields'
  | 'approved_fields'
  | 'period_start'
  | 'period_end'
  | 'deadline'
  | 'approved_start'
  | 'approved_end'
> & {
  fields: FieldRef[];
  approved_fields: FieldRef[] | null;
  period_start: string;
  period_end: string;
  deadline: string;
  approved_start: string | null;
  approved_end: string | null;
};

/** How many applications a list shows at most: an inbox is worked down, not paged through. */
export const LIST_MAX = 500;

const columns = [
  'id',
  'account_id',
  'dataset_id',
  'dataset_code',
  'dataset_name',
  'owner_org_id',
  'applicant_name',
  'applicant_org',
  'applicant_email',
  'purpose',
  'fields',
  'status',
  'submitted_at',
  'decided_at',
  'decided_by',
  'decided_by_name',
  'approved_fields',
  'decision_note',
  // Dates as text: a JavaScript Date would carry the server's time zone into a calendar day.
  sql<string>`period_start::text`.as('period_start'),
  sql<string>`period_end::text`.as('period_end'),
  sql<string>`deadline::text`.as('deadline'),
  sql<string | null>`approved_start::text`.as('approved_start'),
  sql<string | null>`approved_end::text`.as('approved_end'),
] as const;

const base = (db: Db) => db.selectFrom('open_access.application').select(columns);

export const insertApplication = (
  db: Db,
  row: Omit<
    ApplicationRow,
    | 'submitted_at'
    | 'decided_at'
    | 'decided_by'
    | 'decided_by_name'
    | 'approved_fields'
    | 'approved_start'
    | 'approved_end'
    | 'decision_note'
  >,
) =>
  db
    .insertInto('open_access.application')
    .values({ ...row, fields: JSON.stringify(row.fields) })
    .execute();

export const findApplication = (db: Db, id: string) =>
  base(db).where('id', '=', id).executeTakeFirst() as Promise<ApplicationRow | undefined>;

export const hasPending = async (db: Db, accountId: string, datasetId: string) =>
  (await db
    .selectFrom('open_access.application')
    .select('id')
    .where('account_id', '=', accountId)
    .where('dataset_id', '=', datasetId)
    .where('status', '=', 'pending')
    .executeTakeFirst()) !== undefined;

export const listByAccount = (db: Db, accountId: string) =>
  base(db)
    .where('account_id', '=', accountId)
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(LIST_MAX)
    .execute() as Promise<ApplicationRow[]>;

/** An owner's inbox (every owner's for the platform admin): pending first, nearest deadline first. */
export function listForOwner(
  db: Db,
  q: { ownerOrgId: string | null; status?: string; overdueOn?: { value: boolean; today: string } },
) {
  let query = base(db);
  if (q.ownerOrgId) query = query.where('owner_org_id', '=', q.ownerOrgId);
  if (q.status) query = query.where('status', '=', q.status as ApplicationRow['status']);
  if (q.overdueOn) {
    const overdue = sql<boolean>`(status = 'pending' and deadline < ${q.overdueOn.today}::date)`;
    query = query.where(q.overdueOn.value ? overdue : sql<boolean>`not ${overdue}`);
  }
  return query
    .orderBy(sql`(status = 'pending')`, 'desc')
    .orderBy('deadline')
    .orderBy('submitted_at', 'desc')
    .limit(LIST_MAX)
    .execute() as Promise<ApplicationRow[]>;
}

/** Sets a pending application's decision; answers nothing when it was no longer pending. */
export const decide = (
  db: Db,
  id: string,
  patch: {
    status: 'approved' | 'rejected' | 'withdrawn';
    decided_by: string | null;
    decided_by_name: string | null;
    approved_fields?: FieldRef[];
    approved_start?: string;
    approved_end?: string;
    decision_note: string | null;
  },
) =>
  db
    .updateTable('open_access.application')
    .set({
      ...patch,
      approved_fields: patch.approved_fields ? JSON.stringify(patch.approved_fields) : undefined,
      decided_at: new Date(),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();

/** An account's approved applications for a dataset: what its keys may read. */
export const approvedFor = (db: Db, accountId: string, datasetId: string) =>
  base(db)
    .where('account_id', '=', accountId)
    .where('dataset_id', '=', datasetId)
    .where('status', '=', 'approved')
    .orderBy('decided_at')
    .execute() as Promise<ApplicationRow[]>;
