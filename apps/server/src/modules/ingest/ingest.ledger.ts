import type { Dataset } from '@shuzhi/contracts';
import { personalFields } from '../masking/index.ts';

/**
 * What a read of raw file rows (a preview, rejected rows) shows, for its ledger entry: the personal
 * fields the file's columns are mapped to, and whom the rows name — each row's key values in the
 * dataset's key order, as the change feed and the quality samples record them. A row without every
 * key value names no one the ledger can tell.
 */
export function rawRowsRead(
  ds: Pick<Dataset, 'fields'>,
  mapping: Record<string, string | null>,
  rows: (Record<string, string> | null)[],
): { fields: string[]; subjects: string[] } {
  const columnOf = new Map<string, string>();
  for (const [column, field] of Object.entries(mapping)) if (field) columnOf.set(field, column);
  const personal = personalFields(ds).filter((f) => columnOf.has(f));
  const keyColumns = ds.fields.filter((f) => f.key).map((f) => columnOf.get(f.name));
  const subjects: string[] = [];
  if (personal.length > 0 && keyColumns.every((c) => c !== undefined)) {
    for (const raw of rows) {
      const values = keyColumns.map((c) => (raw?.[c as string] ?? '').trim());
      if (values.every((v) => v !== '')) subjects.push(values.join('|'));
    }
  }
  return { fields: personal, subjects };
}
