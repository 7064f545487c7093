import { decodeText, type EncodingOption } from './detect-encoding.ts';
import { ParseError, type Reason, type RowErrorCode, rowReason } from './errors.ts';
import { arrayRecords, ndjsonRecords, type RawRecord } from './json-records.ts';
import { plainNumber } from './number-text.ts';
import {
  type ByteSource,
  DEFAULT_MAX_FIELD_CHARS,
  type RowResult,
  shapeRow,
  type TabularFile,
  toByteChunks,
} from './tabular.ts';

export type JsonFormat = 'array' | 'ndjson';
export type JsonOptions = {
  /** `auto` reads a file starting with "[" as an array and one starting with "{" as NDJSON. */
  format?: 'auto' | JsonFormat;
  /** The columns to read; otherwise the union of keys of the first `headerSample` objects, in order seen. */
  header?: string[];
  headerSample?: number;
  /** Keys outside the header reject their row by default, so no value is dropped unnoticed. */
  extraKeys?: 'reject' | 'ignore';
  encoding?: EncodingOption;
  maxFieldChars?: number;
  /** A longer object rejects its row (`object_too_large`) without being held. Default 4,000,000 characters. */
  maxObjectChars?: number;
};
export type JsonFile = TabularFile & { format: JsonFormat };

type Parsed =
  | { rowNumber: number; object: Record<string, unknown> }
  | { rowNumber: number; error: Reason<RowErrorCode> };

const DEFAULT_HEADER_SAMPLE = 1000;
const DEFAULT_MAX_OBJECT_CHARS = 4_000_000;

function parseRecord(raw: RawRecord, maxChars: number): Parsed {
  const { rowNumber } = raw;
  if (raw.oversized) return { rowNumber, error: rowReason('object_too_large', { limit: maxChars }) };
  let value: unknown;
  try {
    value = JSON.parse(raw.text);
  } catch (err) {
    return { rowNumber, error: rowReason('invalid_json_record', { detail: (err as Error).message }) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { rowNumber, error: rowReason('not_an_object') };
  }
  return { rowNumber, object: value as Record<string, unknown> };
}

function toText(key: string, value: unknown): string | Reason<RowErrorCode> {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    // JSON.parse has already rounded such a number; an ID or amount would load silently altered.
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      return rowReason('unsafe_number', { key, value: plainNumber(value) });
    }
    return plainNumber(value);
  }
  return JSON.stringify(value);
}

async function firstChar(text: AsyncGenerator<string>): Promise<{ first: string | null; buffered: string }> {
  let buffered = '';
  for (;;) {
    const trimmed = buffered.trimStart();
    if (trimmed) return { first: trimmed[0]!, buffered };
    const next = await text.next();
    if (next.done) return { first: null, buffered };
    buffered += next.value;
  }
}

/**
 * Streams a JSON array of objects or NDJSON. Both are read incrementally: memory holds one
 * record, plus the first `headerSample` records while the header is inferred. `rowNumber` is the
 * line for NDJSON and the 1-based position in the array for a JSON array.
 */
export async function readJson(source: ByteSource, opts: JsonOptions = {}): Promise<JsonFile> {
  const maxObjectChars = opts.maxObjectChars ?? DEFAULT_MAX_OBJECT_CHARS;
  const maxFieldChars = opts.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  const text = decodeText(toByteChunks(source), { encoding: opts.encoding ?? 'auto' });
  const { first, buffered } = await firstChar(text);
  if (first === null) throw new ParseError('empty_file');
  const format: JsonFormat =
    opts.format && opts.format !== 'auto' ? opts.format : first === '[' ? 'array' : 'ndjson';
  if (opts.format === undefined || opts.format === 'auto') {
    if (first !== '[' && first !== '{') {
      await text.return(undefined);
      throw new ParseError('not_json_records');
    }
  }
  async function* replay(): AsyncGenerator<string> {
    yield buffered;
    yield* text;
  }
  const split = format === 'array' ? arrayRecords : ndjsonRecords;
  const records = split(replay(), maxObjectChars);
  const close = async () => {
    await records.return(undefined);
    await text.return(undefined);
  };

  const sample: Parsed[] = [];
  let header = opts.header;
  try {
    if (!header) {
      const keys = new Set<string>();
      const limit = opts.headerSample ?? DEFAULT_HEADER_SAMPLE;
      while (sample.length < limit) {
        const next = await records.next();
        if (next.done) break;
        const parsed = parseRecord(next.value, maxObjectChars);
        // A pretty-printed single object is not NDJSON; say so once instead of rejecting every line.
        if (
          sample.length === 0 &&
          'error' in parsed &&
          parsed.error.code === 'invalid_json_record' &&
          format === 'ndjson' &&
          opts.format !== 'ndjson'
        ) {
          throw new ParseError('not_json_records');
        }
        sample.push(parsed);
        if ('object' in parsed) for (const k of Object.keys(parsed.object)) keys.add(k);
      }
      header = [...keys];
    }
  } catch (err) {
    await close();
    throw err;
  }
  const columns = header;
  const known = new Set(columns);

  const toRow = (p: Parsed): RowResult => {
    if ('error' in p) return { ok: false, rowNumber: p.rowNumber, error: p.error };
    if (opts.extraKeys !== 'ignore') {
      const extra = Object.keys(p.object).filter((k) => !known.has(k));
      if (extra.length > 0) {
        const keys = extra.slice(0, 5).join(', ') + (extra.length > 5 ? ', …' : '');
        return { ok: false, rowNumber: p.rowNumber, error: rowReason('unknown_keys', { keys }) };
      }
    }
    const values: string[] = [];
    for (const key of columns) {
      const v = toText(key, p.object[key]);
      if (typeof v !== 'string') return { ok: false, rowNumber: p.rowNumber, error: v };
      values.push(v);
    }
    return shapeRow(p.rowNumber, values, columns, maxFieldChars);
  };

  async function* rows(): AsyncGenerator<RowResult, void, undefined> {
    try {
      for (const p of sample.splice(0)) yield toRow(p);
      for await (const raw of records) yield toRow(parseRecord(raw, maxObjectChars));
    } finally {
      await close();
    }
  }
  return { header: columns, rows: rows(), close, format };
}
