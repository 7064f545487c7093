import { createReadStream } from 'node:fs';
import type { DatasetField, PreviewRow } from '@shuzhi/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/locale.ts';
import { coerce, type FileFormat, readTabular } from './parse/index.ts';

export type SavedMapping = Record<string, string | null>;

const normal = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_\-（）()]/g, '');

/** Maps file columns to fields by name or Chinese title; unknown columns are left out. */
export function autoMapping(header: string[], fields: DatasetField[]): Record<string, string> {
  return proposeMapping(header, fields, null);
}

/**
 * The mapping an upload starts with: the dataset's saved mapping for the columns it names (a saved
 * `null` keeps that column out), then name or title matching for the rest. A field is taken once;
 * saved entries for fields the dataset no longer has are ignored.
 */
export function proposeMapping(
  header: string[],
  fields: DatasetField[],
  saved: SavedMapping | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<string>();
  const decided = new Set<string>();
  const names = new Set(fields.map((f) => f.name));
  if (saved) {
    for (const h of header) {
      if (!Object.hasOwn(saved, h)) continue;
      const target = saved[h];
      if (target === null) decided.add(h);
      else if (target !== undefined && names.has(target) && !used.has(target)) {
        out[h] = target;
        used.add(target);
        decided.add(h);
      }
    }
  }
  for (const h of header) {
    if (decided.has(h) || h === '') continue;
    const f = fields.find((x) => normal(x.name) === normal(h) || normal(x.title) === normal(h));
    if (f && !used.has(f.name)) {
      out[h] = f.name;
      used.add(f.name);
    }
  }
  return out;
}

/** Titles of the key fields no column maps to. */
export const missingKeys = (mapping: Record<string, string | null>, fields: DatasetField[]) => {
  const mapped = new Set(Object.values(mapping));
  return fields.filter((f) => f.key && !mapped.has(f.name)).map((f) => f.title);
};

/**
 * Checks a mapping (column → field or null) against the dataset's fields and, when known, the
 * file's columns: every target exists, no field twice, and (for an import) every key field mapped.
 * Answers the mapping without its `null` entries.
 */
export function checkMapping(
  mapping: SavedMapping,
  fields: DatasetField[],
  opts: { header?: string[]; requireKeys: boolean },
): Record<string, string> {
  const names = new Set(fields.map((f) => f.name));
  const unknown = [
    ...new Set(Object.values(mapping).filter((f): f is string => f !== null && !names.has(f))),
  ];
  if (unknown.length > 0) throw new AppError('mapping_unknown_field', { fields: unknown.join('、') });
  const columnsOf = new Map<string, string[]>();
  for (const [column, field] of Object.entries(mapping)) {
    if (field !== null) columnsOf.set(field, [...(columnsOf.get(field) ?? []), column]);
  }
  for (const [field, columns] of columnsOf) {
    if (columns.length > 1) {
      throw new AppError('mapping_duplicate_field', { field, columns: columns.join('、') });
    }
  }
  if (opts.header) {
    const present = new Set(opts.header);
    const absent = Object.keys(mapping).filter((c) => !present.has(c));
    if (absent.length > 0) throw new AppError('mapping_unknown_column', { columns: absent.join('、') });
  }
  const out = Object.fromEntries(Object.entries(mapping).filter((e): e is [string, string] => e[1] !== null));
  if (opts.requireKeys) {
    const missing = missingKeys(out, fields);
    if (missing.length > 0) throw new AppError('key_columns_missing', { fields: missing.join('、') });
  }
  return out;
}

export const PREVIEW_ROWS = 20;

/**
 * The first rows of a stored file as the import would load them: each cell's text and, for a
 * mapped column, the value its field gets or why it cannot take it. Read and converted exactly as
 * the import job does (`readTabular`, then `coerce` per field, empty keys refused).
 */
export async function previewRows(
  file: { path: string; format: FileFormat },
  /** The mapping, or how to make it from the header once read. */
  mappingFor: Record<string, string> | ((header: string[]) => Record<string, string>),
  fields: DatasetField[],
  locale: Locale,
): Promise<{ header: string[]; mapping: Record<string, string>; rows: PreviewRow[] }> {
  const say = (r: { zh: string; en: string }) => (locale === 'en' ? r.en : r.zh);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const tabular = await readTabular(createReadStream(file.path), file.format);
  const header = tabular.header;
  const mapping = typeof mappingFor === 'function' ? mappingFor(header) : mappingFor;
  const targets = header.map((h) => {
    const name = mapping[h];
    return name === undefined ? undefined : byName.get(name);
  });
  const rows: PreviewRow[] = [];
  try {
    for await (const row of tabular.rows) {
      if (!row.ok) {
        const cells = header.map((_, i) => ({ raw: row.values?.[i] ?? '' }));
        rows.push({
          rowNumber: row.rowNumber,
          cells,
          error: { code: row.error.code, message: say(row.error) },
        });
      } else {
        const cells = header.map((_, i) => {
          const raw = row.values[i] ?? '';
          const f = targets[i];
          if (!f) return { raw };
          const c = coerce(raw, f.type, { excelSerial: file.format === 'xlsx' });
          if (!c.ok) return { raw, error: { code: c.reason.code, message: say(c.reason) } };
          if (f.key && c.value === null) {
            const message = say({ zh: `主键字段「${f.title}」为空`, en: `Key field "${f.title}" is empty` });
            return { raw, error: { code: 'missing_key', message } };
          }
          return { raw, value: c.value };
        });
        rows.push({ rowNumber: row.rowNumber, cells, error: null });
      }
      if (rows.length >= PREVIEW_ROWS) break;
    }
  } finally {
    await tabular.close();
  }
  return { header, mapping, rows };
}
