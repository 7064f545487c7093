import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/tables.ts';
import { DATASET_FIELDS } from '../catalog/index.ts';
import { tableOf } from '../datastore/index.ts';

/*
 * Open data is a read-only view of the catalog: published entries whose open type is
 * "unconditional". The queries read catalog.dataset directly (and only read it) because CKAN's
 * query semantics (field clauses, facets over tags and themes, several sort keys) have no
 * counterpart in the catalog's own search; every query below starts from `openOnly`, or, for the
 * portal's listings only, from `listedOnly` (conditionally open entries too, as metadata).
 */

export type OpenDatasetRow = Omit<Selectable<Database['catalog.dataset']>, 'search_text'>;
const COLUMNS = DATASET_FIELDS;

/** A clause of a CKAN query, already resolved to the catalog's terms; all clauses must hold. */
export type Clause =
  | { field: 'text' | 'title' | 'notes'; value: string }
  | { field: 'name' | 'id' | 'tags' | 'theme' | 'org'; value: string }
  | { field: 'level' | 'frequency'; value: string }
  | { field: 'open'; value: 'unconditional' | 'conditional' }
  | { field: 'none' };

export type PackageSort = { key: 'modified' | 'created' | 'title' | 'name' | 'score'; dir: 'asc' | 'desc' };

/**
 * What the portal lists (metadata, fields, quality, history): published entries open unconditionally
 * or on conditions. L4 (core data) is never listed nor opened, whatever its open type says: the
 * masking policy withholds it all.
 */
const listedOnly = (db: Db, from: Source = 'catalog.dataset') =>
  db
    // The narrow copy has every column the rules and the facet clauses use, under the same names.
    .selectFrom(from as 'catalog.dataset')
    .where('status', '=', 'published')
    .where('open_type', 'in', ['unconditional', 'conditional'])
    .where('level', '<>', 'L4');

/**
 * Where a query reads entries: the catalog itself, or its narrow copy of the facet columns and tags
 * (catalog.dataset_facet, kept by triggers), which is far cheaper to scan when no text is involved.
 */
type Source = 'catalog.dataset' | 'catalog.dataset_facet';

/** Open data proper, whose rows anyone may read: the listed entries that need no application. */
const openOnly = (db: Db, from: Source = 'catalog.dataset') =>
  listedOnly(db, from).where('open_type', '=', 'unconditional');

/** Which rule a query starts from: `open` (the default: CKAN, DCAT, downloads) or `listed` (the portal). */
export type Visibility = 'open' | 'listed';
const visible = (db: Db, v: Visibility, from: Source = 'catalog.dataset') =>
  v === 'listed' ? listedOnly(db, from) : openOnly(db, from);

const like = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
export const slugSql = sql<string>`lower(replace(code, '.', '-'))`;

