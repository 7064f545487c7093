import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ChallengeTable, ConsentTable, SubjectSessionTable } from './mydata.tables.ts';

export type ChallengeRow = Selectable<ChallengeTable>;
export type ConsentRow = Selectable<ConsentTable>;

export const insertChallenge = (db: Db, row: Insertable<ChallengeTable>) =>
  db.insertInto('mydata.challenge').values(row).execute();

export const findChallenge = (db: Db, id: string) =>
  db.selectFrom('mydata.challenge').selectAll().where('id', '=', id).executeTakeFirst();

/** Spends a challenge (or counts a wrong try) unless it was already used; answers whether it changed. */
export const markChallenge = async (db: Db, id: string, patch: { used_at: Date } | { attempts: number }) =>
  (await db
    .updateTable('mydata.challenge')
    .set(patch)
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst()) !== undefined;

export const insertSession = (db: Db, row: Insertable<SubjectSessionTable>) =>
  db.insertInto('mydata.session').values(row).execute();

export const findLiveSession = (db: Db, tokenHash: string, now: Date) =>
  db
    .selectFrom('mydata.session')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();

export const deleteSession = (db: Db, tokenHash: string) =>
  db.deleteFrom('mydata.session').where('token_hash', '=', tokenHash).execute();

/** One subject's consent chain in order. */
export const consentChain = (db: Db, subject: string) =>
  db.selectFrom('mydata.consent').selectAll().where('subject_hash', '=', subject).orderBy('seq').execute();

/** Serialises appends to one subject's chain until the transaction ends. */
export const lockChain = (trx: Db, subject: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${`mydata.consent:${subject}`}))`.execute(trx);

export const insertConsent = (db: Db, row: ConsentRow) =>
  db.insertInto('mydata.consent').values(row).execute();

/** The consent records naming an organisation, of some subjects. */
export const consentsFor = (db: Db, orgId: string, subjects: string[]) =>
  db
    .selectFrom('mydata.consent')
    .selectAll()
    .where('subject_hash', 'in', subjects)
    .where('party_org_id', '=', orgId)
    .execute();
