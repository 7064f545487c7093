import { type Insertable, sql } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import type { DataRequestTable } from './community.tables.ts';

const columns = [
  'id',
  'title',
  'description',
  'fields',
  'formats',
  'purpose',
  'requester_id',
  'requester_name',
  'contact_email',
  'suggested_org_id',
  'assigned_org_id',
  'assigned_at',
  'status',
  'outcome',
  'reason',
  'answer',
  'dataset_id',
  'dataset_code',
  'answered_by_name',
  'answered_at',
  'reject_reason',
  'created_at',
] as const;

const select = (db: Db) =>
  db
    .selectFrom('open_community.data_request')
    .select(columns)
    // A date read as a JavaScript Date would be midnight in the server's zone: keep the calendar text.
    .select([
      sql<string>`deadline::text`.as('deadline'),
      sql<string | null>`planned_date::text`.as('planned_date'),
    ]);

export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export const findRequest = (db: Db, id: string) => select(db).where('id', '=', id).executeTakeFirst();

export const insertRequest = (db: Db, row: Insertable<DataRequestTable>) =>
  db.insertInto('open_community.data_request').values(row).execute();

const like = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type RequestFilter = {
  q?: string;
  status?: RequestRow['status'];
  /** Only pending requests past their deadline (on this day), or only the others. */
  overdue?: { value: boolean; today: string };
  assignedOrgId?: string;
  requesterId?: string;
  /** Whose rejected requests the caller may list: everyone's (the admin), their own, or none. */
  rejected: 'all' | { requesterId: string } | 'none';
  /** The owner's inbox: assigned to the organisation, or suggested to it and not yet routed. */
  inboxOf?: string;
  afterId: string | null;
  limit: number;
};

/** Newest first (ids are UUIDv7), `limit + 1` rows. */
export function listRequests(db: Db, f: RequestFilter) {
  let q = select(db);
  if (f.q) q = q.where('search_text', 'like', like(f.q));
  if (f.status) q = q.where('status', '=', f.status);
  if (f.assignedOrgId) q = q.where('assigned_org_id', '=', f.assignedOrgId);
  if (f.requesterId) q = q.where('requester_id', '=', f.requesterId);
  if (f.rejected === 'none') q = q.where('status', '<>', 'rejected');
  else if (f.rejected !== 'all') {
    const own = f.rejected.requesterId;
    q = q.where((eb) => eb.or([eb('status', '<>', 'rejected'), eb('requester_id', '=', own)]));
  }
  if (f.inboxOf) {
    const org = f.inboxOf;
    q = q.where((eb) =>
      eb.or([
        eb('assigned_org_id', '=', org),
        eb.and([eb('status', '=', 'submitted'), eb('suggested_org_id', '=', org)]),
      ]),
    );
  }
  if (f.overdue) {
    const late = sql<boolean>`(status in ('submitted', 'assigned') and deadline < ${f.overdue.today}::date)`;
    q = q.where(f.overdue.value ? late : sql<boolean>`not ${late}`);
  }
  if (f.afterId) q = q.where('id', '<', f.afterId);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** Routes a pending request to an organisation; undefined when it is no longer pending. */
export const assignRequest = (
  db: Db,
  id: string,
  orgId: string,
  by: { id: string; name: string },
  at: Date,
) =>
  db
    .updateTable('open_community.data_request')
    .set({
      status: 'assigned',
      assigned_org_id: orgId,
      assigned_by: by.id,
      assigned_by_name: by.name,
      assigned_at: at,
    })
    .where('id', '=', id)
    .where('status', 'in', ['submitted', 'assigned'])
    .returning('id')
    .executeTakeFirst();

export type AnswerColumns = {
  outcome: NonNullable<RequestRow['outcome']>;
  reason: RequestRow['reason'];
  answer: string;
  dataset_id: string | null;
  dataset_code: string | null;
  planned_date: string | null;
};

/**
 * The owner's answer, to an assigned request or as the follow-up of a "will open" answer; the first
 * answer's time is kept, since that is what the deadline was about.
 */
export const answerRequest = (
  db: Db,
  id: string,
  a: AnswerColumns,
  by: { id: string; name: string },
  at: Date,
) =>
  db
    .updateTable('open_community.data_request')
    .set({
      ...a,
      status: 'answered',
      answered_by: by.id,
      answered_by_name: by.name,
      answered_at: sql`coalesce(answered_at, ${at}::timestamptz)`,
    })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'assigned'),
        eb.and([eb('status', '=', 'answered'), eb('outcome', '=', 'will_open')]),
      ]),
    )
    .returning('id')
    .executeTakeFirst();

export const rejectRequest = (db: Db, id: string, reason: string, by: string, at: Date) =>
  db
    .updateTable('open_community.data_request')
    .set({ status: 'rejected', reject_reason: reason, rejected_by: by, rejected_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['submitted', 'assigned'])
    .returning('id')
    .executeTakeFirst();