function filtered(db: Db, clauses: Clause[], v: Visibility = 'open', from: Source = 'catalog.dataset') {
  let q = visible(db, v, from);
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
    else if (c.field === 'level') q = q.where('level', '=', c.value);
    else if (c.field === 'frequency') q = q.where('update_frequency', '=', c.value);
    else if (c.field === 'open') q = q.where('open_type', '=', c.value);
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
  v: Visibility = 'open',
): Promise<OpenDatasetRow[]> {
  let q = filtered(db, clauses, v).select(COLUMNS);
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
export async function facetSource(db: Db, clauses: Clause[], v: Visibility = 'open') {
  return filtered(db, clauses, v)
    .select(['owner_org_id', 'theme', 'tags', 'level', 'update_frequency', 'open_type'])
    .execute();
}

/** Clauses the narrow copy can answer (no text, no names: those need the entries themselves). */
const FACET_CLAUSES = new Set<Clause['field']>([
  'org',
  'theme',
  'level',
  'frequency',
  'open',
  'tags',
  'id',
  'none',
]);

/** The narrow copy when it can answer the clauses, else the entries. */
const sourceFor = (clauses: Clause[]): Source =>
  clauses.every((c) => FACET_CLAUSES.has(c.field)) ? 'catalog.dataset_facet' : 'catalog.dataset';

export type FacetCounts = {
  total: number;
  orgs: Map<string, number>;
  themes: Map<string, number>;
  tags: Map<string, number>;
};

/**
 * The facet counts of every match, counted by the database: organisations, themes and the total in
 * one pass (grouping sets), tags (a list per dataset) in a second one only when asked for.
 */
export async function facetCounts(db: Db, clauses: Clause[], withTags: boolean): Promise<FacetCounts> {
  const from = sourceFor(clauses);
  const grouped = await sql<{ org: string | null; theme: string | null; g: number; n: number }>`
    select owner_org_id::text as org, theme, grouping(owner_org_id, theme)::int as g, count(*)::int as n
    from (${filtered(db, clauses, 'open', from).select(['owner_org_id', 'theme'])}) m
    group by grouping sets ((owner_org_id), (theme), ())`.execute(db);
  const out: FacetCounts = { total: 0, orgs: new Map(), themes: new Map(), tags: new Map() };
  // grouping() sets a bit per column aggregated away: 1 = by organisation, 2 = by theme, 3 = all.
  for (const r of grouped.rows) {
    if (r.g === 3) out.total = r.n;
    else if (r.g === 1 && r.org) out.orgs.set(r.org, r.n);
    else if (r.g === 2 && r.theme) out.themes.set(r.theme, r.n);
  }
  if (withTags) {
    const tags = await sql<{ tag: string; n: number }>`
      select t as tag, count(*)::int as n
      from (${filtered(db, clauses, 'open', from).select('tags')}) m, jsonb_array_elements_text(m.tags) t
      group by t`.execute(db);
    for (const r of tags.rows) out.tags.set(r.tag, r.n);
  }
  return out;
}

export async function countPackages(db: Db, clauses: Clause[], v: Visibility = 'open'): Promise<number> {
  const r = await filtered(db, clauses, v, sourceFor(clauses))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirst();
  return r?.n ?? 0;
}

/** An open dataset by its id or its CKAN name (the earliest entry wins if two codes fold together). */
export async function findOpenDataset(
  db: Db,
  idOrName: string,
  v: Visibility = 'open',
): Promise<OpenDatasetRow | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  let q = visible(db, v).select(COLUMNS);
  q = isUuid ? q.where('id', '=', idOrName.toLowerCase()) : q.where(slugSql, '=', idOrName.toLowerCase());
  return q.orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

/** An open dataset by its catalog code (the download URLs carry codes). */
export const findOpenDatasetByCode = (db: Db, code: string) =>
  openOnly(db).select(COLUMNS).where('code', '=', code).executeTakeFirst();

/** The ids of every open dataset: what the resource index is built from. */
export const listOpenDatasetIds = async (db: Db, v: Visibility = 'open'): Promise<string[]> =>
  (await visible(db, v).select('id').execute()).map((r) => r.id);

export const listOpenDatasets = (db: Db, v: Visibility = 'open') =>
  visible(db, v).select(COLUMNS).orderBy(slugSql).orderBy('id').execute();

export async function listOpenNames(db: Db, offset: number, limit: number | undefined): Promise<string[]> {
  let q = openOnly(db).select(slugSql.as('slug')).orderBy(slugSql).offset(offset);
  if (limit !== undefined) q = q.limit(limit);
  return (await q.execute()).map((r) => r.slug);
}

/** Open (or listed) datasets per owner organisation. */
export async function countsByOrg(db: Db, v: Visibility = 'open'): Promise<Map<string, number>> {
  const rows = await visible(db, v)
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
    select distinct jsonb_array_elements_text(m.tags) as tag
    from (${openOnly(db).select('tags')}) m order by 1`.execute(db);
  return rows.rows.map((r) => r.tag);
}

export type TableStats = { exists: boolean; rows: number; lastLoaded: Date | null };

/** Tables up to this many rows (by the planner's statistics) are counted exactly; larger ones are not. */
const EXACT_COUNT_MAX = 100_000;

/**
 * Whether a dataset has its table, how many rows it holds and when its data last changed. Cheap at
 * any size, since every package and resource answer carries them: large tables report the planner's
 * row estimate (kept by autovacuum and by the analyze after each import) instead of a count, and the
 * last change is the `_valid_from` of the row with the highest `_seq`, read from the `_seq` index.
 */
export async function tableStats(db: Db, code: string): Promise<TableStats> {
  return (await tableStatsOf(db, [code])).get(code) as TableStats;
}

/**
 * tableStats of a page of datasets: one statement finds which have tables (most catalog entries of a
 * search page often have none), then only those are counted, side by side.
 */
export async function tableStatsOf(db: Db, codes: string[]): Promise<Map<string, TableStats>> {
  const unique = [...new Set(codes)];
  const found = await sql<{ code: string; est: number | null }>`
    select t.code, c.reltuples::float8 as est
    from unnest(${unique}::text[], ${unique.map(tableOf)}::text[]) as t(code, name)
    left join pg_class c on c.oid = to_regclass(t.name)`.execute(db);
  const stats = await Promise.all(
    found.rows.map(
      async (r) => [r.code, r.est === null ? NO_TABLE : await loadedStats(db, r.code, r.est)] as const,
    ),
  );
  return new Map(stats);
}

const NO_TABLE: TableStats = { exists: false, rows: 0, lastLoaded: null };

async function loadedStats(db: Db, code: string, est: number): Promise<TableStats> {
  const table = sql.raw(tableOf(code));
  const rows =
    est > EXACT_COUNT_MAX
      ? Math.round(est)
      : ((await sql<{ n: number }>`select count(*)::int as n from ${table}`.execute(db)).rows[0]?.n ?? 0);
  const last = await sql<{
    at: Date;
  }>`select _valid_from as at from ${table} order by _seq desc limit 1`.execute(db);
  return { exists: true, rows, lastLoaded: last.rows[0]?.at ?? null };
}
