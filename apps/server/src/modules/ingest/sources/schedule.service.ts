import type { ScheduledRunStatus, SourceSchedule } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { type SignedInActor, systemActor } from '../../../platform/actor.ts';
import type { JobContext, JobsService } from '../../jobs/index.ts';
import { PULL_MAX_ATTEMPTS } from './pull-run.ts';
import * as schedules from './schedule.repo.ts';
import { nextRunAfter } from './schedule.ts';
import * as repo from './sources.repo.ts';

/** The deferred job that makes one scheduled run of a source. */
export const SCHEDULED_PULL_JOB = 'ingest.pull_scheduled';

type Payload = { sourceId: string; dueAt: string };
type Outcome = { status: ScheduledRunStatus; importId: string | null; zh: string | null; en: string | null };

const ACTIVE = ['queued', 'running'];

const SKIPPED: Outcome = {
  status: 'skipped',
  importId: null,
  zh: '到点时该数据源的上一次拉取仍在进行，本次定时拉取已跳过',
  en: 'a pull of the source was still going when this run was due, so it was skipped',
};

/** The same schedule, whatever order jsonb gave the keys back in. */
const sameSchedule = (a: SourceSchedule | null, b: SourceSchedule | null): boolean =>
  a === null || b === null
    ? a === b
    : JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** The runner records as an actor whoever set the schedule; they are named, not given rights. */
const actorOf = (by: repo.RunBy): SignedInActor => ({ ...by, roles: [], areaCode: '', areaPath: '' });

/**
 * Scheduled pulls. Each source with a schedule switched on has exactly one waiting job (named by
 * `schedule_job_id`, due at `next_run_at`); when it has run, succeeded, failed or been skipped, it
 * queues the next. A job that is no longer the one the row names was replaced and does nothing, so a
 * changed schedule never runs twice even if cancelling the old job came too late.
 */
