import { type Selectable, sql } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import type { ApiKeyTable } from './access.tables.ts';

export type ApiKeyRow = Selectable<ApiKeyTable>;

/** The account row locked, so that two concurrent creations cannot both pass the key limit. */
export const lockAccount = (db: Db, accountId: string) =>
  db
    .selectFrom('open_access.account')
    .select('id')
    .where('id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();

export async function countActive(db: Db, accountId: string): Promise<number> {
  const r = await db
    .selectFrom('open_access.api_key')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('account_id', '=', accountId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return r.n;
}

export const insertKey = (
  db: Db,
  row: Pick<ApiKeyRow, 'id' | 'account_id' | 'name' | 'prefix' | 'key_hash'>,
) => db.insertInto('open_access.api_key').values(row).returningAll().executeTakeFirstOrThrow();

export const listKeys = (db: Db, accountId: string) =>
  db
    .selectFrom('open_access.api_key')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();

export const findKey = (db: Db, accountId: string, id: string) =>
  db
    .selectFrom('open_access.api_key')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();

export const renameKey = (db: Db, accountId: string, id: string, name: string) =>
  db
    .updateTable('open_access.api_key')
    .set({ name })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();

export const revokeKey = (db: Db, accountId: string, id: string) =>
  db
    .updateTable('open_access.api_key')
    .set({ status: 'revoked', revoked_at: new Date() })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst();

/** A key by its hash, with its account's status: a disabled account's keys stop working too. */
export const findByHash = (db: Db, keyHash: string) =>
  db
    .selectFrom('open_access.api_key as k')
    .innerJoin('open_access.account as a', 'a.id', 'k.account_id')
    .select(['k.id', 'k.account_id', 'k.status', 'k.revoked_at', 'a.status as account_status'])
    .where('k.key_hash', '=', keyHash)
    .executeTakeFirst();

/** Adds one call to the key's counter of the day for each dataset, and notes when it was last used. */
export async function countCall(db: Db, keyId: string, day: string, datasets: string[], ok: boolean) {
  const rows = datasets.map((dataset) => ({
    key_id: keyId,
    day,
    dataset,
    calls: ok ? 1 : 0,
    errors: ok ? 0 : 1,
  }));
  await db
    .insertInto('open_access.key_usage')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['key_id', 'day', 'dataset']).doUpdateSet({
        calls: sql`open_access.key_usage.calls + excluded.calls`,
        errors: sql`open_access.key_usage.errors + excluded.errors`,
      }),
    )
    .execute();
  await db
    .updateTable('open_access.api_key')
    .set({ last_used_at: new Date() })
    .where('id', '=', keyId)
    .execute();
}

/** Calls per key: today and over the last 30 days (China dates). */
export async function callTotals(db: Db, keyIds: string[], today: string, from: string) {
  if (keyIds.length === 0) return new Map<string, { today: number; d30: number }>();
  const rows = await db
    .selectFrom('open_access.key_usage')
    .select([
      'key_id',
      sql<number>`coalesce(sum(calls) filter (where day = ${today}::date), 0)::int`.as('today'),
      sql<number>`coalesce(sum(calls), 0)::int`.as('d30'),
    ])
    .where('key_id', 'in', keyIds)
    .where('day', '>=', from)
    .groupBy('key_id')
    .execute();
  return new Map(rows.map((r) => [r.key_id, { today: r.today, d30: r.d30 }]));
}

export const usageOf = (db: Db, keyId: string, from: string) =>
  db
    .selectFrom('open_access.key_usage')
    .select([
      sql<string>`day::text`.as('day'),
      'dataset',
      sql<number>`calls::int`.as('calls'),
      sql<number>`errors::int`.as('errors'),
    ])
    .where('key_id', '=', keyId)
    .where('day', '>=', from)
    .orderBy('day', 'desc')
    .orderBy('dataset')
    .execute();
