import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/connection.ts';
import { randomToken } from '../../platform/ids.ts';
import * as repo from './jobs.repo.ts';
import type { JobKind } from './jobs.service.ts';

const LEASE_SECONDS = 60;
const PROGRESS_EVERY_MS = 250;

class Cancelled extends Error {}

export type Worker = { stop: () => Promise<void>; runOnce: () => Promise<boolean> };

/**
 * Runs jobs: claims one at a time per slot, renews its lease while it runs, retries failures with
 * exponential backoff. A job whose worker died is claimed again once its lease lapses.
 */
export function createWorker(
  deps: { db: Db; kinds: Map<string, JobKind>; log: FastifyBaseLogger },
  opts: { pollMs?: number } = {},
) {
  const { db, kinds, log } = deps;
  const workerId = `${hostname()}:${process.pid}:${randomToken(6)}`;
  const pollMs = opts.pollMs ?? 500;

  async function run(row: repo.JobRow): Promise<void> {
    const kind = kinds.get(row.kind) as JobKind;
    const abort = new AbortController();
    let last = 0;
    const state = { done: row.progress_done, total: row.progress_total, message: row.progress_message };
    const beat = async () => {
      const r = await repo.heartbeat(db, row.id, workerId, state, LEASE_SECONDS);
      if (r.cancel || !r.owned) abort.abort();
    };
    const timer = setInterval(
      () => beat().catch((e) => log.warn({ err: e, job: row.id }, 'heartbeat failed')),
      15_000,
    );
    try {
      const result = await kind.handler({
        id: row.id,
        payload: row.payload as never,
        attempt: row.attempts,
        signal: abort.signal,
        progress: async (done, total = state.total, message = state.message) => {
          Object.assign(state, { done, total: total ?? null, message: message ?? null });
          const now = Date.now();
          if (now - last >= PROGRESS_EVERY_MS || (total !== null && done >= (total ?? 0))) {
            last = now;
            await beat();
          }
          if (abort.signal.aborted) throw new Cancelled('cancelled');
        },
      });
      await repo.heartbeat(db, row.id, workerId, state, LEASE_SECONDS);
      await repo.finishJob(db, row.id, workerId, { status: 'succeeded', result });
      log.info({ job: row.id, kind: row.kind }, 'job succeeded');
    } catch (e) {
      const message = (e as Error).message ?? String(e);
      if (e instanceof Cancelled || abort.signal.aborted) {
        await repo.finishJob(db, row.id, workerId, { status: 'cancelled', error: 'cancelled' });
      } else if (row.attempts < row.max_attempts) {
        const retryInSeconds = kind.backoffSeconds * 2 ** (row.attempts - 1);
        await repo.finishJob(db, row.id, workerId, { status: 'queued', error: message, retryInSeconds });
        log.warn({ job: row.id, kind: row.kind, attempt: row.attempts, err: e }, 'job failed; will retry');
      } else {
        await repo.finishJob(db, row.id, workerId, { status: 'failed', error: message });
        log.error({ job: row.id, kind: row.kind, err: e }, 'job failed');
      }
    } finally {
      clearInterval(timer);
    }
  }

  /** Claims and runs one job; false when none was due. */
  async function runOnce(): Promise<boolean> {
    const row = await repo.claimJob(db, [...kinds.keys()], workerId, LEASE_SECONDS);
    if (!row) return false;
    await run(row);
    return true;
  }

  let stopped = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;

  return {
    workerId,
    runOnce,
    /** Starts the polling loop; `stop` waits for the running job to finish. */
    start(): Worker {
      loop = (async () => {
        while (!stopped) {
          let ran = false;
          try {
            ran = await runOnce();
          } catch (e) {
            log.error({ err: e }, 'worker loop error');
          }
          if (!ran && !stopped)
            await new Promise<void>((r) => {
              wake = r;
              setTimeout(r, pollMs);
            });
        }
      })();
      return {
        runOnce,
        stop: async () => {
          stopped = true;
          wake?.();
          await loop;
        },
      };
    },
  };
}
