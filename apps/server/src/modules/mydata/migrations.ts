import { sqlMigration } from '../../db/sql.ts';

export const mydataMigrations = {
  '20261201_04_mydata': sqlMigration([
    'create schema if not exists mydata',
    // A one-time code sent to the phone on record; only hashes are kept.
    `create table mydata.challenge (
      id uuid primary key,
      subject_type text not null check (subject_type in ('person', 'enterprise')),
      subject_sealed text not null,
      code_hash text not null,
      attempts integer not null default 0,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`,
    `create table mydata.session (
      token_hash text primary key,
      subject_id uuid not null,
      subject_type text not null,
      subject_sealed text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`,
    // Consent records: per subject a hash chain (seq 1, 2, …), each hash signed by the platform.
    `create table mydata.consent (
      id uuid primary key,
      subject_hash text not null,
      seq integer not null,
      action text not null check (action in ('grant', 'withdraw')),
      scope text not null check (scope in ('form_prefill', 'third_party')),
      party_org_id uuid,
      party_name text,
      purpose text not null,
      withdraws uuid,
      created_at timestamptz not null,
      prev_hash text not null,
      hash text not null,
      signature text not null,
      unique (subject_hash, seq)
    )`,
    'create index consent_party_idx on mydata.consent (party_org_id, subject_hash)',
  ]),
};
