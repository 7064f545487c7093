import { sniffDelimiter } from './csv.ts';
import { decodeText } from './detect-encoding.ts';
import {
  type ByteSource,
  DEFAULT_MAX_FIELD_CHARS,
  isBlank,
  normaliseHeader,
  shapeRow,
  toByteChunks,
} from './tabular.ts';

/**
 * Whole lines of a delimited file, numbered as the CSV reader numbers rows: their UTF-8 bytes
 * joined by line breaks (no final one), and the lines the caller's inspection set apart.
 */
export type LinePiece = {
  bytes: Buffer;
  firstRow: number;
  lastRow: number;
  /** Lines (1 = the piece's first) that `inspect` named, with their text. */
  irregular: { n: number; text: string }[];
};

/** Names the lines of a block of whole lines (1 = its first) that need a closer look, with their text. */
export type LineInspector = (block: string) => { n: number; text: string }[];

export type PlainCsv = {
  delimiter: string;
  /**
   * Pieces of about `chunkBytes` bytes, from the row after `resumeAfter`. Returns null when the
   * file was read to its end, or the last row of the last piece when it met text that is not
   * plain (from there on the caller must use the CSV reader).
   */
  pieces(resumeAfter: number, inspect: LineInspector): AsyncGenerator<LinePiece, number | null, undefined>;
  close(): Promise<void>;
};

/**
 * What stops plain splitting: a quote (quoted values may hold delimiters and line breaks), a
 * carriage return that does not end a line (the CSV reader also breaks lines there), and NUL,
 * which PostgreSQL text cannot hold.
 */
const NOT_PLAIN = /["\0]|\r(?!\n)/;
const MAX_LINE_CHARS = 16_000_000;
const NEWLINE = Buffer.from('\n');

/**
 * Opens a CSV file for the fast load path when it is plain: a first line that is the header the
 * CSV reader found (so the delimiter, the header and the row numbers agree with it) and no quotes.
 * In plain text, splitting lines on line breaks and cells on the delimiter is exactly what CSV
 * parsing would do, so the splitting can be left to the database. Answers null otherwise.
 */
export async function openPlainCsv(
  source: ByteSource,
  header: string[],
  chunkBytes = 4 << 20,
): Promise<PlainCsv | null> {
  const text = decodeText(toByteChunks(source), { encoding: 'auto' });
  const close = async () => {
    await text.return(undefined);
  };
  let buf = '';
  let ended = false;
  let nl = buf.indexOf('\n');
  while (nl === -1 && !ended && buf.length < MAX_LINE_CHARS) {
    const next = await text.next();
    if (next.done) ended = true;
    else buf += next.value;
    nl = buf.indexOf('\n');
  }
  const first = (nl === -1 ? buf : buf.slice(0, nl)).replace(/\r$/, '');
  const delimiter = sniffDelimiter(first);
  let plain = !NOT_PLAIN.test(first) && first.trim() !== '';
  if (plain) {
    try {
      plain = normaliseHeader(first.split(delimiter)).join('\n') === header.join('\n');
    } catch {
      plain = false;
    }
  }
  if (!plain || (nl === -1 && !ended)) {
    await close();
    return null;
  }
  let carry = nl === -1 ? '' : buf.slice(nl + 1);
  buf = '';

  /**
   * The text is taken in blocks of whole lines as it is decoded (tens of kilobytes each), and a
   * piece is their UTF-8 bytes: no string ever holds a whole piece. Large strings live until
   * V8's next full collection, while a Buffer's memory goes as soon as the young generation is
   * swept, so memory stays flat however fast the database takes the pieces.
   */
  async function* pieces(
    resumeAfter: number,
    inspect: LineInspector,
  ): AsyncGenerator<LinePiece, number | null, undefined> {
    let row = 2;
    let parts: Buffer[] = [];
    let size = 0;
    let irregular: LinePiece['irregular'] = [];
    let firstRow = 0;
    let lines = 0;
    const piece = (): LinePiece => {
      const out = { bytes: Buffer.concat(parts), firstRow, lastRow: firstRow + lines - 1, irregular };
      parts = [];
      size = 0;
      irregular = [];
      lines = 0;
      return out;
    };
    /** Adds a block of whole lines; answers false when it is not plain. */
    const add = (whole: string): boolean => {
      let block = whole;
      let count = 1;
      for (let i = block.indexOf('\n'); i !== -1; i = block.indexOf('\n', i + 1)) count++;
      let first = row;
      row += count;
      // A resumed import skips the rows already committed.
      while (first <= resumeAfter && first < row) {
        const i = block.indexOf('\n');
        block = i === -1 ? '' : block.slice(i + 1);
        first++;
      }
      if (first >= row) return true;
      // The last line's CR (of a CRLF) stays with it; the database trims it.
      if (NOT_PLAIN.test(block.endsWith('\r') ? block.slice(0, -1) : block)) {
        row = first;
        return false;
      }
      if (lines === 0) firstRow = first;
      for (const x of inspect(block)) irregular.push({ n: x.n + lines, text: x.text });
      if (parts.length > 0) parts.push(NEWLINE);
      const bytes = Buffer.from(block, 'utf8');
      parts.push(bytes);
      size += bytes.length + 1;
      lines += row - first;
      return true;
    };
    try {
      for (;;) {
        const next = await text.next();
        // At the end, what is left is the last line: the file's last line break ended the line
        // before it, it does not start another.
        const all = next.done ? carry : carry + next.value;
        const cut = next.done ? all.length : all.lastIndexOf('\n');
        if (cut === -1) {
          carry = all;
          if (carry.length > MAX_LINE_CHARS) {
            if (lines > 0) yield piece();
            return row - 1;
          }
          continue;
        }
        carry = next.done ? '' : all.slice(cut + 1);
        const whole = all.slice(0, cut);
        // Blocks no longer than a piece (small pieces, as tests use, still come apart).
        for (let from = 0; from <= whole.length && !(next.done && whole === ''); ) {
          const after = whole.length - from > chunkBytes ? whole.indexOf('\n', from + chunkBytes) : -1;
          const to = after === -1 ? whole.length : after;
          if (!add(whole.slice(from, to))) {
            if (lines > 0) yield piece();
            return row - 1;
          }
          if (size >= chunkBytes) yield piece();
          from = to + 1;
        }
        if (next.done) {
          if (lines > 0) yield piece();
          return null;
        }
      }
    } finally {
      await close();
    }
  }
  return { delimiter, pieces, close };
}

/** A line the database could not convert, re-read as the CSV reader would have read it. */
export function plainRow(rowNumber: number, cells: string[], header: readonly string[]) {
  if (isBlank(cells)) return null;
  return shapeRow(rowNumber, cells, header, DEFAULT_MAX_FIELD_CHARS);
}
