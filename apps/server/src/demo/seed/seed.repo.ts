import type { Selectable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { DemoSeedTable } from './seed.tables.ts';

export type SeedRow = Selectable<DemoSeedTable>;

export const findSeed = (db: Db) => db.selectFrom('demo.seed').selectAll().executeTakeFirst();

export const insertSeed = (
  db: Db,
  row: { scale: string; persons: number; enterprises: number; seed: string },
) =>
  db
    .insertInto('demo.seed')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

export const finishSeed = (
  db: Db,
  totals: { datasets: number; rows_loaded: number; rows_rejected: number },
) =>
  db
    .updateTable('demo.seed')
    .set({ ...totals, finished_at: new Date() })
    .execute();

export const listSeededDatasets = (db: Db) => db.selectFrom('demo.seeded_dataset').selectAll().execute();

export const recordSeededDataset = (
  db: Db,
  row: {
    code: string;
    import_id: string;
    rows_generated: number;
    rows_loaded: number;
    rows_rejected: number;
    defects: Record<string, number>;
  },
) =>
  db
    .insertInto('demo.seeded_dataset')
    .values({ ...row, defects: JSON.stringify(row.defects) })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
