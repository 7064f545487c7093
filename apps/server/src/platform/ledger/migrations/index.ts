import { sqlMigration } from '../../../db/sql.ts';

export const ledgerMigrations = {
  '20261128_05_ledger_init': sqlMigration([
    'create schema if not exists ledger',
    // Writers only insert here (no shared row), so appends never queue behind each other.
    `create table ledger.queue (
      id bigserial primary key,
      body bytea not null,
      queued_at timestamptz not null default now()
    )`,
    // The log itself: leaf hash, the full subtrees this leaf completed (32 bytes each, level 1 up)
    // and a hash chain over the leaves, so a verifier can name the first altered index.
    `create table ledger.entry (
      idx bigint primary key,
      body bytea not null,
      leaf_hash bytea not null,
      completed bytea not null,
      chain bytea not null,
      sequenced_at timestamptz not null default now()
    )`,
    `create table ledger.head (
      id int primary key check (id = 1),
      size bigint not null,
      frontier bytea not null,
      chain bytea not null,
      updated_at timestamptz not null default now()
    )`,
    `insert into ledger.head (id, size, frontier, chain) values (1, 0, '\\x', '\\x')`,
    `create table ledger.checkpoint (
      size bigint primary key,
      root bytea not null,
      note text not null,
      created_at timestamptz not null default now()
    )`,
  ]),
  // Which entries concern whom: the salted subject hashes each entry names, kept beside its bytes
  // with an inverted index, so a citizen's accesses are found without reading the log. Writers pass
  // them along in the queue, so sequencing never parses an entry; older entries are filled here.
  '20261201_03_ledger_subjects': sqlMigration([
    'alter table ledger.queue add column subjects text[]',
    'alter table ledger.entry add column subjects text[]',
    `update ledger.entry e set subjects = s.list from (
        select idx, array_agg(distinct v) as list from ledger.entry,
          jsonb_array_elements_text(convert_from(body, 'UTF8')::jsonb -> 'subjects') v group by idx
      ) s where s.idx = e.idx`,
    'create index entry_subjects_idx on ledger.entry using gin (subjects)',
  ]),
};
