import { sqlMigration } from '../../db/sql.ts';

export const sharingMigrations = {
  '20261201_01_sharing': sqlMigration([
    'create schema if not exists sharing',
    // A consumer organisation's request for fields of another organisation's dataset, for one app.
    `create table sharing.request (
      id uuid primary key,
      dataset_id uuid not null,
      dataset_code text not null,
      dataset_name text not null,
      share_type text not null check (share_type in ('unconditional', 'conditional')),
      owner_org_id uuid not null,
      consumer_org_id uuid not null,
      client_id uuid not null,
      fields jsonb not null,
      purpose text not null,
      legal_basis text not null,
      period_start date not null,
      period_end date not null,
      daily_quota integer not null check (daily_quota > 0),
      area_field text,
      area_code text,
      status text not null default 'pending'
        check (status in ('pending', 'more_info', 'approved', 'rejected', 'withdrawn')),
      submitted_by uuid not null,
      submitted_by_name text not null,
      submitted_at timestamptz not null default now(),
      deadline date not null,
      messages jsonb not null default '[]',
      decided_at timestamptz,
      decided_by_name text,
      decision_note text,
      grant_id uuid
    )`,
    'create index request_owner_idx on sharing.request (owner_org_id, submitted_at desc)',
    'create index request_consumer_idx on sharing.request (consumer_org_id, submitted_at desc)',
    "create index request_open_idx on sharing.request (deadline) where status = 'pending'",
    // What an approval allows: one app, one dataset, these fields, this period, this quota, this area.
    `create table sharing.grant (
      id uuid primary key,
      request_id uuid not null unique,
      dataset_id uuid not null,
      dataset_code text not null,
      dataset_name text not null,
      owner_org_id uuid not null,
      consumer_org_id uuid not null,
      client_id uuid not null,
      fields text[] not null,
      purpose text not null,
      period_start date not null,
      period_end date not null,
      daily_quota integer not null,
      area_field text,
      area_code text,
      status text not null default 'active' check (status in ('active', 'revoked')),
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      revoked_by_name text,
      revoke_reason text
    )`,
    'create index grant_client_idx on sharing.grant (client_id, dataset_code)',
    'create index grant_owner_idx on sharing.grant (owner_org_id, created_at desc)',
    'create index grant_consumer_idx on sharing.grant (consumer_org_id, created_at desc)',
    // Calls per app, dataset and day (China time), counted in batches by the gateway; grant_id is the
    // grant the calls went through, or the nil uuid for calls denied without one.
    `create table sharing.usage (
      day date not null,
      client_id uuid not null,
      dataset_code text not null,
      grant_id uuid not null,
      owner_org_id uuid not null,
      consumer_org_id uuid not null,
      calls bigint not null default 0,
      records bigint not null default 0,
      denied bigint not null default 0,
      primary key (grant_id, client_id, dataset_code, day)
    )`,
    'create index usage_day_idx on sharing.usage (day)',
    'create index usage_owner_idx on sharing.usage (owner_org_id, day)',
    'create index usage_consumer_idx on sharing.usage (consumer_org_id, day)',
  ]),
  '20261201_05_sharing_consent': sqlMigration([
    'alter table sharing.request add column consent_required boolean not null default false',
    'alter table sharing.grant add column consent_required boolean not null default false',
  ]),
};
