import type { ClassifyConfirmation, FieldSuggestion } from '@shuzhi/contracts';
import type { ColumnType, Generated } from 'kysely';
import type { z } from 'zod';

type Json<T> = ColumnType<T, string, string>;

/** One detection run over a sample of a dataset's rows. It keeps types and scores, never the values. */
export interface RunTable {
  id: string;
  dataset_id: string;
  dataset_code: string;
  org_id: string;
  dataset_version: number;
  sample_rows: number;
  rows_examined: number;
  fields: Json<FieldSuggestion[]>;
  level: 'L1' | 'L2' | 'L3' | 'L4';
  reasons: Json<string[]>;
  created_by: string;
  created_by_name: string;
  created_at: Generated<Date>;
  /** The data officer's decision, once given; a run is confirmed at most once. */
  confirmation: Json<z.infer<typeof ClassifyConfirmation> | null> | null;
}

export interface ClassifyTables {
  'classify.run': RunTable;
}
