import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

export type CsvOptions = {
  /** Column order; defaults to the keys of the first record. */
  columns?: readonly string[];
  /** Prefix a UTF-8 byte-order mark so that Excel on Chinese Windows opens the file as UTF-8, not GBK. */
  bom?: boolean;
  header?: boolean;
  delimiter?: string;
  /** RFC 4180 says CRLF; `\n` is there for tools that insist. */
  eol?: '\r\n' | '\n';
};

export type CsvResult = { rows: number; bytes: number; columns: readonly string[] };

/** One field, quoted when it holds the delimiter, a quote, a line break or edge whitespace (which readers trim). */
export function csvField(value: unknown, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  const s =
    typeof value === 'string'
      ? value
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  if (s === '') return s;
  const needsQuotes =
    s.includes(delimiter) ||
    s.includes('"') ||
    s.includes('\n') ||
    s.includes('\r') ||
    s.charCodeAt(0) <= 32 ||
    s.charCodeAt(s.length - 1) <= 32;
  return needsQuotes ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One line, without the line ending. */
export function csvRow(values: readonly unknown[], delimiter = ','): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += delimiter;
    line += csvField(values[i], delimiter);
  }
  return line;
}

const CHUNK = 256 * 1024;

/**
 * Streams records into a CSV file with backpressure, so that a city's 12M persons pass through a
 * few hundred kilobytes of memory. Accepts sync and async iterables.
 */
export async function writeCsv<T extends object>(
  path: string,
  records: Iterable<T> | AsyncIterable<T>,
  options: CsvOptions = {},
): Promise<CsvResult> {
  const delimiter = options.delimiter ?? ',';
  const eol = options.eol ?? '\r\n';
  const out = createWriteStream(path, { highWaterMark: CHUNK });
  // Without a listener an early error would be thrown as an uncaught exception instead of rejecting.
  let failure: Error | null = null;
  out.on('error', (e) => {
    failure = e;
  });
  let columns = options.columns ?? null;
  let buffer = options.bom ? '\uFEFF' : '';
  let rows = 0;
  let bytes = 0;

  const flush = async (): Promise<void> => {
    if (failure) throw failure;
    if (buffer === '') return;
    const chunk = Buffer.from(buffer, 'utf8');
    bytes += chunk.length;
    buffer = '';
    if (!out.write(chunk)) await once(out, 'drain');
  };

  try {
    for await (const record of records) {
      if (columns === null) columns = Object.keys(record);
      if (rows === 0 && options.header !== false) buffer += csvRow(columns, delimiter) + eol;
      const r = record as Record<string, unknown>;
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        if (i > 0) line += delimiter;
        line += csvField(r[columns[i] as string], delimiter);
      }
      buffer += line + eol;
      rows++;
      if (buffer.length >= CHUNK / 3) await flush();
    }
    if (rows === 0 && columns !== null && options.header !== false)
      buffer += csvRow(columns, delimiter) + eol;
    await flush();
    out.end();
    await finished(out);
  } catch (e) {
    out.destroy();
    throw e;
  }
  return { rows, bytes, columns: columns ?? [] };
}
