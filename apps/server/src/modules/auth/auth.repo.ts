import type { Role } from '@shuzhi/contracts';
import { type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ClientTable, GrantTable, SessionTable, UserTable } from './auth.tables.ts';

export type UserRow = Selectable<UserTable>;
export type GrantRow = Selectable<GrantTable>;
export type SessionRow = Selectable<SessionTable>;
export type ClientRow = Selectable<ClientTable>;

export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('auth.users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUser = (db: Db, id: string) =>
  db.selectFrom('auth.users').selectAll().where('id', '=', id).executeTakeFirst();

export const countUsers = async (db: Db) =>
  (await db.selectFrom('auth.users').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

export async function listUsers(
  db: Db,
  q: { text?: string; orgId?: string; after: string | null; limit: number },
): Promise<UserRow[]> {
  let query = db.selectFrom('auth.users').selectAll();
  if (q.text) {
    const p = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('username', 'like', p), eb('display_name', 'like', p)]));
  }
  if (q.orgId) {
    const orgId = q.orgId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('auth.grants as g')
          .whereRef('g.user_id', '=', 'auth.users.id')
          .where('g.org_id', '=', orgId)
          .select('g.user_id'),
      ),
    );
  }
  if (q.after) query = query.where('username', '>', q.after);
  return query
    .orderBy('username')
    .limit(q.limit + 1)
    .execute();
}

export const insertUser = (
  db: Db,
  row: Omit<UserRow, 'created_at' | 'updated_at' | 'failed_logins' | 'last_login_at' | 'locked_until'>,
) => db.insertInto('auth.users').values(row).returningAll().executeTakeFirstOrThrow();

export const updateUser = (db: Db, id: string, patch: Updateable<UserTable>) =>
  db
    .updateTable('auth.users')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();

/**
 * Counts a failed login; locks the account for `lockMinutes` once `threshold` failures are reached.
 * Staff users and the open-data portal's public accounts keep the same two columns and one rule.
 */
export async function recordFailedLogin(
  db: Db,
  id: string,
  threshold: number,
  lockMinutes: number,
  table: 'auth.users' | 'open_access.account' = 'auth.users',
): Promise<Date | null> {
  const r = await sql<{ locked_until: Date | null }>`
    update ${sql.table(table)} set
      failed_logins = case when failed_logins + 1 >= ${threshold} then 0 else failed_logins + 1 end,
      locked_until = case when failed_logins + 1 >= ${threshold}
        then now() + make_interval(mins => ${lockMinutes}) else locked_until end
    where id = ${id} returning locked_until`.execute(db);
  return r.rows[0]?.locked_until ?? null;
}

export const listGrants = (db: Db, userIds: string[]) =>
  userIds.length === 0
    ? Promise.resolve([] as GrantRow[])
    : db.selectFrom('auth.grants').selectAll().where('user_id', 'in', userIds).orderBy('role').execute();

export async function replaceGrants(
  db: Db,
  userId: string,
  grants: { org_id: string; role: Role; area_code: string | null }[],
): Promise<void> {
  await db.deleteFrom('auth.grants').where('user_id', '=', userId).execute();
  if (grants.length > 0) {
    await db
      .insertInto('auth.grants')
      .values(grants.map((g) => ({ ...g, user_id: userId })))
      .onConflict((oc) => oc.columns(['user_id', 'org_id', 'role']).doNothing())
      .execute();
  }
}

/** Active users holding platform_admin anywhere, for the "last admin" guard. */
export async function listActiveAdminIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('auth.grants as g')
    .innerJoin('auth.users as u', 'u.id', 'g.user_id')
    .where('g.role', '=', 'platform_admin')
    .where('u.status', '=', 'active')
    .select('u.id')
    .distinct()
    .execute();
  return rows.map((r) => r.id);
}

export const insertSession = (db: Db, row: Omit<SessionRow, 'created_at'>) =>
  db.insertInto('auth.sessions').values(row).execute();

/** A live session with its user, in one round trip: this runs on every request. */
export const findLiveSessionUser = (db: Db, tokenHash: string) =>
  db
    .selectFrom('auth.sessions as s')
    .innerJoin('auth.users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.org_id as session_org_id', 's.token_hash'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();

export const setSessionOrg = (db: Db, tokenHash: string, orgId: string) =>
  db.updateTable('auth.sessions').set({ org_id: orgId }).where('token_hash', '=', tokenHash).execute();

export const deleteSession = (db: Db, tokenHash: string) =>
  db.deleteFrom('auth.sessions').where('token_hash', '=', tokenHash).execute();

/** Ends a user's sessions, except perhaps the one in use. */
export async function deleteUserSessions(db: Db, userId: string, keepTokenHash?: string): Promise<void> {
  let q = db.deleteFrom('auth.sessions').where('user_id', '=', userId);
  if (keepTokenHash) q = q.where('token_hash', '<>', keepTokenHash);
  await q.execute();
}

export const deleteExpiredSessions = (db: Db) =>
  db.deleteFrom('auth.sessions').where('expires_at', '<=', new Date()).execute();

export const insertClient = (db: Db, row: Omit<ClientRow, 'created_at' | 'last_used_at' | 'status'>) =>
  db.insertInto('auth.clients').values(row).returningAll().executeTakeFirstOrThrow();

export const findClient = (db: Db, id: string) =>
  db.selectFrom('auth.clients').selectAll().where('id', '=', id).executeTakeFirst();

export const findClientByClientId = (db: Db, clientId: string) =>
  db.selectFrom('auth.clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();

export const listClients = (db: Db, q: { after: string | null; limit: number }) => {
  let query = db.selectFrom('auth.clients').selectAll();
  if (q.after) query = query.where('id', '<', q.after);
  return query
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
};

/** An organisation's active API clients, by name. */
export const listOrgClients = (db: Db, orgId: string) =>
  db
    .selectFrom('auth.clients')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .orderBy('name')
    .limit(200)
    .execute();

export const updateClient = (db: Db, id: string, patch: Updateable<ClientTable>) =>
  db.updateTable('auth.clients').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
