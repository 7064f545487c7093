import { sqlMigration } from '../../../db/sql.ts';

export const classifyMigrations = {
  '20261129_04_classify_init': sqlMigration([
    'create schema if not exists classify',
    `create table classify.run (
      id uuid primary key,
      dataset_id uuid not null,
      dataset_code text not null,
      org_id uuid not null,
      dataset_version integer not null,
      sample_rows integer not null,
      rows_examined integer not null,
      fields jsonb not null,
      level text not null check (level in ('L1', 'L2', 'L3', 'L4')),
      reasons jsonb not null,
      created_by uuid not null,
      created_by_name text not null,
      created_at timestamptz not null default now(),
      confirmation jsonb
    )`,
    'create index run_dataset_idx on classify.run (dataset_id, id desc)',
  ]),
};
