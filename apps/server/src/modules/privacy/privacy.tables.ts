import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Count = ColumnType<number, number, number>;

export type SizeBucket = { from: number; to: number | null; classes: number; rows: number };
export type Generalisation = 'month' | 'year' | 'age5' | 'age10' | 'band5' | 'band10' | 'street' | 'drop';
export type SuggestionRow = {
  steps: { field: string; generalisation: Generalisation }[];
  smallestClass: number | null;
  classesBelowK: number;
  rowsBelowK: number;
  passes: boolean;
};

export interface KanonConfigTable {
  dataset_id: string;
  dataset_code: string;
  org_id: string;
  quasi_identifiers: string[];
  updated_by: string;
  updated_by_name: string;
  updated_at: Generated<Date>;
}

export interface KanonCheckTable {
  id: string;
  dataset_id: string;
  dataset_code: string;
  org_id: string;
  quasi_identifiers: string[];
  k: number;
  status: 'running' | 'done' | 'failed';
  job_id: string | null;
  rows: Count | null;
  classes: Count | null;
  smallest_class: Count | null;
  classes_below_k: Count | null;
  rows_below_k: Count | null;
  passed: boolean | null;
  size_histogram: Json<SizeBucket[]> | null;
  suggestions: Json<SuggestionRow[]> | null;
  data_rows: Count | null;
  data_max_seq: Count | null;
  /** The data version the check describes (kanon.sql dataVersion); null for checks made before it existed. */
  data_version: Count | null;
  error: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface DpBudgetTable {
  dataset_id: string;
  dataset_code: string;
  org_id: string;
  total_micro: Count;
  spent_micro: Generated<number>;
  updated_by_name: string;
  updated_at: Generated<Date>;
}

export interface DpReleaseTable {
  id: string;
  dataset_id: string;
  dataset_code: string;
  org_id: string;
  kind: 'count' | 'sum' | 'mean' | 'histogram';
  epsilon_micro: Count;
  query: Json<unknown>;
  result: Json<unknown>;
  purpose: string;
  created_by: string;
  created_by_name: string;
  created_at: Generated<Date>;
}

export interface PsiSessionTable {
  id: string;
  initiator_org_id: string;
  partner_org_id: string;
  purpose: string;
  status: 'open' | 'finished';
  intersection_size: number | null;
  created_by: string;
  created_by_name: string;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface PsiSetTable {
  session_id: string;
  side: 'initiator' | 'partner';
  /** `blinded`: the side's own points to its secret; `reblinded`: the peer's blinded points to the side's secret. */
  stage: 'blinded' | 'reblinded';
  points: Buffer;
  count: number;
  uploaded_by_name: string;
  uploaded_at: Generated<Date>;
}

export interface PrivacyTables {
  'privacy.kanon_config': KanonConfigTable;
  'privacy.kanon_check': KanonCheckTable;
  'privacy.dp_budget': DpBudgetTable;
  'privacy.dp_release': DpReleaseTable;
  'privacy.psi_session': PsiSessionTable;
  'privacy.psi_set': PsiSetTable;
}
