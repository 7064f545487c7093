import type { ApplicationStatus } from '@shuzhi/contracts';
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
/** A `date` column: always selected as `::text` (YYYY-MM-DD), never as a JavaScript Date in local time. */
type Day = ColumnType<string, string, string>;
type NullableDay = ColumnType<string | null, string | null, string | null>;
export type FieldRef = { name: string; title: string };
type Count = ColumnType<number, number | undefined, number>;

export interface AccountTable {
  id: string;
  email: string;
  display_name: string;
  organisation: string;
  password_hash: string;
  status: Generated<'active' | 'disabled'>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  /** When the owner proved the e-mail is theirs; null until then (and for accounts older than the check). */
  email_verified_at: Date | null;
}

/** The one pending e-mail code of an account: a new code replaces the old one. */
export interface EmailCodeTable {
  account_id: string;
  /** Salts the hash, so that equal codes of two sends or accounts hash differently. */
  id: string;
  /** SHA-256 of `id:code`: the code itself is only ever in the e-mail. */
  code_hash: string;
  attempts: Generated<number>;
  created_at: Generated<Date>;
  expires_at: Date;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token. */
  token_hash: string;
  account_id: string;
  created_at: Generated<Date>;
  expires_at: Date;
}

export interface ApiKeyTable {
  id: string;
  account_id: string;
  name: string;
  prefix: string;
  /** SHA-256 of the key: the key itself is shown once and never stored. */
  key_hash: string;
  status: Generated<'active' | 'revoked'>;
  created_at: Generated<Date>;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface KeyUsageTable {
  key_id: string;
  day: Day;
  dataset: string;
  calls: Count;
  errors: Count;
}

export interface ApplicationTable {
  id: string;
  account_id: string;
  dataset_id: string;
  dataset_code: string;
  dataset_name: string;
  owner_org_id: string;
  applicant_name: string;
  applicant_org: string;
  applicant_email: string;
  purpose: string;
  /** Field names with the titles they had when asked for. */
  fields: Json<FieldRef[]>;
  period_start: Day;
  period_end: Day;
  status: ApplicationStatus;
  submitted_at: Generated<Date>;
  deadline: Day;
  decided_at: Date | null;
  decided_by: string | null;
  decided_by_name: string | null;
  approved_fields: ColumnType<FieldRef[] | null, string | null, string | null>;
  approved_start: NullableDay;
  approved_end: NullableDay;
  decision_note: string | null;
}

export interface OpenAccessTables {
  'open_access.account': AccountTable;
  'open_access.session': SessionTable;
  'open_access.email_code': EmailCodeTable;
  'open_access.api_key': ApiKeyTable;
  'open_access.key_usage': KeyUsageTable;
  'open_access.application': ApplicationTable;
}
