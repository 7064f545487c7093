import type { Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type {
  BindingStats,
  DataElementTable,
  ElementBindingTable,
  ElementConflictTable,
} from './catalog.tables.ts';

export type ElementRow = Selectable<DataElementTable>;
export type BindingRow = Selectable<ElementBindingTable>;
export type ConflictRow = Selectable<ElementConflictTable>;

export const updateElement = (db: Db, code: string, set: Updateable<DataElementTable>) =>
  db
    .updateTable('catalog.data_element')
    .set(set)
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();

export const listBindings = (db: Db, elementCodes: string[]) =>
  elementCodes.length === 0
    ? Promise.resolve([] as BindingRow[])
    : db
        .selectFrom('catalog.element_binding')
        .selectAll()
        .where('element_code', 'in', elementCodes)
        .orderBy('created_at')
        .execute();

export const findBinding = (db: Db, id: string) =>
  db.selectFrom('catalog.element_binding').selectAll().where('id', '=', id).executeTakeFirst();

export const findBindingOf = (db: Db, elementCode: string, datasetId: string) =>
  db
    .selectFrom('catalog.element_binding')
    .selectAll()
    .where('element_code', '=', elementCode)
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();

export const insertBinding = (
  db: Db,
  row: Omit<BindingRow, 'created_at' | 'last_checked_at' | 'last_stats' | 'last_error'>,
) =>
  db
    .insertInto('catalog.element_binding')
    .values({ ...row, value_map: JSON.stringify(row.value_map) })
    .returningAll()
    .executeTakeFirstOrThrow();

/** Removes a binding and the conflicts found through it (they say nothing once it is gone). */
export async function deleteBinding(db: Db, b: BindingRow): Promise<number> {
  const gone = await db
    .deleteFrom('catalog.element_conflict')
    .where('element_code', '=', b.element_code)
    .where('dataset_id', '=', b.dataset_id)
    .executeTakeFirst();
  await db.deleteFrom('catalog.element_binding').where('id', '=', b.id).execute();
  return Number(gone.numDeletedRows);
}

export const recordCheck = (db: Db, id: string, stats: BindingStats | null, error: string | null) =>
  db
    .updateTable('catalog.element_binding')
    .set({
      last_checked_at: new Date(),
      // A failed check keeps the last good numbers: they are still what was last seen.
      ...(stats ? { last_stats: JSON.stringify(stats) } : {}),
      last_error: error,
    })
    .where('id', '=', id)
    .execute();

/** Codes of the elements a dataset takes part in: as their authoritative source or as a bound copy. */
export async function elementsTouching(
  db: Db,
  datasetId: string,
): Promise<{ asAuthoritative: string[]; asBound: string[] }> {
  const [auth, bound] = await Promise.all([
    db
      .selectFrom('catalog.data_element')
      .select('code')
      .where('authoritative_dataset_id', '=', datasetId)
      .execute(),
    db
      .selectFrom('catalog.element_binding')
      .select('element_code')
      .where('dataset_id', '=', datasetId)
      .execute(),
  ]);
  return { asAuthoritative: auth.map((r) => r.code), asBound: bound.map((r) => r.element_code) };
}
