import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { DatasetField } from '@shuzhi/contracts';
import type ExcelJS from 'exceljs';
import { neutralise } from '../ingest/index.ts';
import type { ExportShape } from './open.download.ts';

/** A sheet holds 1,048,576 rows; larger tables continue on further sheets, each with the header. */
export const SHEET_ROWS = 1_000_000;

const cell = (f: DatasetField, v: unknown): ExcelJS.CellValue => {
  if (v === null || v === undefined) return null;
  const numeric = f.type === 'integer' || f.type === 'decimal';
  if (numeric) {
    // bigint arrives as text; a number beyond double precision stays text rather than change.
    const n = Number(v);
    if (Number.isSafeInteger(n) || (f.type === 'decimal' && Number.isFinite(n))) return n;
  } else if (f.type === 'boolean' && typeof v === 'boolean') return v;
  // A string cell is never a formula in the file, but becomes one when a reader edits it or saves the
  // sheet as CSV: neutralised as in the CSV download and the catalog's XLSX export.
  return neutralise(String(v), { numeric });
};

/**
 * Rows as an XLSX workbook, streamed: the workbook writer zips rows as they come, batch by batch, so
 * a large table never sits in memory. The header is the field names, as in the CSV download.
 */
export function xlsxStream(
  batches: AsyncIterable<Record<string, unknown>[]>,
  code: string,
  shape: ExportShape,
): Readable {
  const { fields, transform = (r) => r } = shape;
  const out = new PassThrough();
  const header = fields.map((f) => f.name);
  let wb: ExcelJS.stream.xlsx.WorkbookWriter;
  let sheet: ExcelJS.Worksheet | undefined;
  let inSheet = 0;
  let sheets = 0;
  const nextSheet = () => {
    sheet?.commit();
    sheets++;
    // Sheet names are at most 31 characters.
    sheet = wb.addWorksheet(sheets === 1 ? code.slice(0, 31) : `${code.slice(0, 26)} (${sheets})`);
    sheet.addRow(header).commit();
    inSheet = 0;
  };
  (async () => {
    // Loaded on first use: processes that never write a workbook do not carry it.
    const { default: Excel } = await import('exceljs');
    wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    nextSheet();
    for await (const rows of batches) {
      for (const row of rows) {
        if (inSheet === SHEET_ROWS) nextSheet();
        const r = transform(row);
        sheet?.addRow(fields.map((f) => cell(f, r[f.name]))).commit();
        inSheet++;
      }
      // A reader that went away closes the stream: stop reading the table then.
      if (out.writableNeedDrain) {
        const ac = new AbortController();
        const { signal } = ac;
        await Promise.race([once(out, 'drain', { signal }), once(out, 'close', { signal })]).finally(() =>
          ac.abort(),
        );
      }
      if (out.destroyed) return;
    }
    sheet?.commit();
    await wb.commit();
  })().catch((e: Error) => out.destroy(e));
  return out;
}
