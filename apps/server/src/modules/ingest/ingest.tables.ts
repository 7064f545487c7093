import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface ImportTable {
  id: string;
  dataset_id: string;
  dataset_code: string;
  org_id: string;
  created_by: string;
  created_by_name: string;
  file_name: string;
  file_path: string;
  file_sha256: string;
  file_bytes: number;
  format: 'csv' | 'xlsx' | 'json' | 'ndjson';
  mode: 'upsert' | 'replace' | 'append';
  mapping: Json<Record<string, string>>;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  rows_read: Generated<number>;
  rows_loaded: Generated<number>;
  rows_rejected: Generated<number>;
  /** Last row number whose batch committed: a resumed import skips up to here. */
  last_row: Generated<number>;
  error: string | null;
  job_id: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface RejectTable {
  import_id: string;
  row_number: number;
  code: string;
  reason_zh: string;
  reason_en: string;
  raw: Json<Record<string, string> | null> | null;
}

export interface IngestTables {
  'ingest.import': ImportTable;
  'ingest.reject': RejectTable;
}
