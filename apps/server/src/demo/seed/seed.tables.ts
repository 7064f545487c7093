import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Count = ColumnType<string, number, number>;

/** The one demo city seeded into this database, and whether its seeding finished. */
export interface DemoSeedTable {
  id: Generated<number>;
  scale: string;
  persons: number;
  enterprises: number;
  seed: string;
  started_at: Generated<Date>;
  finished_at: Date | null;
  datasets: number | null;
  rows_loaded: ColumnType<string | null, number | null, number | null>;
  rows_rejected: ColumnType<string | null, number | null, number | null>;
}

/** A demo dataset whose import finished: a later start skips it. */
export interface DemoSeededDatasetTable {
  code: string;
  import_id: string;
  rows_generated: Count;
  rows_loaded: Count;
  rows_rejected: Count;
  /** Counts of the injected defects and conflicts, by kind. */
  defects: Json<Record<string, number>>;
  finished_at: Generated<Date>;
}

export interface DemoTables {
  'demo.seed': DemoSeedTable;
  'demo.seeded_dataset': DemoSeededDatasetTable;
}