export function createSourceScheduler(deps: {
  db: Db;
  jobs: JobsService;
  /** The `ingest.pull` job body: pulls the source into an import. */
  pull: (ctx: JobContext<{ sourceId: string; by: repo.RunBy }>) => Promise<unknown>;
  /** The status of the source's last run, its job's own when the row lags behind. */
  runStatus: (row: repo.SourceRow) => Promise<string | null>;
  /** Records that a run started, like a run asked for by hand. */
  audit: (a: SignedInActor, row: repo.SourceRow, trx: Db, extra: object) => Promise<unknown>;
  now: () => Date;
}) {
  const { db, jobs, now } = deps;

  const jobStatus = async (id: string | null) =>
    id ? ((await jobs.getJob(systemActor, id).catch(() => null))?.status ?? null) : null;

  /** Queues the run due at `at` and answers the row fields that make it the source's one pending run. */
  async function queue(trx: Db, sourceId: string, by: repo.RunBy, at: Date) {
    const payload: Payload = { sourceId, dueAt: at.toISOString() };
    const job = await jobs.enqueue(actorOf(by), SCHEDULED_PULL_JOB, payload, trx, { runAt: at });
    return { schedule_job_id: job.id, next_run_at: at };
  }

  /** Records how a due run went and, while it is still the source's pending run, queues the next. */
  async function settle(ctx: JobContext<Payload>, outcome: Outcome) {
    await db.transaction().execute(async (trx) => {
      const row = await repo.lockSource(trx, ctx.payload.sourceId);
      if (!row) return;
      const t = now();
      const dueAt = new Date(ctx.payload.dueAt);
      // Never at or before the run that was due, even if this server's clock lags the database's.
      const after = new Date(Math.max(t.getTime(), dueAt.getTime()));
      const head = row.schedule_job_id === ctx.id && row.schedule?.enabled;
      const next =
        head && row.schedule && row.schedule_by
          ? await queue(trx, row.id, row.schedule_by, nextRunAfter(row.schedule, after, dueAt))
          : {};
      await schedules.setSchedule(trx, row.id, {
        ...next,
        scheduled_run_at: t,
        scheduled_status: outcome.status,
        scheduled_import_id: outcome.importId,
        scheduled_error_zh: outcome.zh,
        scheduled_error_en: outcome.en,
      });
    });
  }

  /** How the pull this job made ended, as the row recorded it. */
  async function outcomeOf(ctx: JobContext<Payload>, error?: unknown): Promise<Outcome> {
    const row = await repo.findSource(db, ctx.payload.sourceId);
    if (row?.last_job_id === ctx.id && row.last_run_status === 'succeeded') {
      return { status: 'succeeded', importId: row.last_import_id, zh: null, en: null };
    }
    if (row?.last_job_id === ctx.id && row.last_run_status === 'failed') {
      return { status: 'failed', importId: row.last_import_id, zh: row.last_error_zh, en: row.last_error_en };
    }
    if (row?.last_job_id === ctx.id && row.last_run_status === 'cancelled') {
      return {
        status: 'failed',
        importId: row.last_import_id,
        zh: '拉取已取消',
        en: 'the pull was cancelled',
      };
    }
    const message = error instanceof Error ? error.message : String(error ?? 'unknown');
    return { status: 'failed', importId: null, zh: message, en: message };
  }

  /** Marks the source as being pulled by this job, unless another run got there first. */
  async function start(ctx: JobContext<Payload>, seen: repo.SourceRow, by: repo.RunBy) {
    return db.transaction().execute(async (trx) => {
      const locked = await repo.lockSource(trx, seen.id);
      if (!locked || locked.schedule_job_id !== ctx.id) return 'replaced';
      if (locked.last_job_id !== seen.last_job_id) return 'busy';
      const r = await repo.updateSource(trx, seen.id, {
        last_job_id: ctx.id,
        last_run_status: 'running',
        last_run_at: now(),
        last_run_finished_at: null,
        last_run_records: null,
        last_import_id: null,
        last_error_zh: null,
        last_error_en: null,
      });
      await deps.audit(actorOf(by), r, trx, { job: ctx.id, watermark: r.watermark, scheduled: true });
      return 'started';
    });
  }

  async function due(ctx: JobContext<Payload>) {
    const row = await repo.findSource(db, ctx.payload.sourceId);
    if (!row) return { skipped: 'the source was deleted' };
    if (row.schedule_job_id !== ctx.id || !row.schedule?.enabled || !row.schedule_by) {
      return { superseded: true };
    }
    const by = row.schedule_by;
    // A retry of this job (its worker died mid-pull) finds its own run and lets the runner resume it.
    if (row.last_job_id !== ctx.id) {
      const status = await deps.runStatus(row);
      const started = status && ACTIVE.includes(status) ? 'busy' : await start(ctx, row, by);
      if (started === 'replaced') return { superseded: true };
      if (started === 'busy') {
        await settle(ctx, SKIPPED);
        return { skipped: 'a pull was running' };
      }
    }
    try {
      const result = await deps.pull({ ...ctx, payload: { sourceId: row.id, by } });
      await settle(ctx, await outcomeOf(ctx));
      return result;
    } catch (e) {
      // Only the job's last try (or a cancellation) is the run's end; earlier ones are retried.
      if (ctx.signal.aborted || (e as Error).message === 'cancelled' || ctx.attempt >= PULL_MAX_ATTEMPTS) {
        await settle(ctx, await outcomeOf(ctx, e));
      }
      throw e;
    }
  }

  deps.jobs.register<Payload>(SCHEDULED_PULL_JOB, due, { maxAttempts: PULL_MAX_ATTEMPTS });

  return {
    /**
     * Decides, before the caller's transaction, whether a schedule sent with a source's settings
     * changes anything: the same schedule with its run still waiting keeps that run.
     */
    async unchanged(row: repo.SourceRow, schedule: SourceSchedule | null): Promise<boolean> {
      if (!sameSchedule(row.schedule, schedule)) return false;
      if (!schedule?.enabled) return true;
      const status = await jobStatus(row.schedule_job_id);
      return status !== null && ACTIVE.includes(status);
    },

    /**
     * Sets a source's schedule in the caller's transaction and queues its first run. Answers the row
     * and the job it replaced, to be cancelled once the transaction has committed.
     */
    async apply(trx: Db, row: repo.SourceRow, schedule: SourceSchedule | null, by: repo.RunBy) {
      const next =
        schedule?.enabled === true
          ? await queue(trx, row.id, by, nextRunAfter(schedule, now()))
          : { schedule_job_id: null, next_run_at: null };
      const updated = await schedules.setSchedule(trx, row.id, { schedule, schedule_by: by, ...next });
      return { row: updated, replaced: row.schedule_job_id };
    },

    /** Cancels a replaced run if it is still waiting; one already running finishes and queues nothing. */
    async cancel(jobId: string | null): Promise<void> {
      if (!jobId || (await jobStatus(jobId)) !== 'queued') return;
      await jobs.cancel(systemActor, jobId).catch(() => undefined);
    },

    /**
     * Gives every switched-on schedule whose waiting run is gone (its job cancelled from the jobs list,
     * or lost with a failed database) a new one; at every server start, a no-op when all are waiting.
     */
    async ensure(): Promise<number> {
      let requeued = 0;
      for (const row of await schedules.listScheduled(db)) {
        if (!row.schedule?.enabled || !row.schedule_by) continue;
        const status = await jobStatus(row.schedule_job_id);
        if (status && ACTIVE.includes(status)) continue;
        const done = await db.transaction().execute(async (trx) => {
          const locked = await repo.lockSource(trx, row.id);
          if (!locked?.schedule?.enabled || !locked.schedule_by) return false;
          if (locked.schedule_job_id !== row.schedule_job_id) return false;
          // The run it lost keeps its time if that is still ahead; else the first one still ahead.
          const lost = locked.next_run_at;
          const t = now();
          const at = lost && lost > t ? lost : nextRunAfter(locked.schedule, t, lost ?? undefined);
          const next = await queue(trx, locked.id, locked.schedule_by, at);
          await schedules.setSchedule(trx, locked.id, next);
          return true;
        });
        if (done) requeued++;
      }
      return requeued;
    },
  };
}

export type SourceScheduler = ReturnType<typeof createSourceScheduler>;
