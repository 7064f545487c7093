import { sqlMigration } from '../../../db/sql.ts';
import { HOLIDAYS_2026 } from './holidays-2026.ts';

const kinds =
  "'required', 'unique', 'pattern', 'enum', 'range', 'length', 'resident_id', 'credit_code', 'mobile', " +
  "'reference', 'consistency', 'freshness', 'custom_sql'";
const dimensions = "'completeness', 'validity', 'uniqueness', 'consistency', 'timeliness'";
// Scores are 0–100 with one decimal; double precision comes back as a number, numeric as text.
const scores = ['overall', 'completeness', 'validity', 'uniqueness', 'consistency', 'timeliness']
  .map((c) => `${c} double precision`)
  .join(',\n      ');

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const qualityMigrations = {
  '20261129_07_quality_init': sqlMigration([
    'create schema if not exists quality',
    `create table quality.rule (
      id uuid primary key,
      dataset_id uuid not null,
      field text,
      kind text not null check (kind in (${kinds})),
      dimension text not null check (dimension in (${dimensions})),
      params jsonb not null default '{}',
      severity text not null check (severity in ('error', 'warning')),
      enabled boolean not null default true,
      suggested boolean not null default false,
      created_by uuid not null,
      created_by_name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    'create index rule_dataset_idx on quality.rule (dataset_id, created_at, id)',
    `create table quality.dataset_state (
      dataset_id uuid primary key,
      suggested_at timestamptz not null
    )`,
    `create table quality.run (
      id uuid primary key,
      dataset_id uuid not null,
      dataset_code text not null,
      org_id uuid not null,
      trigger text not null check (trigger in ('import', 'schedule', 'manual', 'complaint')),
      status text not null check (status in ('queued', 'running', 'succeeded', 'failed')),
      job_id uuid,
      row_count bigint,
      problems bigint not null default 0,
      ${scores},
      error text,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    )`,
    'create index run_dataset_idx on quality.run (dataset_id, id desc)',
    "create index run_done_idx on quality.run (dataset_id, finished_at desc) where status = 'succeeded'",
    `create table quality.rule_result (
      run_id uuid not null,
      rule_id uuid not null,
      kind text not null,
      field text,
      dimension text not null,
      severity text not null,
      checked bigint not null,
      failed bigint not null,
      error text,
      reasons jsonb not null default '{}',
      samples jsonb not null default '[]',
      details jsonb not null default '[]',
      primary key (run_id, rule_id)
    )`,
    `create table quality.org_day (
      org_id uuid not null,
      day date not null,
      datasets integer not null,
      problems bigint not null,
      ${scores},
      primary key (org_id, day)
    )`,
    `create table quality.complaint (
      id uuid primary key,
      dataset_id uuid not null,
      dataset_code text not null,
      owner_org_id uuid not null,
      record_key jsonb,
      field text,
      text text not null,
      source text not null check (source in ('staff', 'data_subject')),
      complainant_id uuid not null,
      complainant_name text not null,
      complainant_org_id uuid,
      status text not null check (status in ('open', 'answered', 'corrected', 'closed')),
      deadline date not null,
      answer text,
      answered_by uuid,
      answered_by_name text,
      answered_at timestamptz,
      feedback text,
      closed_by uuid,
      closed_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    'create index complaint_owner_idx on quality.complaint (owner_org_id, id desc)',
    'create index complaint_complainant_idx on quality.complaint (complainant_id, id desc)',
    'create index complaint_dataset_idx on quality.complaint (dataset_id, id desc)',
    "create index complaint_open_idx on quality.complaint (deadline) where status = 'open'",
    // The recurring job that queues runs of datasets not checked within their update period: the
    // one job of the chain that may queue the next (see quality.schedule.ts).
    `create table quality.schedule (
      id smallint primary key check (id = 1),
      job_id uuid not null,
      run_at timestamptz not null
    )`,
    `create table quality.calendar_day (
      day date primary key,
      kind text not null check (kind in ('holiday', 'workday')),
      name text not null,
      updated_by_name text not null,
      updated_at timestamptz not null default now()
    )`,
    `insert into quality.calendar_day (day, kind, name, updated_by_name) values ${HOLIDAYS_2026.map(
      (d) => `(${quote(d.date)}, ${quote(d.kind)}, ${quote(d.name)}, ${quote('国办发明电〔2025〕7号')})`,
    ).join(', ')}`,
  ]),
};
