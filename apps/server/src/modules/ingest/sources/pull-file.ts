import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../../../platform/errors.ts';
import { randomToken } from '../../../platform/ids.ts';

export type PulledFile = { path: string; sha: string; bytes: number; records: number; header: string[] };

/** More distinct keys than any table has columns: the records are not a table. */
const MAX_KEYS = 1600;

/**
 * Writes pulled records as NDJSON in the upload folder, one at a time (waiting when the disk is
 * slower than the source), hashing as it goes. The import reads its header from the first records,
 * so when later records bring keys the first one lacks, `finish` rewrites the first line to name
 * them all, in one more streaming pass: no record is ever rejected for a key the header missed.
 */
export function createPullFile(dir: string) {
  mkdirSync(dir, { recursive: true });
  const part = join(dir, `pull-${randomToken(9)}.part`);
  const out = createWriteStream(part);
  let failure: Error | null = null;
  out.on('error', (e) => {
    failure = e;
  });
  let hash = createHash('sha256');
  let bytes = 0;
  let records = 0;
  const seen = new Set<string>();
  const order: string[] = [];
  let firstKeys = 0;

  async function put(line: string) {
    if (failure) throw failure;
    const buf = Buffer.from(line, 'utf8');
    hash.update(buf);
    bytes += buf.length;
    if (!out.write(buf)) await once(out, 'drain');
  }

  async function rewriteFirstLine(): Promise<string> {
    const final = join(dir, `pull-${randomToken(9)}.ndjson`);
    const rewritten = createWriteStream(final);
    hash = createHash('sha256');
    bytes = 0;
    const lines = createInterface({ input: createReadStream(part), crlfDelay: Number.POSITIVE_INFINITY });
    let first = true;
    try {
      for await (const line of lines) {
        let text = line;
        if (first) {
          const rec = JSON.parse(line) as Record<string, unknown>;
          const missing = order.filter((k) => !Object.hasOwn(rec, k));
          text = JSON.stringify(
            Object.fromEntries([...Object.entries(rec), ...missing.map((k) => [k, null])]),
          );
          first = false;
        }
        const buf = Buffer.from(`${text}\n`, 'utf8');
        hash.update(buf);
        bytes += buf.length;
        if (!rewritten.write(buf)) await once(rewritten, 'drain');
      }
      await new Promise<void>((resolve, reject) =>
        rewritten.end((e?: Error | null) => (e ? reject(e) : resolve())),
      );
    } catch (e) {
      rewritten.destroy();
      rmSync(final, { force: true });
      throw e;
    } finally {
      rmSync(part, { force: true });
    }
    return final;
  }

  return {
    get records() {
      return records;
    },

    async write(record: Record<string, unknown>): Promise<void> {
      for (const k of Object.keys(record)) {
        if (seen.has(k)) continue;
        if (seen.size >= MAX_KEYS) {
          throw new AppError('pull_response_invalid', {
            reason_zh: `记录中的不同键超过 ${MAX_KEYS} 个，不像一张表`,
            reason_en: `the records have more than ${MAX_KEYS} distinct keys; they are not a table`,
          });
        }
        seen.add(k);
        order.push(k);
      }
      if (records === 0) firstKeys = Object.keys(record).length;
      records++;
      await put(`${JSON.stringify(record)}\n`);
    },

    /** Closes the file; answers where it is, its hash, size, record count and column names. */
    async finish(): Promise<PulledFile> {
      if (failure) throw failure;
      await new Promise<void>((resolve, reject) =>
        out.end((e?: Error | null) => (e ? reject(e) : resolve())),
      );
      let path: string;
      if (order.length === firstKeys) {
        path = join(dir, `pull-${randomToken(9)}.ndjson`);
        renameSync(part, path);
      } else path = await rewriteFirstLine();
      return { path, sha: hash.digest('hex'), bytes, records, header: order };
    },

    abort(): void {
      out.destroy();
      rmSync(part, { force: true });
    },
  };
}

export type PullFile = ReturnType<typeof createPullFile>;
