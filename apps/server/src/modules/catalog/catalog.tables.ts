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
  created_at: Generated<Date>;
}

export interface CatalogTables {
  'catalog.dataset': DatasetTable;
  'catalog.dataset_version': DatasetVersionTable;
  'catalog.data_element': DataElementTable;
}
