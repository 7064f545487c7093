import type { Generated } from 'kysely';

export interface AreaTable {
  code: string;
  name: string;
  level: 'city' | 'district' | 'street' | 'community' | 'grid';
  parent_code: string | null;
  /** Codes from the city down to this area joined by '.', for subtree checks by prefix. */
  path: string;
  source: 'reference' | 'user';
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface AreasTables {
  'areas.area': AreaTable;
}
