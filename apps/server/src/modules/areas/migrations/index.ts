import { sqlMigration } from '../../../db/sql.ts';

export const areasMigrations = {
  '20261128_01_areas_init': sqlMigration([
    'create schema if not exists areas',
    `create table areas.area (
      code text primary key,
      name text not null,
      level text not null check (level in ('city', 'district', 'street', 'community', 'grid')),
      parent_code text,
      path text not null,
      source text not null default 'reference' check (source in ('reference', 'user')),
      created_at timestamptz not null default now(),
      created_by uuid
    )`,
    'create index area_parent_idx on areas.area (parent_code)',
    'create index area_path_idx on areas.area (path text_pattern_ops)',
  ]),
};
