import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/tables.ts';
import type { BindingStats } from './catalog.tables.ts';

/** Whose conflicts: every one (null, the platform admin) or those where the org owns either dataset. */
export type ConflictScope = { orgId: string | null; element?: string; dataset?: string };

type Joined = Database & {
  c: Database['catalog.element_conflict'];
  e: Database['catalog.data_element'];
  ad: Database['catalog.dataset'];
  od: Database['catalog.dataset'];
};

function scoped(eb: ExpressionBuilder<Joined, 'ad' | 'od'>, s: ConflictScope) {
  const all = [];
  if (s.orgId) all.push(eb.or([eb('ad.owner_org_id', '=', s.orgId), eb('od.owner_org_id', '=', s.orgId)]));
  if (s.dataset) all.push(eb.or([eb('ad.id', '=', s.dataset), eb('od.id', '=', s.dataset)]));
  return eb.and(all);
}

const conflictColumns = [
  'c.id',
  'c.element_code',
  'e.name as element_name',
  'e.key_type',
  'c.subject_key',
  'c.authoritative_value',
  'c.other_value',
  'c.status',
  'c.resolution',
  'c.note',
  'c.resolved_by_name',
  'c.resolved_at',
  'c.first_seen_at',
  'c.last_seen_at',
  'ad.id as auth_id',
  'ad.code as auth_code',
  'ad.name as auth_name',
  'ad.owner_org_id as auth_owner',
  'od.id as other_id',
  'od.code as other_code',
  'od.name as other_name',
  'od.owner_org_id as other_owner',
  // What the masking policy needs: each side's level and fields, and which fields hold key and value.
  'ad.level as auth_level',
  'ad.fields as auth_fields',
  'e.key_field as auth_key_field',
  'e.field_name as auth_value_field',
  'od.level as other_level',
  'od.fields as other_fields',
  'b.key_field as other_key_field',
  'b.value_field as other_value_field',
] as const;

function conflicts(db: Db) {
  return db
    .selectFrom('catalog.element_conflict as c')
    .innerJoin('catalog.data_element as e', 'e.code', 'c.element_code')
    .innerJoin('catalog.dataset as ad', 'ad.id', 'c.authoritative_dataset_id')
    .innerJoin('catalog.dataset as od', 'od.id', 'c.dataset_id')
    .leftJoin('catalog.element_binding as b', (join) =>
      join.onRef('b.element_code', '=', 'c.element_code').onRef('b.dataset_id', '=', 'c.dataset_id'),
    )
    .select(conflictColumns);
}

export type ConflictListRow = NonNullable<Awaited<ReturnType<typeof findConflict>>>;

export const findConflict = (db: Db, id: string) => conflicts(db).where('c.id', '=', id).executeTakeFirst();

/** Newest first (ids are UUIDv7, so by when a conflict was first found), `limit + 1` rows. */
export async function listConflicts(
  db: Db,
  s: ConflictScope & { status?: 'open' | 'resolved'; afterId: string | null; limit: number },
) {
  let q = conflicts(db).where((eb) => scoped(eb, s));
  if (s.element) q = q.where('c.element_code', '=', s.element);
  if (s.status) q = q.where('c.status', '=', s.status);
  if (s.afterId) q = q.where('c.id', '<', s.afterId);
  return q
    .orderBy('c.id', 'desc')
    .limit(s.limit + 1)
    .execute();
}

/** Per binding: its two datasets, open and resolved conflicts, and its last check's numbers. */
export async function summarise(db: Db, s: ConflictScope) {
  let q = db
    .selectFrom('catalog.element_binding as b')
    .innerJoin('catalog.data_element as e', 'e.code', 'b.element_code')
    .innerJoin('catalog.dataset as ad', 'ad.id', 'e.authoritative_dataset_id')
    .innerJoin('catalog.dataset as od', 'od.id', 'b.dataset_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('catalog.element_conflict')
          .select(['element_code', 'dataset_id'])
          .select(sql<number>`count(*) filter (where status = 'open')::int`.as('open'))
          .select(sql<number>`count(*) filter (where status = 'resolved')::int`.as('resolved'))
          .groupBy(['element_code', 'dataset_id'])
          .as('n'),
      (join) =>
        join.onRef('n.element_code', '=', 'b.element_code').onRef('n.dataset_id', '=', 'b.dataset_id'),
    )
    .select([
      'b.id as binding_id',
      'b.element_code',
      'e.name as element_name',
      'b.last_checked_at',
      'b.last_stats',
      'b.last_error',
      'ad.id as auth_id',
      'ad.code as auth_code',
      'ad.name as auth_name',
      'ad.owner_org_id as auth_owner',
      'od.id as other_id',
      'od.code as other_code',
      'od.name as other_name',
      'od.owner_org_id as other_owner',
    ])
    .select(sql<number>`coalesce(n.open, 0)`.as('open'))
    .select(sql<number>`coalesce(n.resolved, 0)`.as('resolved'))
    .where((eb) => scoped(eb as never, s));
  if (s.element) q = q.where('b.element_code', '=', s.element);
  const rows = await q.orderBy('b.element_code').orderBy('od.code').execute();
  return rows.map((r) => ({ ...r, last_stats: r.last_stats as BindingStats | null }));
}

/** An owner's resolution; only an open conflict can be resolved (undefined otherwise). */
export const resolveConflict = (db: Db, id: string, by: { id: string; name: string }, note: string) =>
  db
    .updateTable('catalog.element_conflict')
    .set({
      status: 'resolved',
      resolution: 'manual',
      note,
      resolved_by: by.id,
      resolved_by_name: by.name,
      resolved_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
