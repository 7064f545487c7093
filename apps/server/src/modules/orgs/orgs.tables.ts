import type { Generated } from 'kysely';

export interface OrgTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  type: 'platform' | 'department' | 'government' | 'street_office';
  parent_id: string | null;
  area_code: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrgsTables {
  'orgs.org': OrgTable;
}
