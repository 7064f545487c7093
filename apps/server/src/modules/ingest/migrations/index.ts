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
};
