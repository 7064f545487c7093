import { sqlMigration } from '../../../db/sql.ts';

export const datastoreMigrations = {
  // Published datasets' own tables live here, one per dataset (like CKAN's DataStore).
  '20261128_07_datastore_init': sqlMigration(['create schema if not exists data']),
  // The change feed: every data row carries the sequence number of its last real change, and
  // rows removed by a full replace leave a tombstone, so consumers can follow a dataset by cursor.
  // Both live outside `data`, whose names belong to dataset codes.
  '20261129_01_datastore_change_feed': sqlMigration([
    'create schema if not exists datastore',
    'create sequence if not exists datastore.change_seq',
    `create table if not exists datastore.tombstone (
       dataset_code text not null,
       key jsonb not null,
       seq bigint not null,
       import_id uuid,
       deleted_at timestamptz not null default now())`,
    'create index if not exists tombstone_feed on datastore.tombstone (dataset_code, seq)',
    `do $$
     declare t record;
     begin
       for t in select tablename from pg_tables where schemaname = 'data' loop
         execute format('alter table data.%I add column if not exists _seq bigint not null default nextval(''datastore.change_seq'')', t.tablename);
         execute format('create index if not exists %I on data.%I (_seq)', t.tablename || ':seq', t.tablename);
       end loop;
     end $$`,
    // What an import lets PostgreSQL convert itself (see datastore-stage.ts): only the canonical
    // ISO forms, whose meaning is beyond doubt; everything else goes through the JavaScript coercion.
    // String comparisons only: this runs for every date of every row loaded.
    `create or replace function datastore.is_iso_date(v text) returns boolean
       language sql immutable parallel safe as $$
       -- CASE, not AND, so the casts never meet text the pattern refused.
       select case when v ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' and v >= '1000' then
         substr(v, 9, 2) <= '28'
              or case substr(v, 6, 2)
                   when '02' then substr(v, 9, 2) = '29' and substr(v, 1, 4)::int % 4 = 0
                     and (substr(v, 1, 4)::int % 100 <> 0 or substr(v, 1, 4)::int % 400 = 0)
                   when '04' then substr(v, 9, 2) <= '30'
                   when '06' then substr(v, 9, 2) <= '30'
                   when '09' then substr(v, 9, 2) <= '30'
                   when '11' then substr(v, 9, 2) <= '30'
                   else true end
       else false end $$`,
    `create or replace function datastore.is_iso_datetime(v text) returns boolean
       language sql immutable parallel safe as $$
       select v ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,6})?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])$'
         and datastore.is_iso_date(substr(v, 1, 10)) $$`,
  ]),
  // Bulk loads build a dataset's first rows in a table of their own before it takes the dataset's
  // place (datastore-load.ts); outside `data`, whose names belong to dataset codes.
  // The canonical-form checks moved to JavaScript (ADR 0010): the SQL ones are no longer called.
  '20261203_01_datastore_load': sqlMigration([
    'create schema if not exists data_load',
    'drop function if exists datastore.is_iso_datetime(text)',
    'drop function if exists datastore.is_iso_date(text)',
  ]),
};
