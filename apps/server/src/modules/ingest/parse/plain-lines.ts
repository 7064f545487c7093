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

/** Whole lines of a delimited file, without their last line break, numbered as the CSV reader numbers rows. */
export type LinePiece = { text: string; firstRow: number; lastRow: number };

export type PlainCsv = {
  delimiter: string;
  /**
   * Pieces of about `chunkChars` characters, from the row after `resumeAfter`. Returns null when
   * the file was read to its end, or the last row of the last piece when it met text that is not
   * plain (from there on the caller must use the CSV reader).
   */
  pieces(resumeAfter: number): AsyncGenerator<LinePiece, number | null, undefined>;
  close(): Promise<void>;
};

/**
 * What stops plain splitting: a quote (quoted values may hold delimiters and line breaks), a
 * carriage return that does not end a line (the CSV reader also breaks lines there), and NUL,
 * which PostgreSQL text cannot hold.
 */
const NOT_PLAIN = /["\0]|\r(?!\n)/;
const MAX_LINE_CHARS = 16_000_000;

/**
 * Opens a CSV file for the fast load path when it is plain: a first line that is the header the
 * CSV reader found (so the delimiter, the header and the row numbers agree with it) and no quotes.
 * In plain text, splitting lines on line breaks and cells on the delimiter is exactly what CSV
 * parsing would do, so the splitting can be left to the database. Answers null otherwise.
 */
export async function openPlainCsv(
  source: ByteSource,
  header: string[],
  chunkChars = 4 << 20,
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
  let rest = nl === -1 ? '' : buf.slice(nl + 1);
  buf = '';

  async function* pieces(resumeAfter: number): AsyncGenerator<LinePiece, number | null, undefined> {
    let row = 2;
    try {
      for (;;) {
        // A piece ends at the first line break past `chunkChars`, or at the end of the file.
        const cutAt = () => (rest.length < chunkChars ? -1 : rest.indexOf('\n', chunkChars - 1));
        let cut = cutAt();
        while (cut === -1 && !ended) {
          if (rest.length > chunkChars + MAX_LINE_CHARS) return row - 1;
          const next = await text.next();
          if (next.done) ended = true;
          else rest += next.value;
          cut = cutAt();
        }
        let piece: string;
        if (cut === -1) {
          // The end of the file: its last line break ends the last line, it does not start another.
          piece = rest.endsWith('\n') ? rest.slice(0, -1) : rest;
          rest = '';
          if (piece === '') return null;
        } else {
          piece = rest.slice(0, cut);
          rest = rest.slice(cut + 1);
        }
        let lines = 1;
        for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) lines++;
        let firstRow = row;
        row += lines;
        // A resumed import skips the rows already committed.
        while (firstRow <= resumeAfter && firstRow < row) {
          const i = piece.indexOf('\n');
          piece = i === -1 ? '' : piece.slice(i + 1);
          firstRow++;
        }
        if (firstRow < row) {
          // The last line's CR (of a CRLF) stays with it; the database trims it.
          if (NOT_PLAIN.test(piece.endsWith('\r') ? piece.slice(0, -1) : piece)) return firstRow - 1;
          yield { text: piece, firstRow, lastRow: row - 1 };
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
