import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { ParseError, type Reason, type RowErrorCode, rowReason } from './errors.ts';
import { plainNumber } from './number-text.ts';
import {
  type ByteSource,
  DEFAULT_MAX_FIELD_CHARS,
  isBlank,
  normaliseHeader,
  peekBytes,
  type RowResult,
  shapeRow,
  type TabularFile,
  toByteChunks,
} from './tabular.ts';

export type XlsxOptions = {
  /** The sheet to read; the first sheet of the workbook when omitted. */
  sheet?: string;
  maxFieldChars?: number;
};
export type XlsxFile = TabularFile & { sheet: string };

type CellText = { text: string } | { error: Reason<RowErrorCode> };
type SheetRow = { rowNumber: number; cells: CellText[] };
// The streaming reader's sheets carry these, though exceljs's typings omit them.
type SheetReader = AsyncIterable<ExcelJS.Row> & { id: number | string; name?: string };
type BookModel = { model?: { sheets?: { name: string }[] }; properties?: { model?: { date1904?: boolean } } };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Excel stores wall-clock times without a zone and exceljs hands them over as UTC dates, so the
 * UTC fields are the wall clock. Whole days print as dates; serials below 1 are times of day.
 */
export function excelDateText(date: Date): string {
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (day === '1899-12-30') return time;
  return time === '00:00:00' ? day : `${day}T${time}`;
}

// Same rule exceljs applies to plain number cells, needed again for formula results it leaves raw.
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

function cellText(value: unknown, numFmt: string | undefined, date1904: boolean, column: string): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (value instanceof Date) return { text: excelDateText(value) };
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { error: rowReason('cell_error', { column, value: '#VALUE!' }) };
    if (isDateFormat(numFmt)) {
      const ms = Math.round((value - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
      return { text: excelDateText(new Date(ms)) };
    }
    return { text: plainNumber(value, 15) };
  }
  const v = value as Record<string, unknown>;
  if ('error' in v) return { error: rowReason('cell_error', { column, value: String(v.error) }) };
  if (Array.isArray(v.richText)) {
    return { text: (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('') };
  }
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result === undefined) return { error: rowReason('formula_without_result', { column }) };
    return cellText(v.result, numFmt, date1904, column);
  }
  if ('text' in v) return cellText(v.text, numFmt, date1904, column);
  return { text: String(value) };
}

async function assertZip(chunks: AsyncIterable<Uint8Array>): Promise<AsyncGenerator<Uint8Array>> {
  const { head, rest } = await peekBytes(chunks, 4);
  if (head.length === 0) throw new ParseError('empty_file');
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    await rest.return(undefined);
    throw new ParseError('not_xlsx', { hint: 'XLS (Excel 97-2003) or password-protected; save it as .xlsx' });
  }
  if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) {
    await rest.return(undefined);
    throw new ParseError('not_xlsx', { hint: 'not a ZIP archive' });
  }
  return rest;
}

/**
 * Streams one sheet of an XLSX workbook: resolves once the header (first non-empty row) is read.
 * `rowNumber` is the sheet's own row number. Only the shared-string table is held in memory,
 * which XLSX requires: its size grows with the distinct texts, not with the rows.
 */
export async function readXlsx(source: ByteSource, opts: XlsxOptions = {}): Promise<XlsxFile> {
  const maxFieldChars = opts.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  const input = Readable.from(await assertZip(toByteChunks(source)));
  // Loaded on first use: exceljs is large, and most processes never read a workbook.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const book = reader as unknown as BookModel;
  let sheetName = opts.sheet ?? '';

  async function* sheetRows(): AsyncGenerator<SheetRow> {
    let found = false;
    try {
      for await (const sheet of reader as AsyncIterable<unknown> as AsyncIterable<SheetReader>) {
        const first = book.model?.sheets?.[0]?.name;
        // Without workbook.xml read yet, the file sheet1.xml is the first sheet by convention.
        const wanted = opts.sheet ?? first;
        if (found || (wanted !== undefined ? sheet.name !== wanted : String(sheet.id) !== '1')) continue;
        found = true;
        sheetName = sheet.name ?? sheetName;
        const date1904 = book.properties?.model?.date1904 === true;
        for await (const row of sheet) {
          const cells: CellText[] = [];
          row.eachCell({ includeEmpty: false }, (cell, col) => {
            while (cells.length < col - 1) cells.push({ text: '' });
            cells.push(cellText(cell.value, cell.numFmt, date1904, columnLetter(col)));
          });
          yield { rowNumber: row.number, cells };
        }
        // No early return: exceljs reads sheets stored before the shared strings back from temporary
        // files, and abandoning its iterator mid-way can leave one of those reads failing unobserved.
      }
    } catch (err) {
      if (err instanceof ParseError) throw err;
      throw new ParseError(
        'not_xlsx',
        { hint: err instanceof Error ? err.message : String(err) },
        { cause: err },
      );
    } finally {
      input.destroy();
    }
    if (!found) {
      if (opts.sheet !== undefined) throw new ParseError('sheet_not_found', { sheet: opts.sheet });
      throw new ParseError('not_xlsx', { hint: 'no worksheet' });
    }
  }

  const rowsIt = sheetRows();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    // Drain rather than abort, for the same reason as above; the rows are read and dropped.
    try {
      for (let next = await rowsIt.next(); !next.done; next = await rowsIt.next()) {
        // dropped
      }
    } catch {
      // The caller is done with this file; a late parse error changes nothing for them.
    }
    input.destroy();
  };
  const texts = (cells: CellText[]) => cells.map((c) => ('text' in c ? c.text : ''));
  let header: string[] | undefined;
  try {
    for (let next = await rowsIt.next(); !next.done; next = await rowsIt.next()) {
      if (!isBlank(texts(next.value.cells))) {
        header = normaliseHeader(texts(next.value.cells));
        break;
      }
    }
    if (!header) throw new ParseError('empty_file');
  } catch (err) {
    await close();
    throw err;
  }
  const columns = header;

  async function* rows(): AsyncGenerator<RowResult, void, undefined> {
    try {
      for await (const { rowNumber, cells } of rowsIt) {
        const failed = cells.find((c) => 'error' in c);
        if (failed && 'error' in failed) {
          yield { ok: false, rowNumber, error: failed.error, values: texts(cells) };
          continue;
        }
        const values = texts(cells);
        if (isBlank(values)) continue;
        while (values.length < columns.length) values.push('');
        yield shapeRow(rowNumber, values, columns, maxFieldChars);
      }
    } finally {
      await close();
    }
  }
  return { header: columns, rows: rows(), close, sheet: sheetName };
}
