import type { Dataset } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { systemActor } from '../../platform/actor.ts';
import type { JobsService } from '../jobs/index.ts';
import { RECHECK_HOURS } from './quality.params.ts';
import * as repo from './quality.repo.ts';
import type { Runner } from './quality.runner.ts';

/** The recurring job: queues runs of datasets not checked within their update period, then itself again. */
export const QUALITY_SCHEDULE_JOB = 'quality.schedule';

/** The chain's head, or undefined before the first start. */
const head = (db: Db) => db.selectFrom('quality.schedule').selectAll().where('id', '=', 1).executeTakeFirst();

export function createScheduler(deps: {
  db: Db;
  jobs: JobsService;
  runner: Runner;
  listPublished: () => Promise<Dataset[]>;
  everyMinutes: number;
  now?: () => Date;
}) {
  const { db, jobs, runner } = deps;
  const now = deps.now ?? (() => new Date());

  /** Queues the next link of the chain `minutes` from now and records it as the head. */
  async function chainNext(trx: Db, minutes: number): Promise<string> {
    const runAt = new Date(now().getTime() + minutes * 60_000);
    const job = await jobs.enqueue(null, QUALITY_SCHEDULE_JOB, {}, trx, { runAt });
    await trx
      .insertInto('quality.schedule')
      .values({ id: 1, job_id: job.id, run_at: runAt })
      .onConflict((oc) => oc.column('id').doUpdateSet({ job_id: job.id, run_at: runAt }))
      .execute();
    return job.id;
  }

  /** The published datasets whose last run (queued or done) is older than their update period. */
  async function due(): Promise<Dataset[]> {
    const published = await deps.listPublished();
    const last = await repo.lastRunTimes(
      db,
      published.map((d) => d.id),
    );
    const t = now().getTime();
    return published.filter((d) => {
      const at = last.get(d.id);
      return !at || t - at.getTime() >= RECHECK_HOURS[d.updateFrequency] * 3600_000;
    });
  }

  jobs.register<Record<string, never>>(
    QUALITY_SCHEDULE_JOB,
    async (ctx) => {
      // Only the head may extend the chain: a stray second chain (two servers starting at once) ends here.
      if ((await head(db))?.job_id !== ctx.id) return { superseded: true };
      const datasets = await due();
      for (const d of datasets) await runner.enqueue(d, 'schedule', null);
      await db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${QUALITY_SCHEDULE_JOB}))`.execute(trx);
        if ((await head(trx))?.job_id === ctx.id) await chainNext(trx, deps.everyMinutes);
      });
      return { queued: datasets.map((d) => d.code) };
    },
    { maxAttempts: 3, backoffSeconds: 60 },
  );

  return {
    due,
    /**
     * Starts the chain unless a live head exists (queued or running); at every server start. The first
     * link runs one period from now: imports queue their own runs meanwhile.
     */
    async ensure(): Promise<void> {
      const current = await head(db);
      if (current) {
        const job = await jobs.getJob(systemActor, current.job_id).catch(() => undefined);
        if (job && (job.status === 'queued' || job.status === 'running')) return;
      }
      await db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${QUALITY_SCHEDULE_JOB}))`.execute(trx);
        if ((await head(trx))?.job_id === current?.job_id) await chainNext(trx, deps.everyMinutes);
      });
    },
  };
}
