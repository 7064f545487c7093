import { sqlMigration } from '../../../db/sql.ts';

const roles = `'platform_admin', 'data_officer', 'approver', 'clerk', 'handler', 'commander', 'auditor', 'viewer'`;

export const authMigrations = {
  '20261128_03_auth_init': sqlMigration([
    'create schema if not exists auth',
    `create table auth.users (
      id uuid primary key,
      username text not null unique,
      display_name text not null,
      password_hash text not null,
      status text not null default 'active' check (status in ('active', 'disabled')),
      failed_logins int not null default 0,
      locked_until timestamptz,
      must_change_password boolean not null default false,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create table auth.grants (
      user_id uuid not null,
      org_id uuid not null,
      role text not null check (role in (${roles})),
      area_code text,
      created_at timestamptz not null default now(),
      primary key (user_id, org_id, role)
    )`,
    'create index grant_org_idx on auth.grants (org_id)',
    `create table auth.sessions (
      token_hash text primary key,
      user_id uuid not null,
      org_id uuid not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    )`,
    'create index session_user_idx on auth.sessions (user_id)',
    `create table auth.clients (
      id uuid primary key,
      client_id text not null unique,
      name text not null,
      org_id uuid not null,
      roles text[] not null,
      secret_hash text not null,
      status text not null default 'active' check (status in ('active', 'revoked')),
      created_by uuid,
      created_at timestamptz not null default now(),
      last_used_at timestamptz
    )`,
  ]),
};
