import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/tables.ts';
import { DATASET_FIELDS } from '../catalog/index.ts';
import { tableOf } from '../datastore/index.ts';

/*
 * Open data is a read-only view of the catalog: published entries whose open type is
 * "unconditional". The queries read catalog.dataset directly (and only read it) because CKAN's
 * query semantics (field clauses, facets over tags and themes, several sort keys) have no
 * counterpart in the catalog's own search; every query below starts from `openOnly`.
 */

export type OpenDatasetRow = Omit<Selectable<Database['catalog.dataset']>, 'search_text'>;
const COLUMNS = DATASET_FIELDS;

/** A clause of a CKAN query, already resolved to the catalog's terms; all clauses must hold. */
export type Clause =
  | { field: 'text' | 'title' | 'notes'; value: string }
  | { field: 'name' | 'id' | 'tags' | 'theme' | 'org'; value: string }
  | { field: 'none' };

export type PackageSort = { key: 'modified' | 'created' | 'title' | 'name' | 'score'; dir: 'asc' | 'desc' };

const openOnly = (db: Db) =>
  db.selectFrom('catalog.dataset').where('status', '=', 'published').where('open_type', '=', 'unconditional');

const like = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
export const slugSql = sql<string>`lower(replace(code, '.', '-'))`;

function filtered(db: Db, clauses: Clause[]) {
  let q = openOnly(db);
  for (const c of clauses) {
    if (c.field === 'none') q = q.where(sql<boolean>`false`);
    else if (c.field === 'text') {
      // The bigram index narrows the candidates; LIKE keeps the exact substring semantics.
      const t = c.value.toLowerCase();
      if (t.length >= 2) q = q.where(sql<boolean>`search_grams @> catalog.bigrams(${t})`);
      q = q.where('search_text', 'like', like(t));
    } else if (c.field === 'title')
      q = q.where((eb) =>
        eb.or([
          eb(sql`lower(name)`, 'like', like(c.value)),
          eb(sql`lower(coalesce(name_en, ''))`, 'like', like(c.value)),
        ]),
      );
    else if (c.field === 'notes') q = q.where(sql`lower(description)`, 'like', like(c.value));
    else if (c.field === 'name') q = q.where(slugSql, '=', c.value.toLowerCase());
    else if (c.field === 'id') q = q.where(sql`id::text`, '=', c.value.toLowerCase());
    else if (c.field === 'tags') q = q.where(sql<boolean>`tags @> ${JSON.stringify([c.value])}::jsonb`);
    else if (c.field === 'theme') q = q.where('theme', '=', c.value);
    else q = q.where(sql`owner_org_id::text`, '=', c.value);
  }
  return q;
}

export async function searchPackages(
  db: Db,
  clauses: Clause[],
  sorts: PackageSort[],
  scoreTerm: string | undefined,
  offset: number,
  limit: number,
): Promise<OpenDatasetRow[]> {
  let q = filtered(db, clauses).select(COLUMNS);
  for (const s of sorts) {
    if (s.key === 'score') {
      // No ranking engine: a hit in the title outranks one elsewhere, then the most recently changed.
      if (scoreTerm) q = q.orderBy(sql`(position(${scoreTerm.toLowerCase()} in lower(name)) > 0)`, s.dir);
      q = q.orderBy('updated_at', 'desc');
    } else if (s.key === 'modified') q = q.orderBy('updated_at', s.dir);
    else if (s.key === 'created') q = q.orderBy('created_at', s.dir);
    else if (s.key === 'title') q = q.orderBy('name', s.dir);
    else q = q.orderBy(slugSql, s.dir);
  }
  return q.orderBy('id').offset(offset).limit(limit).execute();
}

/** What facets count, for every match (open datasets number in the thousands at most). */
export async function facetSource(db: Db, clauses: Clause[]) {
  return filtered(db, clauses).select(['owner_org_id', 'theme', 'tags']).execute();
}

export async function countPackages(db: Db, clauses: Clause[]): Promise<number> {
  const r = await filtered(db, clauses).select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
  return r?.n ?? 0;
}

/** An open dataset by its id or its CKAN name (the earliest entry wins if two codes fold together). */
export async function findOpenDataset(db: Db, idOrName: string): Promise<OpenDatasetRow | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  let q = openOnly(db).select(COLUMNS);
  q = isUuid ? q.where('id', '=', idOrName.toLowerCase()) : q.where(slugSql, '=', idOrName.toLowerCase());
  return q.orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

/** An open dataset by its catalog code (the download URLs carry codes). */
export const findOpenDatasetByCode = (db: Db, code: string) =>
  openOnly(db).select(COLUMNS).where('code', '=', code).executeTakeFirst();

export const listOpenDatasets = (db: Db) =>
  openOnly(db).select(COLUMNS).orderBy(slugSql).orderBy('id').execute();

export async function listOpenNames(db: Db, offset: number, limit: number | undefined): Promise<string[]> {
  let q = openOnly(db).select(slugSql.as('slug')).orderBy(slugSql).offset(offset);
  if (limit !== undefined) q = q.limit(limit);
  return (await q.execute()).map((r) => r.slug);
}

/** Open datasets per owner organisation. */
export async function countsByOrg(db: Db): Promise<Map<string, number>> {
  const rows = await openOnly(db)
    .select(['owner_org_id', sql<number>`count(*)::int`.as('n')])
    .groupBy('owner_org_id')
    .execute();
  return new Map(rows.map((r) => [r.owner_org_id, r.n]));
}

export async function countsByTheme(db: Db): Promise<Map<string, number>> {
  const rows = await openOnly(db)
    .select(['theme', sql<number>`count(*)::int`.as('n')])
    .groupBy('theme')
    .execute();
  return new Map(rows.map((r) => [r.theme, r.n]));
}

export async function listTags(db: Db): Promise<string[]> {
  const rows = await sql<{ tag: string }>`
    select distinct jsonb_array_elements_text(tags) as tag from catalog.dataset
    where status = 'published' and open_type = 'unconditional' order by 1`.execute(db);
  return rows.rows.map((r) => r.tag);
}

export type TableStats = { exists: boolean; rows: number; lastLoaded: Date | null };

/** Whether a dataset has its table, how many rows it holds and when it was last loaded. */
export async function tableStats(db: Db, code: string): Promise<TableStats> {
  const exists = await sql<{ t: string | null }>`select to_regclass(${tableOf(code)})::text as t`.execute(db);
  if (!exists.rows[0]?.t) return { exists: false, rows: 0, lastLoaded: null };
  const r = await sql<{ n: number; last: Date | null }>`
    select count(*)::int as n, max(_loaded_at) as last from ${sql.raw(tableOf(code))}`.execute(db);
  return { exists: true, rows: r.rows[0]?.n ?? 0, lastLoaded: r.rows[0]?.last ?? null };
}
