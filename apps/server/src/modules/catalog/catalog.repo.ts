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
export const DATASET_COLUMNS = [...DATASET_FIELDS, 'search_text'] as const;

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
