import { sqlMigration } from '../../db/sql.ts';

export const demoMigrations = {
  '20261129_03_demo_init': sqlMigration([
    'create schema if not exists demo',
    // One demo city per database: the row's presence and finished_at are the "already seeded" marker.
    `create table demo.seed (
      id smallint primary key default 1 check (id = 1),
      scale text not null,
      persons int not null,
      enterprises int not null,
      seed text not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      datasets int,
      rows_loaded bigint,
      rows_rejected bigint
    )`,
    `create table demo.seeded_dataset (
      code text primary key,
      import_id uuid not null,
      rows_generated bigint not null,
      rows_loaded bigint not null,
      rows_rejected bigint not null,
      defects jsonb not null default '{}',
      finished_at timestamptz not null default now()
    )`,
  ]),
};
