import { sqlMigration } from '../../../db/sql.ts';

const open = "'submitted', 'assigned'";

export const openCommunityMigrations = {
  '20261130_03_open_community': sqlMigration([
    'create schema if not exists open_community',
    // 点单式开放: requests from the public for data not yet open, and the owner's public answer.
    `create table open_community.data_request (
      id uuid primary key,
      title text not null,
      description text not null,
      fields text not null,
      formats jsonb not null default '[]',
      purpose text not null,
      requester_id uuid,
      requester_name text,
      contact_email text,
      suggested_org_id uuid,
      assigned_org_id uuid,
      assigned_by uuid,
      assigned_by_name text,
      assigned_at timestamptz,
      status text not null check (status in (${open}, 'answered', 'rejected')),
      deadline date not null,
      outcome text check (outcome in ('will_open', 'already_open', 'cannot_open')),
      reason text check (reason in ('sensitive', 'legal', 'personal_data', 'not_held', 'other')),
      answer text,
      dataset_id uuid,
      dataset_code text,
      planned_date date,
      answered_by uuid,
      answered_by_name text,
      answered_at timestamptz,
      reject_reason text,
      rejected_by uuid,
      rejected_at timestamptz,
      search_text text not null,
      created_at timestamptz not null default now(),
      check ((status = 'answered') = (outcome is not null))
    )`,
    'create index data_request_status_idx on open_community.data_request (status, id desc)',
    'create index data_request_assigned_idx on open_community.data_request (assigned_org_id, id desc)',
    `create index data_request_suggested_idx on open_community.data_request (suggested_org_id, id desc)
      where status = 'submitted'`,
    'create index data_request_requester_idx on open_community.data_request (requester_id, id desc)',
    `create index data_request_pending_idx on open_community.data_request (deadline)
      where status in (${open})`,
    // One rating per user and dataset; changing it overwrites it.
    `create table open_community.rating (
      dataset_id uuid not null,
      user_id uuid not null,
      stars smallint not null check (stars between 1 and 5),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (dataset_id, user_id)
    )`,
    `create table open_community.comment (
      id uuid primary key,
      dataset_id uuid not null,
      dataset_code text not null,
      owner_org_id uuid not null,
      author_id uuid not null,
      author_name text not null,
      text text not null,
      created_at timestamptz not null default now(),
      reply text,
      reply_org_id uuid,
      reply_org_name text,
      replied_by uuid,
      replied_by_name text,
      replied_at timestamptz,
      hidden_at timestamptz,
      hidden_by uuid,
      hidden_by_name text,
      hidden_reason text
    )`,
    'create index comment_dataset_idx on open_community.comment (dataset_id, id desc)',
    // Counters the open routes increment, one row per dataset and day (Asia/Shanghai): usage
    // statistics read these instead of scanning the ledger.
    `create table open_community.usage_day (
      dataset_id uuid not null,
      day date not null,
      org_id uuid not null,
      views integer not null default 0,
      downloads integer not null default 0,
      api_calls integer not null default 0,
      primary key (dataset_id, day)
    )`,
    'create index usage_day_org_idx on open_community.usage_day (org_id, day)',
    'create index usage_day_day_idx on open_community.usage_day (day)',
  ]),
};
