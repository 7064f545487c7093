import type { KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { exportSecret, POINT_BYTES } from './psi.crypto.ts';

const WORKER = new URL('./psi.worker.mjs', import.meta.url);

type Job = { op: 'hashBlind'; keys: string[] } | { op: 'blind'; points: Uint8Array };

/** One worker thread that blinds what it is given; a party's own core in the benchmark. */
export class BlindingThread {
  private readonly worker = new Worker(WORKER);
  private readonly secretPem: string;

  constructor(secret: KeyObject) {
    this.secretPem = exportSecret(secret);
    this.worker.unref();
  }

  /** Hashes the keys to points and blinds them (`hashBlind`), or blinds points; answers n × 32 bytes. */
  run(job: Job): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: { ok: boolean; result?: ArrayBuffer; error?: string }) => {
        this.worker.off('error', reject);
        if (m.ok && m.result) resolve(Buffer.from(m.result));
        else reject(new Error(m.error ?? 'blinding failed'));
      };
      this.worker.once('message', onMessage);
      this.worker.once('error', reject);
      if (job.op === 'hashBlind')
        this.worker.postMessage({ op: job.op, secretPem: this.secretPem, keys: job.keys });
      else {
        // A copy of exactly these bytes goes to the thread (a Buffer may be a view into a shared pool).
        const copy = new Uint8Array(job.points).buffer;
        this.worker.postMessage({ op: job.op, secretPem: this.secretPem, points: copy }, [copy]);
      }
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Splits a blinding over `threads` worker threads (all cores by default); answers in input order. */
export async function blindParallel(
  secret: KeyObject,
  job: Job,
  threads = Math.max(1, availableParallelism()),
): Promise<Buffer> {
  const n = job.op === 'hashBlind' ? job.keys.length : job.points.length / POINT_BYTES;
  const parts = Math.max(1, Math.min(threads, Math.ceil(n / 1000)));
  const pool = Array.from({ length: parts }, () => new BlindingThread(secret));
  try {
    const chunk = Math.ceil(n / parts);
    const results = await Promise.all(
      pool.map((w, i) => {
        const from = i * chunk;
        const to = Math.min(n, from + chunk);
        return job.op === 'hashBlind'
          ? w.run({ op: 'hashBlind', keys: job.keys.slice(from, to) })
          : w.run({ op: 'blind', points: job.points.subarray(from * POINT_BYTES, to * POINT_BYTES) });
      }),
    );
    return Buffer.concat(results);
  } finally {
    await Promise.all(pool.map((w) => w.close()));
  }
}
