import { AppError } from '../../platform/errors.ts';
import {
  type ByteSource,
  formatFromFileName,
  ParseError,
  readTabular,
  type TabularFile,
} from '../ingest/index.ts';
import type { TableClassification } from './classify.types.ts';
import { tableAccumulator } from './classify-table.ts';

export type FileClassification = TableClassification & {
  /** Rows whose values were examined. */
  rowsExamined: number;
  /** Rows that could not be read as records of the header (ragged, formula errors) and were left out. */
  rowsSkipped: number;
};

const unreadable = (e: unknown): unknown =>
  e instanceof ParseError ? new AppError('file_unreadable', { reason_zh: e.zh, reason_en: e.en }) : e;

/**
 * Classifies a CSV, XLSX, JSON or NDJSON file as it streams: each row updates running statistics
 * and is dropped, so memory does not grow with the file. `sample` stops after that many rows
 * (the first ones: a file sorted by a column may not show all its kinds of values there).
 */
export async function classifyFile(
  source: ByteSource,
  fileName: string,
  opts: { sample?: number } = {},
): Promise<FileClassification> {
  const format = formatFromFileName(fileName);
  if (!format) throw new AppError('unsupported_file_format', { name: fileName });
  let file: TabularFile;
  try {
    file = await readTabular(source, format);
  } catch (e) {
    throw unreadable(e);
  }
  const acc = tableAccumulator(file.header);
  let skipped = 0;
  try {
    for await (const row of file.rows) {
      if (!row.ok) {
        skipped++;
        continue;
      }
      acc.add(row.values);
      if (opts.sample !== undefined && acc.rows >= opts.sample) break;
    }
  } catch (e) {
    throw unreadable(e);
  } finally {
    await file.close();
  }
  return { ...acc.result(), rowsExamined: acc.rows, rowsSkipped: skipped };
}

/** The public JSON contract of a file's classification: one object per column, in file order. */
export const columnsOf = (t: TableClassification) =>
  t.columns.map((c) => ({
    column: c.column,
    type: c.type,
    confidence: c.confidence,
    sensitivity: c.sensitivity,
    level: c.level,
  }));
