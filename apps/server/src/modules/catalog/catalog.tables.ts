import type { DatasetField } from '@shuzhi/contracts';
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface DatasetTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  description: string;
  owner_org_id: string;
  source_system: string;
  theme: string;
  update_frequency: string;
  share_type: string;
  open_type: string;
  level: string;
  tags: Json<string[]>;
  contact: Json<{ name: string; phone: string; email: string }>;
  fields: Json<DatasetField[]>;
  status: 'draft' | 'submitted' | 'published' | 'retired';
  version: number;
  review_comment: string | null;
  /** Lower-cased names, description, field titles and tags: what text search matches. */
  search_text: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: Date | null;
}

export interface DatasetVersionTable {
  dataset_id: string;
  version: number;
  action: 'create' | 'update' | 'submit' | 'approve' | 'reject' | 'retire' | 'import';
  changed_by: string;
  changed_by_name: string;
  changed_at: Generated<Date>;
  changes: Json<Record<string, { from: unknown; to: unknown }>>;
  comment: string | null;
}

export interface DataElementTable {
  code: string;
  name: string;
  description: string;
  authoritative_dataset_id: string;
  field_name: string;
  /** The authoritative dataset's field identifying the subject; null until declared. */
  key_field: string | null;
  key_type: Generated<'resident_id' | 'credit_code' | 'other'>;
  created_at: Generated<Date>;
}

/** The stats of a binding's last check, as ElementCheckStats without checkedAt. */
export type BindingStats = {
  compared: number;
  agree: number;
  conflicts: number;
  missingInAuthoritative: number;
  missingInOther: number;
  resolved: number;
};

export interface ElementBindingTable {
  id: string;
  element_code: string;
  dataset_id: string;
  value_field: string;
  key_field: string;
  value_map: Json<Record<string, string>>;
  created_by: string;
  created_by_name: string;
  created_at: Generated<Date>;
  last_checked_at: Date | null;
  last_stats: Json<BindingStats> | null;
  last_error: string | null;
}

export interface ElementConflictTable {
  id: string;
  element_code: string;
  authoritative_dataset_id: string;
  dataset_id: string;
  subject_key: string;
  authoritative_value: string;
  other_value: string;
  status: 'open' | 'resolved';
  resolution: 'auto' | 'manual' | null;
  note: string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolved_at: Date | null;
  first_seen_at: Date;
  last_seen_at: Date;
  check_id: string;
}

export interface CatalogTables {
  'catalog.dataset': DatasetTable;
  'catalog.dataset_version': DatasetVersionTable;
  'catalog.data_element': DataElementTable;
  'catalog.element_binding': ElementBindingTable;
  'catalog.element_conflict': ElementConflictTable;
}
