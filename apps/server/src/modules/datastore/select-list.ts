import type { DatasetField } from '@shuzhi/contracts';
import { sql } from 'kysely';

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The select expression of a field as the data APIs (open data, sharing) serialise it: numbers as JSON numbers, dates as
 * `YYYY-MM-DD`, timestamps in UTC as `YYYY-MM-DDTHH:MM:SS` (CKAN's form). Done in SQL so that no
 * driver turns a date into a local-time Date on the way.
 */
export function columnExpr(f: Pick<DatasetField, 'name' | 'type'>): string {
  const c = ident(f.name);
  switch (f.type) {
    case 'decimal':
      return `${c}::float8 as ${c}`;
    case 'date':
      return `${c}::text as ${c}`;
    case 'datetime':
      return `to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as ${c}`;
    default:
      return c;
  }
}

export const selectList = (fields: Pick<DatasetField, 'name' | 'type'>[]) =>
  sql.raw(fields.map(columnExpr).join(', '));
