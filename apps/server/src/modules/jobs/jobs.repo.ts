import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { JobTable } from './jobs.tables.ts';

export type JobRow = Selectable<JobTable>;

export async function insertJob(
  db: Db,
  row: {
    id: string;
    kind: string;
    org_id: string | null;
    created_by: string | null;
    payload: unknown;
    max_attempts: number;
    run_at?: Date;
  },
): Promise<JobRow> {
  return db
    .insertInto('jobs.job')
    .values({ ...row, payload: JSON.stringify(row.payload), status: 'queued' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs.job').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listJobs(
  db: Db,
  q: {
    orgId: string | null;
    status?: JobRow['status'];
    kind?: string;
    afterId: string | null;
    limit: number;
  },
): Promise<JobRow[]> {
  let query = db.selectFrom('jobs.job').selectAll();
  if (q.orgId) query = query.where('org_id', '=', q.orgId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.afterId) query = query.where('id', '<', q.afterId);
  return query
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/**
 * Claims the next runnable job of the given kinds: a queued one that is due, or a running one whose
 * worker let its lease lapse (it crashed). SKIP LOCKED lets many workers claim side by side.
 */
export async function claimJob(
  db: Db,
  kinds: string[],
  workerId: string,
  leaseSeconds: number,
): Promise<JobRow | undefined> {
  if (kinds.length === 0) return undefined;
  const r = await sql<JobRow>`
    update jobs.job set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
      locked_until = now() + make_interval(secs => ${leaseSeconds}), started_at = coalesce(started_at, now()),
      updated_at = now()
    where id = (
      select id from jobs.job
      where kind = any(${kinds}::text[])
        and ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
      order by run_at limit 1 for update skip locked)
    returning *`.execute(db);
  return r.rows[0];
}

/** Records progress and renews the lease; answers whether cancellation was asked for. */
export async function heartbeat(
  db: Db,
  id: string,
  workerId: string,
  p: { done: number; total: number | null; message: string | null },
  leaseSeconds: number,
): Promise<{ cancel: boolean; owned: boolean }> {
  const r = await sql<{ cancel_requested: boolean }>`
    update jobs.job set progress_done = ${p.done}, progress_total = ${p.total}, progress_message = ${p.message},
      locked_until = now() + make_interval(secs => ${leaseSeconds}), updated_at = now()
    where id = ${id} and locked_by = ${workerId} and status = 'running'
    returning cancel_requested`.execute(db);
  const row = r.rows[0];
  return { cancel: row?.cancel_requested ?? false, owned: row !== undefined };
}

export async function finishJob(
  db: Db,
  id: string,
  workerId: string,
  outcome:
    | { status: 'succeeded'; result: unknown }
    | { status: 'failed' | 'cancelled'; error: string }
    | { status: 'queued'; error: string; retryInSeconds: number },
): Promise<void> {
  const base = db.updateTable('jobs.job').where('id', '=', id).where('locked_by', '=', workerId);
  const common = { locked_by: null, locked_until: null, updated_at: sql<Date>`now()` };
  if (outcome.status === 'succeeded') {
    await base
      .set({
        ...common,
        status: 'succeeded',
        result: JSON.stringify(outcome.result ?? null),
        error: null,
        finished_at: sql`now()`,
      })
      .execute();
  } else if (outcome.status === 'queued') {
    await base
      .set({
        ...common,
        status: 'queued',
        error: outcome.error,
        run_at: sql`now() + make_interval(secs => ${outcome.retryInSeconds})`,
      })
      .execute();
  } else {
    await base
      .set({ ...common, status: outcome.status, error: outcome.error, finished_at: sql`now()` })
      .execute();
  }
}

/** Cancels a queued job at once, or flags a running one for its worker; returns the row after. */
export async function requestCancel(db: Db, id: string): Promise<JobRow | undefined> {
  const r = await sql<JobRow>`
    update jobs.job set
      status = case when status = 'queued' then 'cancelled' else status end,
      finished_at = case when status = 'queued' then now() else finished_at end,
      cancel_requested = true, updated_at = now()
    where id = ${id} and status in ('queued', 'running')
    returning *`.execute(db);
  return r.rows[0];
}
