import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { DATASET_COLUMNS, type DatasetRow } from './catalog.repo.ts';

export type SearchFilter = {
  visibility:
    | { kind: 'public' }
    | { kind: 'published' }
    | { kind: 'all' }
    | { kind: 'own_or_published'; orgId: string };
  view: 'resource' | 'share' | 'open';
  terms: string[];
  org?: string;
  theme?: string;
  level?: string;
  shareType?: string;
  openType?: string;
  updateFrequency?: string;
  status?: string;
};
export type SearchSort = 'relevance' | 'name' | 'updated';

export const FACET_COLUMNS = [
  'owner_org_id',
  'theme',
  'level',
  'share_type',
  'open_type',
  'update_frequency',
] as const;
export type FacetColumn = (typeof FACET_COLUMNS)[number];
export type FacetCount = { column: FacetColumn; value: string; n: number };
/** A page (and one row more, if another page follows), the total and the facet counts. */
export type SearchResult = { rows: DatasetRow[]; total: number; counts: FacetCount[] };

type FacetSqlRow = { g: number; n: number } & Record<FacetColumn, string | null>;

/**
 * Every facet and the total in one aggregate. Hashing a row into three sets costs less than into six,
 * and the pairs and triples of enumerated columns stay small (at most 13 × 7 and 4 × 3 × 3 groups);
 * `g` (GROUPING bits, 1 = not grouped) says which set a row belongs to.
 */
const FACETS = sql`grouping(owner_org_id, theme, level, share_type, open_type, update_frequency)::int as g,
  owner_org_id::text as owner_org_id, theme, level, share_type, open_type, update_frequency,
  count(*)::int as n`;
const FACET_SETS = sql`grouping sets ((owner_org_id), (theme, update_frequency),
  (level, share_type, open_type), ())`;

function decodeFacets(rows: FacetSqlRow[]): Pick<SearchResult, 'total' | 'counts'> {
  let total = 0;
  const sums = new Map<string, FacetCount>();
  const last = FACET_COLUMNS.length - 1;
  for (const r of rows) {
    if (r.g === (1 << FACET_COLUMNS.length) - 1) total = r.n;
    for (const [i, column] of FACET_COLUMNS.entries()) {
      const value = r[column];
      if (r.g & (1 << (last - i)) || value === null) continue;
      const key = `${column}\u0000${value}`;
      const sum = sums.get(key);
      if (sum) sum.n += r.n;
      else sums.set(key, { column, value, n: r.n });
    }
  }
  return { total, counts: [...sums.values()] };
}

