import type { SourceSchedule } from '@shuzhi/contracts';
import type { ColumnType } from 'kysely';
import type { RunBy } from './sources.repo.ts';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

// The schedule columns of ingest.source (migration 20261130_01_ingest_source_schedules), declared
// next to the code that owns them rather than in the module's shared table file.
declare module '../ingest.tables.ts' {
  interface SourceTable {
    schedule: ColumnType<SourceSchedule | null, string | null | undefined, string | null>;
    /** Who set the schedule: the imports its runs make are theirs. */
    schedule_by: ColumnType<RunBy | null, string | null | undefined, string | null>;
    /** The one job waiting to make the next scheduled run (queued until `next_run_at`). */
    schedule_job_id: Nullable<string>;
    next_run_at: Nullable<Date>;
    scheduled_run_at: Nullable<Date>;
    scheduled_status: Nullable<'succeeded' | 'failed' | 'skipped'>;
    scheduled_import_id: Nullable<string>;
    scheduled_error_zh: Nullable<string>;
    scheduled_error_en: Nullable<string>;
  }
}
