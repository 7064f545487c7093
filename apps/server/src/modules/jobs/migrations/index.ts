import { sqlMigration } from '../../../db/sql.ts';

export const jobsMigrations = {
  '20261128_04_jobs_init': sqlMigration([
    'create schema if not exists jobs',
    `create table jobs.job (
      id uuid primary key,
      kind text not null,
      org_id uuid,
      created_by uuid,
      payload jsonb not null default '{}',
      status text not null check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      attempts int not null default 0,
      max_attempts int not null default 3,
      run_at timestamptz not null default now(),
      locked_by text,
      locked_until timestamptz,
      progress_done bigint not null default 0,
      progress_total bigint,
      progress_message text,
      error text,
      result jsonb,
      cancel_requested boolean not null default false,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      updated_at timestamptz not null default now()
    )`,
    "create index job_ready_idx on jobs.job (run_at) where status in ('queued', 'running')",
    'create index job_org_idx on jobs.job (org_id, id desc)',
  ]),
};
