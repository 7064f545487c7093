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
  status: 'staged' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  rows_read: Generated<number>;
  rows_loaded: Generated<number>;
  rows_rejected: Generated<number>;
  /** Last row number whose batch committed: a resumed import skips up to here. */
  last_row: Generated<number>;
  error: string | null;
  job_id: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
  /** The pull source whose run made this import. */
  source_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The greatest watermark value in the pulled file: the source's new watermark once the import succeeds. */
  watermark_to: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RejectTable {
  import_id: string;
  row_number: number;
  code: string;
  reason_zh: string;
  reason_en: string;
  raw: Json<Record<string, string> | null> | null;
}

/** A dataset's saved column mapping (file column → field, or null: not imported). */
export interface MappingTable {
  dataset_id: string;
  mapping: Json<Record<string, string | null>>;
  saved_by: string;
  saved_by_name: string;
  saved_at: Generated<Date>;
}

export interface SourceTable {
  id: string;
  dataset_id: string;
  dataset_code: string;
  org_id: string;
  name: string;
  kind: 'postgres' | 'http';
  mode: 'upsert' | 'replace' | 'append';
  /** The settings without secrets (the connection string masked, header names only). */
  config: Json<Record<string, unknown>>;
  /** The secrets (connection string, header values), sealed with AES-256-GCM. */
  secret: string;
  watermark_column: string | null;
  watermark: string | null;
  watermark_at: Date | null;
  created_by_name: string;
  created_at: Generated<Date>;
  updated_by_name: string;
  updated_at: Generated<Date>;
  last_job_id: string | null;
  last_run_status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | null;
  last_run_at: Date | null;
  last_run_finished_at: Date | null;
  last_run_records: number | null;
  last_import_id: string | null;
  last_error_zh: string | null;
  last_error_en: string | null;
}

export interface IngestTables {
  'ingest.import': ImportTable;
  'ingest.reject': RejectTable;
  'ingest.mapping': MappingTable;
  'ingest.source': SourceTable;
}
