import type { Job, JobStatus } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn, type SignedInActor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import * as repo from './jobs.repo.ts';

export type JobContext<P> = {
  id: string;
  payload: P;
  attempt: number;
  /** Records progress (throttled) and throws if the job was cancelled meanwhile. */
  progress: (done: number, total?: number | null, message?: string | null) => Promise<void>;
  /** Aborted when cancellation is requested. */
  signal: AbortSignal;
};

export type JobHandler<P = unknown> = (ctx: JobContext<P>) => Promise<unknown>;
export type JobKind = { handler: JobHandler<never>; maxAttempts: number; backoffSeconds: number };

export const toJob = (r: repo.JobRow): Job => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  progress: { done: r.progress_done, total: r.progress_total, message: r.progress_message },
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  error: r.error,
  result: r.result ?? null,
  cancelRequested: r.cancel_requested,
  createdAt: r.created_at.toISOString(),
  startedAt: r.started_at?.toISOString() ?? null,
  finishedAt: r.finished_at?.toISOString() ?? null,
});

/** Platform admins oversee every organisation's jobs; everyone else sees their own organisation's. */
const scopeOrg = (a: SignedInActor) => (a.roles.includes('platform_admin') ? null : a.orgId);

/** Durable background jobs: kinds are registered by modules, enqueued by services, run by workers. */
export function createJobsService(deps: { db: Db }) {
  const { db } = deps;
  const kinds = new Map<string, JobKind>();

  async function getVisible(actor: Actor, id: string): Promise<repo.JobRow> {
    const a = requireSignedIn(actor);
    const row = await repo.findJob(db, id);
    const org = scopeOrg(a);
    // Another organisation's job is reported as missing, so ids leak nothing.
    if (!row || (org && row.org_id !== org)) throw notFound('job', id);
    return row;
  }

  return {
    kinds,

    /** Declares a job kind and the function that runs it. */
    register<P>(
      kind: string,
      handler: JobHandler<P>,
      opts: { maxAttempts?: number; backoffSeconds?: number } = {},
    ) {
      kinds.set(kind, {
        handler: handler as JobHandler<never>,
        maxAttempts: opts.maxAttempts ?? 3,
        backoffSeconds: opts.backoffSeconds ?? 5,
      });
    },

    /** Queues a job on behalf of an actor (or the system when the actor is null). */
    async enqueue(
      actor: SignedInActor | null,
      kind: string,
      payload: unknown = {},
      dbOrTrx: Db = db,
      /** Not before this time: recurring work queues its next run this way. */
      opts: { runAt?: Date } = {},
    ): Promise<Job> {
      const k = kinds.get(kind);
      if (!k) throw new Error(`unknown job kind ${kind}`);
      const row = await repo.insertJob(dbOrTrx, {
        id: newId(),
        kind,
        org_id: actor?.orgId ?? null,
        created_by: actor?.kind === 'user' ? actor.id : null,
        payload,
        max_attempts: k.maxAttempts,
        ...(opts.runAt ? { run_at: opts.runAt } : {}),
      });
      return toJob(row);
    },

    async getJob(actor: Actor, id: string): Promise<Job> {
      return toJob(await getVisible(actor, id));
    },

    async listJobs(actor: Actor, q: { status?: JobStatus; kind?: string; cursor?: string; limit: number }) {
      const a = requireSignedIn(actor);
      const after = decodeCursor(q.cursor, 1);
      const rows = await repo.listJobs(db, {
        orgId: scopeOrg(a),
        status: q.status,
        kind: q.kind,
        afterId: (after?.[0] as string) ?? null,
        limit: q.limit,
      });
      const page = toPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toJob), nextCursor: page.nextCursor };
    },

    async cancel(actor: Actor, id: string): Promise<Job> {
      const row = await getVisible(actor, id);
      const after = await repo.requestCancel(db, id);
      if (!after) throw new AppError('job_finished', { status: row.status });
      return toJob(after);
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