/** Terms with at least one bigram, counted in characters as PostgreSQL counts them. */
const indexable = (t: string) => [...t].length >= 2;
const likeAny = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const and = (c: RawBuilder<unknown>[]): RawBuilder<boolean> =>
  c.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(c, sql` and `)}`;

/**
 * The text terms as substrings of the search text: LIKE keeps the exact semantics that the bigrams
 * only approximate, except where they already match exactly (`byGrams`: a two-character term is
 * its one bigram).
 */
function textConditions(f: SearchFilter, byGrams: boolean): RawBuilder<unknown>[] {
  return f.terms.flatMap((t) =>
    byGrams && [...t].length === 2 ? [] : [sql`search_text like ${likeAny(t)}`],
  );
}

/**
 * Visibility, view and facet filters, on bare column names: they apply to the table, its narrow copy
 * and a CTE of its columns alike.
 */
function filterConditions(f: SearchFilter): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [];
  const v = f.visibility;
  if (v.kind === 'public' || v.kind === 'published') c.push(sql`status = ${'published'}`);
  if (v.kind === 'own_or_published') c.push(sql`(status = ${'published'} or owner_org_id = ${v.orgId})`);
  if (f.view === 'share') c.push(sql`share_type <> ${'none'}`, sql`status = ${'published'}`);
  if (f.view === 'open') c.push(sql`open_type <> ${'none'}`, sql`status = ${'published'}`);
  if (f.org) c.push(sql`owner_org_id = ${f.org}`);
  if (f.theme) c.push(sql`theme = ${f.theme}`);
  if (f.level) c.push(sql`level = ${f.level}`);
  if (f.shareType) c.push(sql`share_type = ${f.shareType}`);
  if (f.openType) c.push(sql`open_type = ${f.openType}`);
  if (f.updateFrequency) c.push(sql`update_frequency = ${f.updateFrequency}`);
  if (f.status) c.push(sql`status = ${f.status}`);
  return c;
}

/**
 * Page order over `id`, `name` and `updated_at`; its last keys are those of dataset_updated_idx or
 * dataset_name_idx.
 */
function order(f: SearchFilter, sort: SearchSort): RawBuilder<unknown> {
  const keys: RawBuilder<unknown>[] = [];
  const first = f.terms[0];
  // A hit in the name outranks one in the description or fields.
  if (sort === 'relevance' && first) keys.push(sql`(position(${first} in lower(name)) > 0) desc`);
  if (sort === 'name') keys.push(sql`name`, sql`id`);
  else keys.push(sql`updated_at desc`, sql`id`);
  return sql.join(keys);
}

/**
 * Without bigrams to narrow by, the page walks an index in page order and stops after one page;
 * the facets and the total are one aggregate over the visible entries, read from their narrow copy
 * (catalog.dataset_facet) unless a one-character term needs the search text.
 */
async function scanSearch(db: Db, f: SearchFilter, sort: SearchSort, offset: number, limit: number) {
  const where = and([...textConditions(f, false), ...filterConditions(f)]);
  const from = f.terms.length === 0 ? sql`catalog.dataset_facet` : sql`catalog.dataset`;
  const [rows, facets] = await Promise.all([
    db
      .selectFrom('catalog.dataset')
      .select(DATASET_COLUMNS)
      .where(where)
      .orderBy(order(f, sort))
      .offset(offset)
      .limit(limit + 1)
      .execute(),
    sql<FacetSqlRow>`select ${FACETS} from ${from} where ${where} group by ${FACET_SETS}`.execute(db),
  ]);
  return { rows, ...decodeFacets(facets.rows) };
}

/**
 * With text, the bigram index finds the candidates once; the page's ids, the facets and the total
 * all come from that one set of matching entries, and only the page's full rows are read after.
 */
async function textSearch(db: Db, f: SearchFilter, sort: SearchSort, offset: number, limit: number) {
  const grams = sql.join(
    f.terms.filter(indexable).map((t) => sql`catalog.bigrams(${t})`),
    sql` || `,
  );
  const by = order(f, sort);
  return db.transaction().execute(async (trx) => {
    // The planner prices the index's reads as random disk reads and, for a common bigram, picks a
    // sequential scan that unpacks every entry's bigram array: several times slower than the index
    // on a server and far more so on the embedded database, where every page is in memory anyway.
    // With that scan off, `hits` holds the only other indexable conditions away from the planner,
    // which would otherwise rather read the visible entries through the status or owner index.
    await sql`set local enable_seqscan = off`.execute(trx);
    const r = await sql<{ facets: FacetSqlRow[]; ids: string[] | null }>`
      with hits as materialized (
        select id, name, updated_at, status, owner_org_id, theme, level, share_type, open_type,
          update_frequency
        from catalog.dataset where search_grams @> (${grams}) and ${and(textConditions(f, true))}
      ), m as materialized (select * from hits where ${and(filterConditions(f))})
      select
        (select json_agg(x) from (select ${FACETS} from m group by ${FACET_SETS}) x) as facets,
        (select json_agg(p.id order by ${by})
           from (select id, name, updated_at from m order by ${by}
                 offset ${offset} limit ${limit + 1}) p) as ids
    `.execute(trx);
    const { facets, ids } = r.rows[0] ?? { facets: [], ids: null };
    const found =
      ids && ids.length > 0
        ? await trx.selectFrom('catalog.dataset').select(DATASET_COLUMNS).where('id', 'in', ids).execute()
        : [];
    const byId = new Map(found.map((row) => [row.id, row]));
    const rows = (ids ?? []).flatMap((id) => byId.get(id) ?? []);
    return { rows, ...decodeFacets(facets ?? []) };
  });
}

/** Catalog search: text terms (AND), facet filters, sorting and offset, with facet counts and total. */
export function searchCatalog(
  db: Db,
  f: SearchFilter,
  sort: SearchSort,
  offset: number,
  limit: number,
): Promise<SearchResult> {
  return f.terms.some(indexable)
    ? textSearch(db, f, sort, offset, limit)
    : scanSearch(db, f, sort, offset, limit);
}
