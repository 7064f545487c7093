import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { FieldRef, GrantTable, Message, RequestTable } from './sharing.tables.ts';

export type RequestRow = Omit<
  Selectable<RequestTable>,
  'fields' | 'period_start' | 'period_end' | 'deadline' | 'messages'
> & {
  fields: FieldRef[];
  messages: Message[];
  period_start: string;
  period_end: string;
  deadline: string;
};
export type GrantRow = Omit<Selectable<GrantTable>, 'period_start' | 'period_end'> & {
  period_start: string;
  period_end: string;
};

/** How many requests or grants a list shows at most: an inbox is worked down, not paged through. */
export const LIST_MAX = 500;

const requestColumns = [
  'id',
  'dataset_id',
  'dataset_code',
  'dataset_name',
  'share_type',
  'owner_org_id',
  'consumer_org_id',
  'client_id',
  'fields',
  'purpose',
  'legal_basis',
  'consent_required',
  'daily_quota',
  'area_field',
  'area_code',
  'status',
  'submitted_by',
  'submitted_by_name',
  'submitted_at',
  'messages',
  'decided_at',
  'decided_by_name',
  'decision_note',
  'grant_id',
  // Dates as text: a JavaScript Date would carry the server's time zone into a calendar day.
  sql<string>`period_start::text`.as('period_start'),
  sql<string>`period_end::text`.as('period_end'),
  sql<string>`deadline::text`.as('deadline'),
] as const;

const grantColumns = [
  'id',
  'request_id',
  'dataset_id',
  'dataset_code',
  'dataset_name',
  'owner_org_id',
  'consumer_org_id',
  'client_id',
  'fields',
  'purpose',
  'consent_required',
  'daily_quota',
  'area_field',
  'area_code',
  'status',
  'created_at',
  'revoked_at',
  'revoked_by_name',
  'revoke_reason',
  sql<string>`period_start::text`.as('period_start'),
  sql<string>`period_end::text`.as('period_end'),
] as const;

const requests = (db: Db) => db.selectFrom('sharing.request').select(requestColumns);
const grants = (db: Db) => db.selectFrom('sharing.grant').select(grantColumns);

export const insertRequest = (
  db: Db,
  row: Omit<
    RequestRow,
    'status' | 'submitted_at' | 'messages' | 'decided_at' | 'decided_by_name' | 'decision_note' | 'grant_id'
  >,
) =>
  db
    .insertInto('sharing.request')
    .values({ ...row, fields: JSON.stringify(row.fields) })
    .execute();

export const findRequest = (db: Db, id: string) =>
  requests(db).where('id', '=', id).executeTakeFirst() as Promise<RequestRow | undefined>;

/** Locks a request for a decision: the status read is the one the update is based on. */
export const lockRequest = (db: Db, id: string) =>
  requests(db).where('id', '=', id).forUpdate().executeTakeFirst() as Promise<RequestRow | undefined>;

export const hasOpenRequest = async (db: Db, clientId: string, datasetId: string) =>
  (await db
    .selectFrom('sharing.request')
    .select('id')
    .where('client_id', '=', clientId)
    .where('dataset_id', '=', datasetId)
    .where('status', 'in', ['pending', 'more_info'])
    .executeTakeFirst()) !== undefined;

/** Requests of one side: a consumer's, an owner's, or all (the platform); open ones first. */
export function listRequests(
  db: Db,
  q: {
    consumerOrgId?: string;
    ownerOrgId?: string;
    status?: string;
    overdueOn?: { value: boolean; today: string };
  },
) {
  let query = requests(db);
  if (q.consumerOrgId) query = query.where('consumer_org_id', '=', q.consumerOrgId);
  if (q.ownerOrgId) query = query.where('owner_org_id', '=', q.ownerOrgId);
  if (q.status) query = query.where('status', '=', q.status as RequestRow['status']);
  if (q.overdueOn) {
    const overdue = sql<boolean>`(status = 'pending' and deadline < ${q.overdueOn.today}::date)`;
    query = query.where(q.overdueOn.value ? overdue : sql<boolean>`not ${overdue}`);
  }
  return query
    .orderBy(sql`(status in ('pending', 'more_info'))`, 'desc')
    .orderBy('deadline')
    .orderBy('submitted_at', 'desc')
    .limit(LIST_MAX)
    .execute() as Promise<RequestRow[]>;
}

export const updateRequest = (
  db: Db,
  id: string,
  patch: {
    status?: RequestRow['status'];
    deadline?: string;
    messages?: Message[];
    decided_at?: Date;
    decided_by_name?: string;
    decision_note?: string | null;
    grant_id?: string;
  },
) =>
  db
    .updateTable('sharing.request')
    .set({ ...patch, messages: patch.messages ? JSON.stringify(patch.messages) : undefined })
    .where('id', '=', id)
    .execute();

export const insertGrant = (
  db: Db,
  row: Omit<GrantRow, 'status' | 'created_at' | 'revoked_at' | 'revoked_by_name' | 'revoke_reason'>,
) => db.insertInto('sharing.grant').values(row).execute();

export const findGrant = (db: Db, id: string) =>
  grants(db).where('id', '=', id).executeTakeFirst() as Promise<GrantRow | undefined>;

/** An app's grants for a dataset, the newest first: the gateway picks the one that applies. */
export const grantsOf = (db: Db, clientId: string, datasetCode: string) =>
  grants(db)
    .where('client_id', '=', clientId)
    .where('dataset_code', '=', datasetCode)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute() as Promise<GrantRow[]>;

export function listGrants(db: Db, q: { consumerOrgId?: string; ownerOrgId?: string }) {
  let query = grants(db);
  if (q.consumerOrgId) query = query.where('consumer_org_id', '=', q.consumerOrgId);
  if (q.ownerOrgId) query = query.where('owner_org_id', '=', q.ownerOrgId);
  return query.orderBy('created_at', 'desc').limit(LIST_MAX).execute() as Promise<GrantRow[]>;
}

/** Revokes every active grant of an app (the app itself was revoked); answers their ids. */
export const revokeAppGrants = (db: Db, clientId: string, byName: string, reason: string) =>
  db
    .updateTable('sharing.grant')
    .set({ status: 'revoked', revoked_at: new Date(), revoked_by_name: byName, revoke_reason: reason })
    .where('client_id', '=', clientId)
    .where('status', '=', 'active')
    .returning(['id', 'dataset_code'])
    .execute();

/** Revokes an active grant; answers nothing when it was not active. */
export const revokeGrant = (db: Db, id: string, byName: string, reason: string) =>
  db
    .updateTable('sharing.grant')
    .set({ status: 'revoked', revoked_at: new Date(), revoked_by_name: byName, revoke_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .returning('id')
    .executeTakeFirst();
