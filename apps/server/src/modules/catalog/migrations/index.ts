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
  // 一数一源: which other datasets carry an element, and the conflicts found by comparing them.
  // Search by substring in Chinese has no word boundaries to index; pairs of characters (bigrams)
  // do: a term's bigrams must all be among the entry's, which a GIN index answers before LIKE checks.
  '20261129_02_catalog_search_bigrams': sqlMigration([
    `create or replace function catalog.bigrams(t text) returns text[]
       language sql immutable parallel safe as $$
       select coalesce(array_agg(distinct substr(t, i, 2)), '{}') from generate_series(1, length(t) - 1) i $$`,
    'alter table catalog.dataset add column search_grams text[] generated always as (catalog.bigrams(search_text)) stored',
    'create index dataset_search_grams_idx on catalog.dataset using gin (search_grams)',
  ]),
  '20261129_05_catalog_element_conflicts': sqlMigration([
    'alter table catalog.data_element add column key_field text',
    `alter table catalog.data_element add column key_type text not null default 'other'
      check (key_type in ('resident_id', 'credit_code', 'other'))`,
    `create table catalog.element_binding (
      id uuid primary key,
      element_code text not null,
      dataset_id uuid not null,
      value_field text not null,
      key_field text not null,
      value_map jsonb not null default '{}',
      created_by uuid not null,
      created_by_name text not null,
      created_at timestamptz not null default now(),
      last_checked_at timestamptz,
      last_stats jsonb,
      last_error text,
      unique (element_code, dataset_id)
    )`,
    'create index element_binding_dataset_idx on catalog.element_binding (dataset_id)',
    // UUIDv7 made in SQL, so that a set-based check can insert thousands of conflicts in one statement
    // and they still sort by when they were found.
    `create function catalog.uuid_v7() returns uuid language sql volatile as $$
      select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
        substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
        from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
    $$`,
    `create table catalog.element_conflict (
      id uuid primary key,
      element_code text not null,
      authoritative_dataset_id uuid not null,
      dataset_id uuid not null,
      subject_key text not null,
      authoritative_value text not null,
      other_value text not null,
      status text not null check (status in ('open', 'resolved')),
      resolution text check (resolution in ('auto', 'manual')),
      note text,
      resolved_by uuid,
      resolved_by_name text,
      resolved_at timestamptz,
      first_seen_at timestamptz not null,
      last_seen_at timestamptz not null,
      check_id uuid not null,
      unique (element_code, dataset_id, subject_key)
    )`,
    'create index element_conflict_dataset_idx on catalog.element_conflict (dataset_id, status)',
    'create index element_conflict_authoritative_idx on catalog.element_conflict (authoritative_dataset_id, status)',
    'create index element_conflict_status_idx on catalog.element_conflict (status, id desc)',
  ]),
  // A listing without text walks the first two indexes in page order and stops after one page,
  // instead of sorting every visible entry. Its facet counts still read every visible entry: from the
  // wide dataset rows that costs half as much again as from a narrow copy of the columns counted and
  // filtered on. An index-only scan would do as well, but only once a vacuum has marked the pages
  // all-visible, which never happens on the embedded database (it has no autovacuum). Statement
  // triggers keep the copy in the writer's transaction, so readers always see it as the entries are.
  '20261130_05_catalog_search_speed': sqlMigration([
    'create index dataset_updated_idx on catalog.dataset (updated_at desc, id)',
    'create index dataset_name_idx on catalog.dataset (name, id)',
    `create table catalog.dataset_facet (
      id uuid primary key,
      status text not null,
      owner_org_id uuid not null,
      theme text not null,
      level text not null,
      share_type text not null,
      open_type text not null,
      update_frequency text not null
    )`,
    `insert into catalog.dataset_facet
      select id, status, owner_org_id, theme, level, share_type, open_type, update_frequency
      from catalog.dataset`,
    `create function catalog.dataset_facet_sync() returns trigger language plpgsql as $$
    begin
      if tg_op = 'TRUNCATE' then
        truncate catalog.dataset_facet;
        return null;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then
        delete from catalog.dataset_facet where id in (select id from old_rows);
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into catalog.dataset_facet
          select id, status, owner_org_id, theme, level, share_type, open_type, update_frequency
          from new_rows;
      end if;
      return null;
    end $$`,
    `create trigger dataset_facet_insert after insert on catalog.dataset
      referencing new table as new_rows for each statement execute function catalog.dataset_facet_sync()`,
    `create trigger dataset_facet_update after update on catalog.dataset
      referencing old table as old_rows new table as new_rows
      for each statement execute function catalog.dataset_facet_sync()`,
    `create trigger dataset_facet_delete after delete on catalog.dataset
      referencing old table as old_rows for each statement execute function catalog.dataset_facet_sync()`,
    `create trigger dataset_facet_truncate after truncate on catalog.dataset
      for each statement execute function catalog.dataset_facet_sync()`,
  ]),
  // Open data's facets (organisation, theme, tags) of listings without text read the narrow copy too:
  // tags join it, so CKAN's default facet list never scans the wide entries.
  '20261130_06_catalog_facet_tags': sqlMigration([
    `alter table catalog.dataset_facet add column tags jsonb not null default '[]'`,
    'update catalog.dataset_facet f set tags = d.tags from catalog.dataset d where d.id = f.id',
    `create or replace function catalog.dataset_facet_sync() returns trigger language plpgsql as $$
    begin
      if tg_op = 'TRUNCATE' then
        truncate catalog.dataset_facet;
        return null;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then
        delete from catalog.dataset_facet where id in (select id from old_rows);
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into catalog.dataset_facet
          select id, status, owner_org_id, theme, level, share_type, open_type, update_frequency, tags
          from new_rows;
      end if;
      return null;
    end $$`,
  ]),
};
