import { ParseError } from './errors.ts';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
/** `gbk` is accepted as a name and read as GB18030, its superset. */
export type EncodingOption = 'auto' | TextEncoding | 'gbk';
export type Detected = { encoding: TextEncoding; bomLength: number };

export const DEFAULT_SAMPLE_BYTES = 64 * 1024;

const BOMS: { bytes: number[]; encoding: TextEncoding | 'utf-32le' | 'utf-32be' }[] = [
  // UTF-32LE must be tested before UTF-16LE: its BOM starts with the same two bytes.
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' },
];

/** The byte order mark at the start of `sample`, if any. */
export function detectBom(sample: Uint8Array): Detected | null {
  for (const bom of BOMS) {
    if (sample.length >= bom.bytes.length && bom.bytes.every((b, i) => sample[i] === b)) {
      if (bom.encoding === 'utf-32le' || bom.encoding === 'utf-32be') {
        throw new ParseError('unsupported_encoding', { encoding: bom.encoding.toUpperCase() });
      }
      return { encoding: bom.encoding, bomLength: bom.bytes.length };
    }
  }
  return null;
}

/**
 * Refuses files that are not text at all, typically a workbook uploaded as CSV; decoding them
 * as GB18030 would "succeed" and produce pages of garbage rows instead of one clear message.
 */
function assertText(sample: Uint8Array): void {
  const starts = (...bytes: number[]) => bytes.every((b, i) => sample[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) throw new ParseError('binary_file', { hint: 'ZIP/XLSX' });
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) throw new ParseError('binary_file', { hint: 'XLS' });
  if (sample.includes(0)) throw new ParseError('binary_file', { hint: 'NUL' });
}

/**
 * Decides how to read a text file from its first bytes. A BOM wins; otherwise the sample is
 * UTF-8 if it decodes strictly as UTF-8, else GB18030 (which also reads GBK and GB2312).
 * `complete` says the sample is the whole file: only then is a multi-byte sequence cut at its
 * end an error rather than the edge of the sample.
 */
export function detectEncoding(sample: Uint8Array, opts: { complete?: boolean } = {}): Detected {
  return detectBom(sample) ?? { encoding: sniffEncoding(sample, opts.complete ?? false), bomLength: 0 };
}

/** The no-BOM half of detectEncoding, also applied to samples taken from the middle of a file. */
function sniffEncoding(sample: Uint8Array, complete: boolean): TextEncoding {
  assertText(sample);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * Offset of the first byte that breaks the encoding's byte structure, used only to point at the
 * bad spot once the decoder has already refused the bytes; 0 when the structure looks fine.
 */
function firstInvalidByte(bytes: Uint8Array, encoding: TextEncoding): number {
  const inRange = (i: number, lo: number, hi: number) =>
    i < bytes.length && bytes[i]! >= lo && bytes[i]! <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let len = 0;
    if (b < 0x80) len = 1;
    else if (encoding === 'utf-8') {
      const want = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      let ok = want > 0;
      for (let k = 1; ok && k < want; k++) ok = inRange(i + k, 0x80, 0xbf);
      if (ok) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + want));
          len = want;
        } catch {
          len = 0;
        }
      }
    } else if (encoding === 'gb18030') {
      if (b === 0x80 || b === 0xff) len = 0;
      else if (inRange(i + 1, 0x40, 0x7e) || inRange(i + 1, 0x80, 0xfe)) len = 2;
      else if (inRange(i + 1, 0x30, 0x39) && inRange(i + 2, 0x81, 0xfe) && inRange(i + 3, 0x30, 0x39))
        len = 4;
    } else return 0;
    if (len === 0) return i;
    i += len;
  }
  return 0;
}

export type DecodeState = { encoding: TextEncoding | null };

/**
 * Streams text out of bytes without holding more than one sample. With `auto`, bytes are passed
 * through while they are plain ASCII (identical in UTF-8 and GB18030), and the encoding is decided
 * from a sample starting at the first non-ASCII byte: a file whose first rows happen to be ASCII
 * is not misread later. Invalid bytes stop the file with their line and offset, because silently
 * replacing them would load corrupted names and addresses.
 */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  opts: { encoding?: EncodingOption; sampleBytes?: number; state?: DecodeState } = {},
): AsyncGenerator<string> {
  const option = opts.encoding ?? 'auto';
  const sampleBytes = opts.sampleBytes ?? DEFAULT_SAMPLE_BYTES;
  const state = opts.state ?? { encoding: null };
  let decoder: TextDecoder | null = null;
  let pending: Uint8Array = new Uint8Array(0);
  let bomChecked = false;
  let byteOffset = 0;
  let line = 1;

  const choose = (encoding: TextEncoding) => {
    state.encoding = encoding;
    // The BOM is stripped here explicitly, so the decoder must not strip a second one.
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  };
  const decode = (bytes: Uint8Array, final: boolean): string => {
    try {
      const text = decoder!.decode(bytes, { stream: !final });
      if (state.encoding !== 'utf-16le' && state.encoding !== 'utf-16be')
        line += countNewlines(bytes, bytes.length);
      byteOffset += bytes.length;
      return text;
    } catch (cause) {
      const at = firstInvalidByte(bytes, state.encoding!);
      throw new ParseError(
        'invalid_encoding',
        {
          encoding: state.encoding!.toUpperCase(),
          line: line + countNewlines(bytes, at),
          byte: byteOffset + at + 1,
        },
        { cause },
      );
    }
  };
  // Returns text ready to emit, or null while more bytes are needed to decide.
  const step = (final: boolean): string | null => {
    if (!bomChecked) {
      if (pending.length < 4 && !final) return null;
      bomChecked = true;
      const bom = detectBom(pending);
      if (bom) {
        choose(bom.encoding);
        byteOffset = bom.bomLength;
        pending = pending.subarray(bom.bomLength);
      } else if (option !== 'auto') {
        choose(option === 'gbk' ? 'gb18030' : option);
      } else {
        assertText(pending.subarray(0, sampleBytes));
      }
    }
    if (decoder) {
      const text = decode(pending, final);
      pending = new Uint8Array(0);
      return text;
    }
    const i = firstNonAscii(pending);
    if (i === -1) {
      const text = Buffer.from(pending).toString('latin1');
      line += countNewlines(pending, pending.length);
      byteOffset += pending.length;
      pending = new Uint8Array(0);
      return text;
    }
    if (pending.length - i < sampleBytes && !final) return null;
    choose(sniffEncoding(pending.subarray(i, i + sampleBytes), final && pending.length - i <= sampleBytes));
    const text = decode(pending, final);
    pending = new Uint8Array(0);
    return text;
  };

  for await (const chunk of chunks) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    const text = step(false);
    if (text) yield text;
  }
  const text = step(true);
  if (text) yield text;
}
