import type { ShareRequestStatus } from '@shuzhi/contracts';
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
/** A `date` column: always selected as `::text` (YYYY-MM-DD). */
type Day = ColumnType<string, string, string>;
type Count = ColumnType<number, number | undefined, number>;
export type FieldRef = { name: string; title: string };
export type Message = { at: string; byName: string; kind: 'ask' | 'answer'; text: string };

export interface RequestTable {
  id: string;
  dataset_id: string;
  dataset_code: string;
  dataset_name: string;
  share_type: 'unconditional' | 'conditional';
  owner_org_id: string;
  consumer_org_id: string;
  client_id: string;
  fields: Json<FieldRef[]>;
  purpose: string;
  legal_basis: string;
  consent_required: Generated<boolean>;
  period_start: Day;
  period_end: Day;
  daily_quota: number;
  area_field: string | null;
  area_code: string | null;
  status: Generated<ShareRequestStatus>;
  submitted_by: string;
  submitted_by_name: string;
  submitted_at: Generated<Date>;
  deadline: Day;
  messages: ColumnType<Message[], string | undefined, string>;
  decided_at: Date | null;
  decided_by_name: string | null;
  decision_note: string | null;
  grant_id: string | null;
}

export interface GrantTable {
  id: string;
  request_id: string;
  dataset_id: string;
  dataset_code: string;
  dataset_name: string;
  owner_org_id: string;
  consumer_org_id: string;
  client_id: string;
  fields: string[];
  purpose: string;
  consent_required: Generated<boolean>;
  period_start: Day;
  period_end: Day;
  daily_quota: number;
  area_field: string | null;
  area_code: string | null;
  status: Generated<'active' | 'revoked'>;
  created_at: Generated<Date>;
  revoked_at: Date | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
}

export interface UsageTable {
  day: Day;
  client_id: string;
  dataset_code: string;
  grant_id: string;
  owner_org_id: string;
  consumer_org_id: string;
  calls: Count;
  records: Count;
  denied: Count;
}

export interface SharingTables {
  'sharing.request': RequestTable;
  'sharing.grant': GrantTable;
  'sharing.usage': UsageTable;
}
