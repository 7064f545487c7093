import { type CsvError, Parser } from 'csv-parse';
import { type DecodeState, decodeText, type EncodingOption, type TextEncoding } from './detect-encoding.ts';
import { ParseError } from './errors.ts';
import {
  type ByteSource,
  DEFAULT_MAX_FIELD_CHARS,
  isBlank,
  normaliseHeader,
  type RowResult,
  shapeRow,
  type TabularFile,
  toByteChunks,
} from './tabular.ts';

export type CsvDelimiter = ',' | '\t' | ';' | '|';
export type CsvOptions = {
  /** Found from the header line when omitted. */
  delimiter?: CsvDelimiter;
  encoding?: EncodingOption;
  /** A longer value rejects its row (`field_too_large`). Default 1,000,000 characters. */
  maxFieldChars?: number;
  /**
   * The parser must hold a whole record in memory, so a longer one stops the file
   * (`record_too_large`); in practice it means a quote left open. Default 16,000,000 characters.
   */
  maxRecordChars?: number;
};
export type CsvFile = TabularFile & {
  delimiter: CsvDelimiter;
  /** The encoding decided so far; null while every byte read has been ASCII. */
  readonly encoding: TextEncoding | null;
};

const DELIMITERS: CsvDelimiter[] = [',', '\t', ';', '|'];
const DEFAULT_MAX_RECORD_CHARS = 16_000_000;

/** The delimiter occurring most often outside quotes in `line`; ties go to the earlier in DELIMITERS. */
export function sniffDelimiter(line: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Collects decoded text up to the end of the first non-blank line (quotes respected), so the
 * delimiter can be sniffed before the parser starts. Bounded by `limit` characters.
 */
async function readFirstLine(
  text: AsyncGenerator<string>,
  limit: number,
): Promise<{ buffered: string; firstLine: string }> {
  let buffered = '';
  let scanned = 0;
  let quoted = false;
  let lineStart = 0;
  for (;;) {
    for (; scanned < buffered.length; scanned++) {
      const ch = buffered[scanned];
      if (ch === '"') quoted = !quoted;
      else if ((ch === '\n' || ch === '\r') && !quoted) {
        const line = buffered.slice(lineStart, scanned);
        if (line.trim() !== '') return { buffered, firstLine: line };
        lineStart = scanned + 1;
      }
    }
    if (buffered.length - lineStart > limit) return { buffered, firstLine: buffered.slice(lineStart) };
    const next = await text.next();
    if (next.done) return { buffered, firstLine: buffered.slice(lineStart) };
    buffered += next.value;
  }
}

/** Line breaks inside a record's values; CRLF counts once, as editors count it. */
function lineBreaks(values: readonly string[]): number {
  let n = 0;
  for (const v of values) {
    for (let i = v.indexOf('\n'); i !== -1; i = v.indexOf('\n', i + 1)) n++;
    for (let i = v.indexOf('\r'); i !== -1; i = v.indexOf('\r', i + 1)) if (v[i + 1] !== '\n') n++;
  }
  return n;
}

type CsvRecord = { record: string[]; info: { empty_lines: number } };
/**
 * csv-parse's push engine, the one its own sync entry point drives. It is used instead of the
 * Transform stream because a stream destroyed by an error drops the records still buffered before
 * it, which would lose rows and misplace the error's line number.
 */
type CsvEngine = {
  parse(
    buf: Buffer | undefined,
    end: boolean,
    push: (r: CsvRecord) => void,
    close: () => void,
  ): CsvError | undefined;
};

/**
 * Streams a CSV file: resolves once the header is read, then yields one result per record.
 * `rowNumber` is the line on which a record starts (the header counts, blank lines count), which
 * equals the spreadsheet row number unless earlier values contain line breaks. Blank records are
 * skipped and not counted as read.
 */
export async function readCsv(source: ByteSource, opts: CsvOptions = {}): Promise<CsvFile> {
  const maxFieldChars = opts.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  const maxRecordChars = opts.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const state: DecodeState = { encoding: null };
  const text = decodeText(toByteChunks(source), { encoding: opts.encoding ?? 'auto', state });
  const { buffered, firstLine } = await readFirstLine(text, maxRecordChars);
  const delimiter = opts.delimiter ?? sniffDelimiter(firstLine);

  const engine = (
    new Parser({
      delimiter,
      info: true,
      // Excel reads a stray quote inside a value literally; doing the same keeps such rows loadable
      // and lets validation judge the value, instead of one quote rejecting the whole file.
      relax_quotes: true,
      relax_column_count: true,
      // Files glued together from several exports mix line endings; csv-parse would otherwise fix
      // on the first one it meets and leave stray CRs in values.
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      max_record_size: maxRecordChars,
    }) as unknown as { api: CsvEngine }
  ).api;
  // Line breaks consumed by the records read so far; blank lines are added from csv-parse's count.
  let linesBefore = 0;
  const translate = (err: CsvError, emptyLines: number): ParseError => {
    const line = linesBefore + emptyLines + 1;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED')
      return new ParseError('unclosed_quote', { line }, { cause: err });
    if (err.code === 'CSV_MAX_RECORD_SIZE') {
      return new ParseError('record_too_large', { line, limit: maxRecordChars }, { cause: err });
    }
    return new ParseError('malformed_csv', { detail: err.message }, { cause: err });
  };

  async function* records(): AsyncGenerator<{ rowNumber: number; values: string[] }> {
    const batch: CsvRecord[] = [];
    const push = (r: CsvRecord) => batch.push(r);
    let pending: string | undefined = buffered;
    for (;;) {
      const next = pending !== undefined ? { done: false, value: pending } : await text.next();
      pending = undefined;
      const error = engine.parse(
        next.done ? undefined : Buffer.from(next.value),
        !!next.done,
        push,
        () => {},
      );
      for (const { record, info } of batch) {
        const rowNumber = linesBefore + info.empty_lines + 1;
        linesBefore += lineBreaks(record) + 1;
        if (!isBlank(record)) yield { rowNumber, values: record };
      }
      batch.length = 0;
      if (error) throw translate(error, Number((error as { empty_lines?: number }).empty_lines ?? 0));
      if (next.done) return;
    }
  }
  const recordIt = records();
  const close = async () => {
    await recordIt.return(undefined);
    await text.return(undefined);
  };

  let header: string[];
  try {
    const first = await recordIt.next();
    if (first.done) throw new ParseError('empty_file');
    header = normaliseHeader(first.value.values);
  } catch (err) {
    await close();
    throw err;
  }

  async function* rows(): AsyncGenerator<RowResult, void, undefined> {
    try {
      for await (const r of recordIt) yield shapeRow(r.rowNumber, r.values, header, maxFieldChars);
    } finally {
      await close();
    }
  }
  return {
    header,
    rows: rows(),
    close,
    delimiter,
    get encoding() {
      return state.encoding;
    },
  };
}
