import { sqlMigration } from '../../../db/sql.ts';

export const openAccessMigrations = {
  '20261130_02_open_access': sqlMigration([
    'create schema if not exists open_access',
    // Developer accounts of the public: not staff, so they hold no role in any organisation (ADR 0007).
    `create table open_access.account (
      id uuid primary key,
      email text not null unique,
      display_name text not null,
      organisation text not null default '',
      password_hash text not null,
      status text not null default 'active' check (status in ('active', 'disabled')),
      failed_logins integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create table open_access.session (
      token_hash text primary key,
      account_id uuid not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`,
    'create index session_account_idx on open_access.session (account_id)',
    `create table open_access.api_key (
      id uuid primary key,
      account_id uuid not null,
      name text not null,
      prefix text not null,
      key_hash text not null unique,
      status text not null default 'active' check (status in ('active', 'revoked')),
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      last_used_at timestamptz
    )`,
    'create index api_key_account_idx on open_access.api_key (account_id, created_at)',
    // Daily counters per key and dataset ('' for calls about the catalogue as a whole).
    `create table open_access.key_usage (
      key_id uuid not null,
      day date not null,
      dataset text not null,
      calls bigint not null default 0,
      errors bigint not null default 0,
      primary key (key_id, day, dataset)
    )`,
    `create table open_access.application (
      id uuid primary key,
      account_id uuid not null,
      dataset_id uuid not null,
      dataset_code text not null,
      dataset_name text not null,
      owner_org_id uuid not null,
      applicant_name text not null,
      applicant_org text not null,
      applicant_email text not null,
      purpose text not null,
      fields jsonb not null,
      period_start date not null,
      period_end date not null,
      status text not null check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
      submitted_at timestamptz not null default now(),
      deadline date not null,
      decided_at timestamptz,
      decided_by uuid,
      decided_by_name text,
      approved_fields jsonb,
      approved_start date,
      approved_end date,
      decision_note text,
      check (period_end >= period_start),
      check (approved_end is null or approved_end >= approved_start)
    )`,
    'create index application_account_idx on open_access.application (account_id, submitted_at desc)',
    'create index application_owner_idx on open_access.application (owner_org_id, status, deadline)',
    `create index application_grant_idx on open_access.application (account_id, dataset_id)
      where status = 'approved'`,
  ]),
  // Accounts made before this stay unverified: nobody proved those addresses, so no backfill.
  '20261202_01_open_account_email_verification': sqlMigration([
    'alter table open_access.account add column email_verified_at timestamptz',
    `create table open_access.email_code (
      account_id uuid primary key,
      id uuid not null,
      code_hash text not null,
      attempts integer not null default 0,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`,
  ]),
};
