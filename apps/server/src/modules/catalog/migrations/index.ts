import { sqlMigration } from '../../../db/sql.ts';

export const catalogMigrations = {
  '20261128_06_catalog_init': sqlMigration([
    'create schema if not exists catalog',
    `create table catalog.dataset (
      id uuid primary key,
      code text not null unique,
      name text not null,
      name_en text,
      description text not null default '',
      owner_org_id uuid not null,
      source_system text not null default '',
      theme text not null,
      update_frequency text not null,
      share_type text not null,
      open_type text not null,
      level text not null check (level in ('L1', 'L2', 'L3', 'L4')),
      tags jsonb not null default '[]',
      contact jsonb not null default '{}',
      fields jsonb not null,
      status text not null check (status in ('draft', 'submitted', 'published', 'retired')),
      version int not null default 1,
      review_comment text,
      search_text text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz
    )`,
    'create index dataset_owner_idx on catalog.dataset (owner_org_id)',
    'create index dataset_status_idx on catalog.dataset (status, updated_at desc)',
    `create table catalog.dataset_version (
      dataset_id uuid not null,
      version int not null,
      action text not null,
      changed_by uuid not null,
      changed_by_name text not null,
      changed_at timestamptz not null default now(),
      changes jsonb not null,
      comment text,
      primary key (dataset_id, version)
    )`,
    `create table catalog.data_element (
      code text primary key,
      name text not null,
      description text not null default '',
      authoritative_dataset_id uuid not null,
      field_name text not null,
      created_at timestamptz not null default now()
    )`,
  ]),
};
