import { CreateDatasetBody, type Dataset } from '@shuzhi/contracts';
import type ExcelJS from 'exceljs';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn } from '../../platform/actor.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { neutralise } from '../ingest/index.ts';
import { assertMayEdit, assertStatus } from './catalog.policy.ts';
import * as repo from './catalog.repo.ts';
import type { CatalogService } from './catalog.service.ts';

const datasetColumns = [
  'code',
  'name',
  'nameEn',
  'description',
  'sourceSystem',
  'theme',
  'updateFrequency',
  'shareType',
  'openType',
  'level',
  'tags',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const;
const fieldColumns = [
  'datasetCode',
  'name',
  'title',
  'type',
  'unit',
  'sensitivity',
  'personalType',
  'key',
  'indexed',
  'element',
  'description',
] as const;
const yes = new Set(['是', 'true', '1', 'y', 'yes']);
// Loaded on first use: exceljs is large, and most processes never read or write a workbook.
const excel = async () => (await import('exceljs')).default;

/** The catalog as an XLSX workbook: a sheet of datasets and a sheet of their fields, as departments keep them. */
export async function toXlsx(datasets: Dataset[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ds = wb.addWorksheet('datasets');
  ds.addRow([...datasetColumns]);
  const fs = wb.addWorksheet('fields');
  fs.addRow([...fieldColumns]);
  for (const d of datasets) {
    ds.addRow(
      [
        d.code,
        d.name,
        d.nameEn ?? '',
        d.description,
        d.sourceSystem,
        d.theme,
        d.updateFrequency,
        d.shareType,
        d.openType,
        d.level,
        d.tags.join(','),
        d.contact.name,
        d.contact.phone,
        d.contact.email,
      ].map((v) => neutralise(v)),
    );
    for (const f of d.fields) {
      fs.addRow(
        [
          d.code,
          f.name,
          f.title,
          f.type,
          f.unit ?? '',
          f.sensitivity,
          f.personalType ?? '',
          f.key ? '是' : '否',
          f.indexed ? '是' : '否',
          f.element ?? '',
          f.description ?? '',
        ].map((v) => neutralise(v)),
      );
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  // Undo the export's protection against formula injection.
  return String(v).replace(/^'(?=[=+\-@\t\r])/, '');
};

/** Reads a workbook in the export's layout back into dataset bodies (not yet validated). */
export async function fromXlsx(file: Buffer): Promise<unknown[]> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('bad_request', { reason: `XLSX: ${(e as Error).message}` });
  }
  const rowsOf = (name: string) => {
    const sheet = wb.getWorksheet(name);
    if (!sheet) throw new AppError('bad_request', { reason: `XLSX: sheet "${name}" is missing` });
    const out: Record<string, string>[] = [];
    let header: string[] = [];
    sheet.eachRow((row, n) => {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (n === 1) header = cells.map((c) => c.trim());
      else if (cells.some((c) => c.trim() !== ''))
        out.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
    });
    return out;
  };
  const fields = rowsOf('fields');
  return rowsOf('datasets').map((d) => ({
    code: d.code,
    name: d.name,
    ...(d.nameEn ? { nameEn: d.nameEn } : {}),
    description: d.description ?? '',
    sourceSystem: d.sourceSystem ?? '',
    theme: d.theme,
    updateFrequency: d.updateFrequency,
    shareType: d.shareType,
    openType: d.openType,
    level: d.level,
    tags: (d.tags ?? '')
      .split(/[,，]/)
      .map((t) => t.trim())
      .filter(Boolean),
    contact: { name: d.contactName ?? '', phone: d.contactPhone ?? '', email: d.contactEmail ?? '' },
    fields: fields
      .filter((f) => f.datasetCode === d.code)
      .map((f) => ({
        name: f.name,
        title: f.title,
        type: f.type,
        ...(f.unit ? { unit: f.unit } : {}),
        sensitivity: f.sensitivity || 'none',
        // Workbooks exported before the column existed have none: their fields stay untyped.
        ...(f.personalType?.trim() ? { personalType: f.personalType.trim() } : {}),
        key: yes.has((f.key ?? '').trim().toLowerCase()),
        indexed: yes.has((f.indexed ?? '').trim().toLowerCase()),
        ...(f.element ? { element: f.element } : {}),
        ...(f.description ? { description: f.description } : {}),
      })),
  }));
}

/**
 * Imports catalog entries: all rows are validated first and any error rejects the whole file, so a
 * half-imported catalog never exists. New codes become drafts; known codes update their entry.
 */
export async function importCatalog(
  deps: { db: Db; catalog: CatalogService },
  actor: Actor,
  items: unknown[],
): Promise<{ created: number; updated: number }> {
  const a = requireSignedIn(actor);
  if (items.length > 5000) throw new AppError('bad_request', { reason: 'at most 5000 entries per import' });
  const errors: FieldError[] = [];
  const bodies = items.flatMap((item, i) => {
    const r = CreateDatasetBody.safeParse(item);
    if (r.success) return [r.data];
    for (const issue of r.error.issues)
      errors.push({ field: `rows.${i}.${issue.path.join('.')}`, message: issue.message });
    return [];
  });
  const dup = bodies.map((b) => b.code).filter((c, i, all) => all.indexOf(c) !== i);
  for (const c of new Set(dup)) errors.push({ field: 'rows', message: `duplicate code in file: ${c}` });
  if (errors.length > 0) throw new AppError('import_invalid', { count: errors.length }, errors.slice(0, 200));
  await deps.catalog.assertOwnersExist(bodies);
  return deps.db.transaction().execute(async (trx) => {
    const existing = new Map(
      (
        await repo.findDatasetsByCodes(
          trx,
          bodies.map((b) => b.code),
        )
      ).map((r) => [r.code, r]),
    );
    let created = 0;
    let updated = 0;
    for (const body of bodies) {
      const row = existing.get(body.code);
      if (!row) {
        await deps.catalog.create(a, body, trx);
        created++;
        continue;
      }
      assertMayEdit(a, row);
      assertStatus(row, 'draft', 'published');
      await deps.catalog.transition(a, row, deps.catalog.applyUpdate(row, body), 'import', null, trx);
      updated++;
    }
    return { created, updated };
  });
}
