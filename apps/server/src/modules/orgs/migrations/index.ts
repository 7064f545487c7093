import { sqlMigration } from '../../../db/sql.ts';

export const orgsMigrations = {
  '20261128_02_orgs_init': sqlMigration([
    'create schema if not exists orgs',
    `create table orgs.org (
      id uuid primary key,
      code text not null unique,
      name text not null,
      name_en text,
      type text not null check (type in ('platform', 'department', 'government', 'street_office')),
      parent_id uuid,
      area_code text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    'create index org_parent_idx on orgs.org (parent_id)',
    'create index org_area_idx on orgs.org (area_code)',
  ]),
};
