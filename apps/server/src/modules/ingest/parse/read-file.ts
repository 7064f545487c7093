import { type CsvOptions, readCsv } from './csv.ts';
import { type JsonOptions, readJson } from './json.ts';
import type { ByteSource, TabularFile } from './tabular.ts';
import { readXlsx, type XlsxOptions } from './xlsx.ts';

export type FileFormat = 'csv' | 'xlsx' | 'json' | 'ndjson';

/** The format an upload's name implies; `null` when the extension is not one we read. */
export function formatFromFileName(name: string): FileFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  return null;
}

/** One entry point over every format, for callers that only need header and rows. */
export function readTabular(
  source: ByteSource,
  format: FileFormat,
  opts: CsvOptions & XlsxOptions & JsonOptions = {},
): Promise<TabularFile> {
  switch (format) {
    case 'csv':
      return readCsv(source, opts);
    case 'xlsx':
      return readXlsx(source, opts);
    case 'json':
      return readJson(source, { ...opts, format: opts.format ?? 'auto' });
    case 'ndjson':
      return readJson(source, { ...opts, format: 'ndjson' });
  }
}
