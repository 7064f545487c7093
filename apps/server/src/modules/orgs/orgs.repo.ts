import type { Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { OrgTable } from './orgs.tables.ts';

export type OrgRow = Selectable<OrgTable>;

export async function findOrg(db: Db, id: string): Promise<OrgRow | undefined> {
  return db.selectFrom('orgs.org').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrgByCode(db: Db, code: string): Promise<OrgRow | undefined> {
  return db.selectFrom('orgs.org').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listOrgsByIds(db: Db, ids: string[]): Promise<OrgRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('orgs.org').selectAll().where('id', 'in', ids).execute();
}

export async function listOrgs(
  db: Db,
  q: {
    text?: string;
    type?: OrgRow['type'];
    areaCode?: string;
    after: [string, string] | null;
    limit: number;
  },
): Promise<OrgRow[]> {
  let query = db.selectFrom('orgs.org').selectAll();
  if (q.text) {
    const p = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('name', 'like', p), eb('name_en', 'ilike', p), eb('code', 'like', `${q.text}%`)]),
    );
  }
  if (q.type) query = query.where('type', '=', q.type);
  if (q.areaCode) query = query.where('area_code', '=', q.areaCode);
  if (q.after) {
    const [code, id] = q.after;
    query = query.where((eb) =>
      eb.or([eb('code', '>', code), eb.and([eb('code', '=', code), eb('id', '>', id)])]),
    );
  }
  return query
    .orderBy('code')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
}

export async function insertOrg(db: Db, row: Omit<OrgRow, 'created_at' | 'updated_at'>): Promise<OrgRow> {
  return db.insertInto('orgs.org').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Inserts organisations that are not there yet (by code); returns how many were new. */
export async function insertOrgsIfMissing(
  db: Db,
  rows: Omit<OrgRow, 'created_at' | 'updated_at'>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db
    .insertInto('orgs.org')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export async function updateOrg(
  db: Db,
  id: string,
  patch: Updateable<OrgTable>,
): Promise<OrgRow | undefined> {
  return db
    .updateTable('orgs.org')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
