import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { DatasetTable, DatasetVersionTable } from './catalog.tables.ts';

/** A dataset entry's columns, without the search columns (also the open data module's view of it). */
export const DATASET_FIELDS = [
  'id',
  'code',
  'name',
  'name_en',
  'description',
  'owner_org_id',
  'source_system',
  'theme',
  'update_frequency',
  'share_type',
  'open_type',
  'level',
  'tags',
  'contact',
  'fields',
  'status',
  'version',
  'review_comment',
  'created_at',
  'updated_at',
  'published_at',
] as const satisfies readonly (keyof DatasetTable)[];
/** A dataset row's columns: not `search_grams`, the (large) generated search column. */
const DATASET_COLUMNS = [...DATASET_FIELDS, 'search_text'] as const;

export type DatasetRow = Selectable<DatasetTable>;
export type DatasetInsert = Omit<DatasetRow, 'created_at' | 'updated_at'>;

export const findDataset = (db: Db, id: string) =>
  db.selectFrom('catalog.dataset').select(DATASET_COLUMNS).where('id', '=', id).executeTakeFirst();

export const findDatasetByCode = (db: Db, code: string) =>
  db.selectFrom('catalog.dataset').select(DATASET_COLUMNS).where('code', '=', code).executeTakeFirst();

export const findDatasetsByCodes = (db: Db, codes: string[]) =>
  codes.length === 0
    ? Promise.resolve([] as DatasetRow[])
    : db.selectFrom('catalog.dataset').select(DATASET_COLUMNS).where('code', 'in', codes).execute();

const json = (v: unknown) => JSON.stringify(v);

export async function insertDataset(db: Db, row: DatasetInsert): Promise<DatasetRow> {
  return db
    .insertInto('catalog.dataset')
    .values({ ...row, tags: json(row.tags), contact: json(row.contact), fields: json(row.fields) })
    .returning(DATASET_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Writes a new state of the dataset if it is still at `expectedVersion` (optimistic locking). */
export async function updateDataset(
  db: Db,
  row: DatasetRow,
  expectedVersion: number,
): Promise<DatasetRow | undefined> {
  const { id, created_at: _c, ...rest } = row;
  return db
    .updateTable('catalog.dataset')
    .set({
      ...rest,
      tags: json(rest.tags),
      contact: json(rest.contact),
      fields: json(rest.fields),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning(DATASET_COLUMNS)
    .executeTakeFirst();
}

export async function insertVersion(
  db: Db,
  v: Omit<Selectable<DatasetVersionTable>, 'changed_at'>,
): Promise<void> {
  await db
    .insertInto('catalog.dataset_version')
    .values({ ...v, changes: json(v.changes) })
    .execute();
}

export const listVersions = (db: Db, datasetId: string) =>
  db
    .selectFrom('catalog.dataset_version')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('version', 'desc')
    .execute();

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

function filtered(db: Db, f: SearchFilter) {
  let q = db.selectFrom('catalog.dataset');
  const v = f.visibility;
  if (v.kind === 'public' || v.kind === 'published') q = q.where('status', '=', 'published');
  if (v.kind === 'own_or_published') {
    q = q.where((eb) => eb.or([eb('status', '=', 'published'), eb('owner_org_id', '=', v.orgId)]));
  }
  if (f.view === 'share') q = q.where('share_type', '<>', 'none').where('status', '=', 'published');
  if (f.view === 'open') q = q.where('open_type', '<>', 'none').where('status', '=', 'published');
  for (const t of f.terms) {
    // The bigram index narrows the candidates; LIKE keeps the exact substring semantics.
    if (t.length >= 2) q = q.where(sql<boolean>`search_grams @> catalog.bigrams(${t})`);
    q = q.where('search_text', 'like', `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (f.org) q = q.where('owner_org_id', '=', f.org);
  if (f.theme) q = q.where('theme', '=', f.theme);
  if (f.level) q = q.where('level', '=', f.level);
  if (f.shareType) q = q.where('share_type', '=', f.shareType);
  if (f.openType) q = q.where('open_type', '=', f.openType);
  if (f.updateFrequency) q = q.where('update_frequency', '=', f.updateFrequency);
  if (f.status) q = q.where('status', '=', f.status as DatasetRow['status']);
  return q;
}

export async function searchDatasets(
  db: Db,
  f: SearchFilter,
  sort: 'relevance' | 'name' | 'updated',
  offset: number,
  limit: number,
): Promise<DatasetRow[]> {
  let q = filtered(db, f).select(DATASET_COLUMNS);
  const first = f.terms[0];
  if (sort === 'relevance' && first) {
    // A hit in the name outranks one in the description or fields.
    q = q.orderBy(sql`(position(${first} in lower(name)) > 0)`, 'desc');
  }
  if (sort === 'name') q = q.orderBy('name').orderBy('id');
  else q = q.orderBy('updated_at', 'desc').orderBy('id');
  return q
    .offset(offset)
    .limit(limit + 1)
    .execute();
}

export type FacetRow = {
  owner_org_id: string | null;
  theme: string | null;
  level: string | null;
  share_type: string | null;
  open_type: string | null;
  update_frequency: string | null;
  n: number;
};

/** Every facet's counts and the total in one pass (GROUPING SETS). */
export async function facetCounts(db: Db, f: SearchFilter): Promise<FacetRow[]> {
  const r = await filtered(db, f)
    .select(['owner_org_id', 'theme', 'level', 'share_type', 'open_type', 'update_frequency'])
    .select(sql<number>`count(*)::int`.as('n'))
    .groupBy(
      sql`grouping sets ((owner_org_id), (theme), (level), (share_type), (open_type), (update_frequency), ())` as never,
    )
    .execute();
  return r as FacetRow[];
}

export const listElements = (db: Db) =>
  db.selectFrom('catalog.data_element').selectAll().orderBy('code').execute();

export const findElement = (db: Db, code: string) =>
  db.selectFrom('catalog.data_element').selectAll().where('code', '=', code).executeTakeFirst();

export const insertElement = (
  db: Db,
  row: {
    code: string;
    name: string;
    description: string;
    authoritative_dataset_id: string;
    field_name: string;
    key_field: string | null;
    key_type: 'resident_id' | 'credit_code' | 'other';
  },
) => db.insertInto('catalog.data_element').values(row).returningAll().executeTakeFirstOrThrow();
