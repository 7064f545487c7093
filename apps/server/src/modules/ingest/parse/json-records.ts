import { ParseError } from './errors.ts';

/** One record's source text, or a note that it was too long to keep. */
export type RawRecord = { rowNumber: number; text: string; oversized: boolean };

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\uFEFF';

/**
 * Splits NDJSON text into lines without holding more than one line; a line over `maxChars` is
 * reported as oversized and skipped rather than buffered. `rowNumber` is the line number.
 */
export async function* ndjsonRecords(
  text: AsyncIterable<string>,
  maxChars: number,
): AsyncGenerator<RawRecord> {
  let line = 1;
  let buf = '';
  let oversized = false;
  const finish = (): RawRecord | null => {
    const record = { rowNumber: line, text: buf, oversized };
    buf = '';
    oversized = false;
    return record.oversized || record.text.trim() !== '' ? record : null;
  };
  for await (const chunk of text) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); ; nl = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, nl === -1 ? undefined : nl);
      if (!oversized) buf += piece;
      if (buf.length > maxChars) {
        oversized = true;
        buf = '';
      }
      if (nl === -1) break;
      const record = finish();
      if (record) yield record;
      line++;
      start = nl + 1;
    }
  }
  const record = finish();
  if (record) yield record;
}

/**
 * Splits a top-level JSON array into the source text of its elements, tracking only strings and
 * nesting depth, so a file of any length streams in constant memory. Each element is parsed by
 * the caller, so one bad element is one rejected row; damage to the array's own punctuation
 * leaves nothing trustworthy after it and stops the file. `rowNumber` is the element's position.
 */
export async function* arrayRecords(
  text: AsyncIterable<string>,
  maxChars: number,
): AsyncGenerator<RawRecord> {
  // open: after "[", next: after ",", element: inside one, done: after "]".
  let state: 'before' | 'open' | 'next' | 'element' | 'done' = 'before';
  let base = 0;
  let index = 0;
  let buf = '';
  let oversized = false;
  let depth = 0;
  let inString = false;
  let escaped = false;

  for await (const chunk of text) {
    const fail = (i: number, detail: string) =>
      new ParseError('invalid_json', { position: base + i + 1, detail });
    let start = state === 'element' ? 0 : -1;
    const keep = (end: number) => {
      if (start === -1 || oversized) return;
      buf += chunk.slice(start, end);
      if (buf.length > maxChars) {
        oversized = true;
        buf = '';
      }
    };
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (state !== 'element') {
        if (isSpace(ch)) continue;
        if (state === 'before') {
          if (ch !== '[') throw fail(i, 'expected "["');
          state = 'open';
          continue;
        }
        if (state === 'done') throw fail(i, `unexpected "${ch}" after the end of the array`);
        if (ch === ']') {
          if (state === 'next') throw fail(i, 'a comma is followed by "]"');
          state = 'done';
          continue;
        }
        state = 'element';
        start = i;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if ((ch === '}' || ch === ']') && depth > 0) depth--;
      else if (depth === 0 && (ch === ',' || ch === ']')) {
        keep(i);
        yield { rowNumber: ++index, text: buf, oversized };
        buf = '';
        oversized = false;
        start = -1;
        state = ch === ',' ? 'next' : 'done';
      }
    }
    keep(chunk.length);
    base += chunk.length;
  }
  if (state === 'before') throw new ParseError('empty_file');
  if (state !== 'done')
    throw new ParseError('invalid_json', { position: base, detail: 'the array is not closed' });
}
