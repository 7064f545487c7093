import { sqlMigration } from '../../../db/sql.ts';

export const ingestMigrations = {
  '20261128_08_ingest_init': sqlMigration([
    'create schema if not exists ingest',
    `create table ingest.import (
      id uuid primary key,
      dataset_id uuid not null,
      dataset_code text not null,
      org_id uuid not null,
      created_by uuid not null,
      created_by_name text not null,
      file_name text not null,
      file_path text not null,
      file_sha256 text not null,
      file_bytes bigint not null,
      format text not null,
      mode text not null check (mode in ('upsert', 'replace', 'append')),
      mapping jsonb not null,
      status text not null check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      rows_read bigint not null default 0,
      rows_loaded bigint not null default 0,
      rows_rejected bigint not null default 0,
      last_row bigint not null default 0,
      error text,
      job_id uuid,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )`,
    'create index import_dataset_idx on ingest.import (dataset_id, id desc)',
    'create index import_sha_idx on ingest.import (dataset_id, file_sha256, mode)',
    `create table ingest.reject (
      import_id uuid not null,
      row_number bigint not null,
      code text not null,
      reason_zh text not null,
      reason_en text not null,
      raw jsonb,
      primary key (import_id, row_number)
    )`,
  ]),
  // Staged imports (mapping checked before the job), saved mappings per dataset, pull sources.
  '20261129_06_ingest_mapping_sources': sqlMigration([
    'alter table ingest.import drop constraint import_status_check',
    `alter table ingest.import add constraint import_status_check
      check (status in ('staged', 'queued', 'running', 'succeeded', 'failed', 'cancelled'))`,
    'alter table ingest.import add column source_id uuid, add column watermark_to text',
    'create index import_source_idx on ingest.import (source_id, id desc) where source_id is not null',
    'create index import_job_idx on ingest.import (job_id) where job_id is not null',
    `create table ingest.mapping (
      dataset_id uuid primary key,
      mapping jsonb not null,
      saved_by uuid not null,
      saved_by_name text not null,
      saved_at timestamptz not null default now()
    )`,
    `create table ingest.source (
      id uuid primary key,
      dataset_id uuid not null,
      dataset_code text not null,
      org_id uuid not null,
      name text not null,
      kind text not null check (kind in ('postgres', 'http')),
      mode text not null check (mode in ('upsert', 'replace', 'append')),
      config jsonb not null,
      secret text not null,
      watermark_column text,
      watermark text,
      watermark_at timestamptz,
      created_by_name text not null,
      created_at timestamptz not null default now(),
      updated_by_name text not null,
      updated_at timestamptz not null default now(),
      last_job_id uuid,
      last_run_status text check (last_run_status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      last_run_at timestamptz,
      last_run_finished_at timestamptz,
      last_run_records bigint,
      last_import_id uuid,
      last_error_zh text,
      last_error_en text,
      unique (dataset_id, name)
    )`,
  ]),
  // Pull schedules: the waiting run is a deferred job (so it survives restarts); the row names it,
  // which keeps one per source, and remembers how the last scheduled run went.
  '20261130_01_ingest_source_schedules': sqlMigration([
    `alter table ingest.source
      add column schedule jsonb,
      add column schedule_by jsonb,
      add column schedule_job_id uuid,
      add column next_run_at timestamptz,
      add column scheduled_run_at timestamptz,
      add column scheduled_status text check (scheduled_status in ('succeeded', 'failed', 'skipped')),
      add column scheduled_import_id uuid,
      add column scheduled_error_zh text,
      add column scheduled_error_en text`,
  ]),
};
