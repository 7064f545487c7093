import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import type { AccountTable, EmailCodeTable } from './access.tables.ts';

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

/** Removes an account and its pending code. */
export const deleteAccount = async (db: Db, id: string) => {
  await db.deleteFrom('open_access.email_code').where('account_id', '=', id).execute();
  await db.deleteFrom('open_access.account').where('id', '=', id).execute();
};

/** Puts a new pending code in place of the account's old one, which stops working. */
export const putEmailCode = (db: Db, row: Insertable<EmailCodeTable>) =>
  db
    .insertInto('open_access.email_code')
    .values(row)
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet({
        id: row.id,
        code_hash: row.code_hash,
        attempts: 0,
        created_at: row.created_at,
        expires_at: row.expires_at,
      }),
    )
    .execute();

export const findEmailCode = (db: Db, accountId: string) =>
  db.selectFrom('open_access.email_code').selectAll().where('account_id', '=', accountId).executeTakeFirst();

/**
 * Counts a wrong try at one code, in the database so that parallel guesses all count; answers the
 * tries so far, or nothing when the code was replaced, spent or used up meanwhile.
 */
export const countWrongTry = async (db: Db, id: string, max: number) =>
  (
    await db
      .updateTable('open_access.email_code')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('attempts', '<', max)
      .returning('attempts')
      .executeTakeFirst()
  )?.attempts;

/** Spends a code; answers its account, or nothing when it was spent or replaced meanwhile. */
export const spendEmailCode = async (db: Db, id: string) =>
  (
    await db
      .deleteFrom('open_access.email_code')
      .where('id', '=', id)
      .returning('account_id')
      .executeTakeFirst()
  )?.account_id;

export const markVerified = (db: Db, accountId: string, at: Date) =>
  db
    .updateTable('open_access.account')
    .set({ email_verified_at: at })
    .where('id', '=', accountId)
    .returningAll()
    .executeTakeFirstOrThrow();
