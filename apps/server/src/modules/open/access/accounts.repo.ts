import type { Selectable, Updateable } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import type { AccountTable } from './access.tables.ts';

export type AccountRow = Selectable<AccountTable>;

export const findAccountByEmail = (db: Db, email: string) =>
  db.selectFrom('open_access.account').selectAll().where('email', '=', email).executeTakeFirst();

export const insertAccount = (
  db: Db,
  row: Pick<AccountRow, 'id' | 'email' | 'display_name' | 'organisation' | 'password_hash'>,
) =>
  db
    .insertInto('open_access.account')
    .values(row)
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();

export const updateAccount = (db: Db, id: string, patch: Updateable<AccountTable>) =>
  db.updateTable('open_access.account').set(patch).where('id', '=', id).execute();

export const insertSession = (db: Db, row: { token_hash: string; account_id: string; expires_at: Date }) =>
  db.insertInto('open_access.session').values(row).execute();

export const deleteSession = (db: Db, tokenHash: string) =>
  db.deleteFrom('open_access.session').where('token_hash', '=', tokenHash).execute();

/** The active account behind a live session. */
export const findSessionAccount = (db: Db, tokenHash: string) =>
  db
    .selectFrom('open_access.session as s')
    .innerJoin('open_access.account as a', 'a.id', 's.account_id')
    .selectAll('a')
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', new Date())
    .where('a.status', '=', 'active')
    .executeTakeFirst();
