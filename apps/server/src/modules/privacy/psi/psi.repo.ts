import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import type { PsiSessionTable, PsiSetTable } from '../privacy.tables.ts';

export type SessionRow = Selectable<PsiSessionTable>;
export type SetMeta = Omit<Selectable<PsiSetTable>, 'points'>;

export const insertSession = (db: Db, row: Insertable<PsiSessionTable>) =>
  db.insertInto('privacy.psi_session').values(row).returningAll().executeTakeFirstOrThrow();

export const findSession = (db: Db, id: string) =>
  db.selectFrom('privacy.psi_session').selectAll().where('id', '=', id).executeTakeFirst();

/** A session locked for an upload, so that two uploads to it take turns. */
export const lockSession = (db: Db, id: string) =>
  db.selectFrom('privacy.psi_session').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const updateSession = (db: Db, id: string, set: Updateable<PsiSessionTable>) =>
  db.updateTable('privacy.psi_session').set(set).where('id', '=', id).execute();

/** The newest sessions an organisation takes part in (all of them for `null`: the admin). */
export function listSessions(db: Db, orgId: string | null, limit: number) {
  let q = db
    .selectFrom('privacy.psi_session')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  if (orgId)
    q = q.where((eb) => eb.or([eb('initiator_org_id', '=', orgId), eb('partner_org_id', '=', orgId)]));
  return q.limit(limit).execute();
}

export const listSetMeta = (db: Db, sessionIds: string[]) =>
  sessionIds.length === 0
    ? Promise.resolve([] as SetMeta[])
    : db
        .selectFrom('privacy.psi_set')
        .select(['session_id', 'side', 'stage', 'count', 'uploaded_by_name', 'uploaded_at'])
        .where('session_id', 'in', sessionIds)
        .execute();

export const insertSet = (db: Db, row: Insertable<PsiSetTable>) =>
  db.insertInto('privacy.psi_set').values(row).execute();

export async function readPoints(
  db: Db,
  sessionId: string,
  side: 'initiator' | 'partner',
  stage: 'blinded' | 'reblinded',
): Promise<Buffer | undefined> {
  const r = await db
    .selectFrom('privacy.psi_set')
    .select('points')
    .where('session_id', '=', sessionId)
    .where('side', '=', side)
    .where('stage', '=', stage)
    .executeTakeFirst();
  return r ? Buffer.from(r.points) : undefined;
}

/** Erases a session's points; what was uploaded when, and how many, stays. */
export const erasePoints = (db: Db, sessionId: string) =>
  db
    .updateTable('privacy.psi_set')
    .set({ points: Buffer.alloc(0) })
    .where('session_id', '=', sessionId)
    .execute();
