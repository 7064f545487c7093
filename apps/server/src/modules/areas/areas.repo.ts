import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { AreaTable } from './areas.tables.ts';

type Level = AreaTable['level'];
export type AreaRow = {
  code: string;
  name: string;
  level: Level;
  parent_code: string | null;
  path: string;
  child_count: number;
};

const withChildCount = (db: Db) =>
  db
    .selectFrom('areas.area as a')
    .select(['a.code', 'a.name', 'a.level', 'a.parent_code', 'a.path'])
    .select((eb) =>
      eb
        .selectFrom('areas.area as c')
        .whereRef('c.parent_code', '=', 'a.code')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('child_count'),
    );

export async function findArea(db: Db, code: string): Promise<AreaRow | undefined> {
  return withChildCount(db).where('a.code', '=', code).executeTakeFirst() as Promise<AreaRow | undefined>;
}

export async function listAreasByCodes(db: Db, codes: string[]): Promise<AreaRow[]> {
  if (codes.length === 0) return [];
  return withChildCount(db).where('a.code', 'in', codes).execute() as Promise<AreaRow[]>;
}

export async function listChildAreas(db: Db, parentCodes: string[]): Promise<AreaRow[]> {
  if (parentCodes.length === 0) return [];
  return withChildCount(db).where('a.parent_code', 'in', parentCodes).orderBy('a.code').execute() as Promise<
    AreaRow[]
  >;
}

export async function searchAreas(
  db: Db,
  q: { text: string; level?: Level; underPath?: string; limit: number },
): Promise<AreaRow[]> {
  const pattern = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let query = withChildCount(db).where((eb) =>
    eb.or([eb('a.name', 'like', pattern), eb('a.code', 'like', `${q.text}%`)]),
  );
  if (q.level) query = query.where('a.level', '=', q.level);
  if (q.underPath) query = query.where('a.path', 'like', `${q.underPath}.%`);
  // Shorter names first: "西湖" should find 西湖区 before 西湖街道某社区.
  return query.orderBy(sql`length(a.name)`).orderBy('a.code').limit(q.limit).execute() as Promise<AreaRow[]>;
}

export async function countAreas(db: Db): Promise<number> {
  const r = await db
    .selectFrom('areas.area')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function upsertReferenceAreas(
  db: Db,
  rows: { code: string; name: string; level: Level; parent_code: string | null; path: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('areas.area')
    .values(rows.map((r) => ({ ...r, source: 'reference' as const })))
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        level: eb.ref('excluded.level'),
        parent_code: eb.ref('excluded.parent_code'),
        path: eb.ref('excluded.path'),
      })),
    )
    .execute();
}

export async function maxChildCode(db: Db, parentCode: string): Promise<string | null> {
  const r = await db
    .selectFrom('areas.area')
    .where('parent_code', '=', parentCode)
    .select((eb) => eb.fn.max('code').as('max'))
    .executeTakeFirst();
  return r?.max ?? null;
}

export async function insertArea(
  db: Db,
  row: { code: string; name: string; level: Level; parent_code: string; path: string; created_by: string },
): Promise<void> {
  await db
    .insertInto('areas.area')
    .values({ ...row, source: 'user' })
    .execute();
}
