import { sqlMigration } from '../../../db/sql.ts';

// Han characters as in JavaScript's \p{Script=Han}, for the address function below.
const HAN =
  '[\\u2e80-\\u2fd5\\u3005\\u3007\\u3021-\\u3029\\u3038-\\u303b\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\U00020000-\\U0003134f]';

/**
 * masking's addressPrefix (mask-address.ts) in SQL, so that "address to street" is evaluated where
 * the rows are: province, city, district, township and one road, each taken when it follows a
 * higher-ranked one, the shortest candidate first; anything finer is dropped. privacy.test.ts checks
 * that both give the same answers.
 */
const addressPrefix = `create function privacy.address_prefix(address text) returns text
language plpgsql immutable strict parallel safe as $fn$
declare
  s text := regexp_replace(address, '[\\s\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', '', 'g');
  pats text[] := array[
    '^${HAN}{2,7}?(?:省|自治区|特别行政区)',
    '^${HAN}{1,8}?(?:市|自治州|地区|盟)',
    '^${HAN}{1,8}?(?:区|县|旗|市)',
    '^${HAN}{1,8}?(?:街道|镇|乡|苏木)',
    '^${HAN}{1,10}?(?:大道|大街|路|街(?!道))'
  ];
  pos int := 1;
  rnk int := -1;
  best_rank int;
  best text;
  m text;
  rest text;
begin
  loop
    best := null;
    rest := substr(s, pos);
    for r in rnk + 1 .. 4 loop
      m := substring(rest from pats[r + 1]);
      if r = 0 and m is null then m := substring(rest from '^(?:北京市|上海市|天津市|重庆市)'); end if;
      if m is null or (r = 2 and m ~ '(?:小区|社区|园区|校区|景区|厂区|营区|院区)$') then continue; end if;
      if best is null or char_length(m) < char_length(best) then
        best := m;
        best_rank := r;
      end if;
    end loop;
    if best is null then return substr(s, 1, pos - 1); end if;
    pos := pos + char_length(best);
    rnk := best_rank;
  end loop;
end
$fn$`;

export const privacyMigrations = {
  '20261130_04_privacy_init': sqlMigration([
    'create schema if not exists privacy',
    addressPrefix,
    // The quasi-identifiers a data officer marked on a dataset.
    `create table privacy.kanon_config (
      dataset_id uuid primary key,
      dataset_code text not null,
      org_id uuid not null,
      quasi_identifiers text[] not null,
      updated_by uuid not null,
      updated_by_name text not null,
      updated_at timestamptz not null default now()
    )`,
    // One k-anonymity check: counts only (never a class's values), and the data it was computed on.
    `create table privacy.kanon_check (
      id uuid primary key,
      dataset_id uuid not null,
      dataset_code text not null,
      org_id uuid not null,
      quasi_identifiers text[] not null,
      k integer not null check (k >= 2),
      status text not null check (status in ('running', 'done', 'failed')),
      job_id uuid,
      rows bigint,
      classes bigint,
      smallest_class bigint,
      classes_below_k bigint,
      rows_below_k bigint,
      passed boolean,
      size_histogram jsonb,
      suggestions jsonb,
      data_rows bigint,
      data_max_seq bigint,
      error text,
      created_by uuid not null,
      created_by_name text not null,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )`,
    'create index kanon_check_dataset_idx on privacy.kanon_check (dataset_id, created_at desc)',
    // Privacy budgets in millionths of ε, so that accounting is exact integer arithmetic.
    `create table privacy.dp_budget (
      dataset_id uuid primary key,
      dataset_code text not null,
      org_id uuid not null,
      total_micro bigint not null check (total_micro > 0),
      spent_micro bigint not null default 0 check (spent_micro >= 0 and spent_micro <= total_micro),
      updated_by_name text not null,
      updated_at timestamptz not null default now()
    )`,
    `create table privacy.dp_release (
      id uuid primary key,
      dataset_id uuid not null,
      dataset_code text not null,
      org_id uuid not null,
      kind text not null check (kind in ('count', 'sum', 'mean', 'histogram')),
      epsilon_micro bigint not null check (epsilon_micro > 0),
      query jsonb not null,
      result jsonb not null,
      purpose text not null,
      created_by uuid not null,
      created_by_name text not null,
      created_at timestamptz not null default now()
    )`,
    'create index dp_release_dataset_idx on privacy.dp_release (dataset_id, created_at desc)',
    `create table privacy.psi_session (
      id uuid primary key,
      initiator_org_id uuid not null,
      partner_org_id uuid not null,
      purpose text not null,
      status text not null check (status in ('open', 'finished')),
      intersection_size integer,
      created_by uuid not null,
      created_by_name text not null,
      created_at timestamptz not null default now(),
      finished_at timestamptz,
      check (initiator_org_id <> partner_org_id)
    )`,
    'create index psi_session_orgs_idx on privacy.psi_session (initiator_org_id, partner_org_id)',
    // Blinded points only (n × 32 bytes); deleted when the session finishes.
    `create table privacy.psi_set (
      session_id uuid not null,
      side text not null check (side in ('initiator', 'partner')),
      stage text not null check (stage in ('blinded', 'reblinded')),
      points bytea not null,
      count integer not null,
      uploaded_by_name text not null,
      uploaded_at timestamptz not null default now(),
      primary key (session_id, side, stage)
    )`,
  ]),
  // Open read paths ask whether a passing check still describes the data (kanon.gate releaseGate),
  // by a version that also moves on deletions. Earlier checks get it when no deletion followed them;
  // otherwise they stay without one, and the dataset's records wait for a new check.
  '20261202_02_privacy_check_data_version': sqlMigration([
    'alter table privacy.kanon_check add column data_version bigint',
    `update privacy.kanon_check c set data_version = c.data_max_seq
      where c.status = 'done' and c.data_max_seq is not null
        and not exists (select 1 from datastore.tombstone t
                         where t.dataset_code = c.dataset_code and t.seq > c.data_max_seq)`,
  ]),
};
