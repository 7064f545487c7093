import type { Readable } from 'node:stream';
import { ParseError, type Reason, type RowErrorCode, rowReason } from './errors.ts';

/** A record that parsed: exactly one value per header column. */
export type ParsedRow = { ok: true; rowNumber: number; values: string[] };
/** A record the caller must reject; `values` is kept when it is small enough to echo in a rejects file. */
export type RejectedRow = { ok: false; rowNumber: number; error: Reason<RowErrorCode>; values?: string[] };
export type RowResult = ParsedRow | RejectedRow;

export type TabularFile = {
  header: string[];
  rows: AsyncGenerator<RowResult, void, undefined>;
  /** Releases the underlying stream; needed only when `rows` is not iterated to the end. */
  close(): Promise<void>;
};

export type ByteSource = AsyncIterable<Uint8Array> | Readable;

export const DEFAULT_MAX_FIELD_CHARS = 1_000_000;

export function isBlank(values: readonly string[]): boolean {
  return values.every((v) => v.trim() === '');
}

/**
 * Trims header names and drops trailing unnamed columns, which spreadsheet exports add when a
 * formatted but empty column sits to the right of the data. Duplicate names are refused because
 * mapping columns by name would silently pick one of them.
 */
export function normaliseHeader(cells: readonly string[]): string[] {
  const header = cells.map((c) => c.trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === '') return;
    const first = seen.get(name);
    if (first !== undefined)
      throw new ParseError('duplicate_header', { name, columns: `${first + 1}, ${i + 1}` });
    seen.set(name, i);
  });
  return header;
}

/**
 * Fits a record to the header. Extra cells that are all blank are dropped (exports pad rows the
 * same way they pad headers); any other mismatch is reported, never guessed at.
 */
export function shapeRow(
  rowNumber: number,
  values: string[],
  header: readonly string[],
  maxFieldChars: number,
): RowResult {
  for (let i = 0; i < values.length; i++) {
    if (values[i]!.length > maxFieldChars) {
      return {
        ok: false,
        rowNumber,
        error: rowReason('field_too_large', { column: i + 1, limit: maxFieldChars }),
      };
    }
  }
  if (values.length > header.length && isBlank(values.slice(header.length))) values.length = header.length;
  if (values.length !== header.length) {
    return {
      ok: false,
      rowNumber,
      error: rowReason('ragged_row', { expected: header.length, actual: values.length }),
      values,
    };
  }
  return { ok: true, rowNumber, values };
}

export async function* toByteChunks(source: ByteSource): AsyncGenerator<Uint8Array> {
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  }
}

/**
 * Reads at least `size` bytes (fewer only at end of input) and hands back a stream that replays
 * them, so format sniffing never consumes what the parser needs.
 */
export async function peekBytes(
  source: AsyncIterable<Uint8Array>,
  size: number,
): Promise<{ head: Buffer; ended: boolean; rest: AsyncGenerator<Uint8Array> }> {
  const it = source[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < size) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    parts.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(parts);
  async function* rest(): AsyncGenerator<Uint8Array> {
    try {
      if (head.length > 0) yield head;
      if (ended) return;
      for (;;) {
        const next = await it.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await it.return?.();
    }
  }
  return { head, ended, rest: rest() };
}
