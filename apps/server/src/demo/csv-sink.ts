import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { DatasetField } from '@shuzhi/contracts';
import { csvField, csvRow } from './csv-writer.ts';
import type { Row } from './datasets/types.ts';

/** Where one dataset's rows go as the city streams past: a CSV file, or memory in tests. */
export interface RowSink {
  /** Takes a row; false asks the caller to `drain()` before writing much more. */
  write(row: Row): boolean;
  drain(): Promise<void>;
  close(): Promise<void>;
}

const FLUSH_CHARS = 64 * 1024;

/**
 * A department's export file: UTF-8 with a byte-order mark (as Excel on Chinese Windows writes
 * it), Chinese column titles, 是/否 for booleans. Hashes what it writes, so a re-run can tell
 * whether an earlier import was of the same bytes.
 */
export class CsvFileSink implements RowSink {
  readonly path: string;
  bytes = 0;
  rows = 0;
  private readonly out: WriteStream;
  private readonly hash = createHash('sha256');
  private readonly names: string[];
  private buffer: string;
  private full = false;
  private failure: Error | null = null;

  constructor(path: string, fields: readonly DatasetField[]) {
    this.path = path;
    this.names = fields.map((f) => f.name);
    this.out = createWriteStream(path, { highWaterMark: FLUSH_CHARS });
    // Without a listener an early error would be thrown as an uncaught exception.
    this.out.on('error', (e) => {
      this.failure = e;
    });
    this.buffer = `\uFEFF${csvRow(fields.map((f) => f.title))}\r\n`;
  }

  write(row: Row): boolean {
    if (this.failure) throw this.failure;
    let line = '';
    for (let i = 0; i < this.names.length; i++) {
      if (i > 0) line += ',';
      const v = row[this.names[i] as string];
      line += typeof v === 'boolean' ? (v ? '是' : '否') : csvField(v);
    }
    this.buffer += `${line}\r\n`;
    this.rows++;
    if (this.buffer.length >= FLUSH_CHARS) this.flush();
    return !this.full;
  }

  async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    // The stream may have drained while another sink was awaited: waiting for the event then would hang.
    if (this.full && this.out.writableNeedDrain) await once(this.out, 'drain');
    this.full = false;
  }

  async close(): Promise<void> {
    this.flush();
    this.out.end();
    await finished(this.out);
    if (this.failure) throw this.failure;
  }

  /** The SHA-256 of the bytes written, once closed. */
  sha256(): string {
    return this.hash.copy().digest('hex');
  }

  private flush(): void {
    if (this.buffer === '') return;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.out.write(chunk)) this.full = true;
  }
}

/** Keeps rows in memory: for tests of small cities. */
export class MemorySink implements RowSink {
  readonly rows: Row[] = [];
  write(row: Row): boolean {
    this.rows.push(row);
    return true;
  }
  async drain(): Promise<void> {}
  async close(): Promise<void> {}
}
