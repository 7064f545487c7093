import type { ColumnType, Generated } from 'kysely';

// Written as JSON text, read back parsed.
type Json = ColumnType<unknown, string, string>;

export interface JobTable {
  id: string;
  kind: string;
  org_id: string | null;
  created_by: string | null;
  payload: Json;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  attempts: Generated<number>;
  max_attempts: number;
  run_at: Generated<Date>;
  locked_by: string | null;
  locked_until: Date | null;
  progress_done: Generated<number>;
  progress_total: number | null;
  progress_message: string | null;
  error: string | null;
  result: Json | null;
  cancel_requested: Generated<boolean>;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Generated<Date>;
}

export interface JobsTables {
  'jobs.job': JobTable;
}
