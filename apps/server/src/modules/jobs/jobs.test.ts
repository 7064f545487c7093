import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInActor } from '../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { createWorker } from './index.ts';

let t: TestContext;
let admin: string;
let officer: string;
let viewer: string;
let officerActor: SignedInActor;
const calls: string[] = [];
let failuresLeft = 0;
let release: (() => void) | null = null;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('admin');
  officer = await t.login('officer');
  viewer = await t.login('viewer');
  const sid = officer.split('=')[1];
  officerActor = (await t.services.auth.actorFromSession(sid)) as SignedInActor;
  t.services.jobs.register<{ n: number }>(
    'test.count',
    async (ctx) => {
      calls.push(`count:${ctx.payload.n}:${ctx.attempt}`);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('flaky source');
      }
      for (let i = 1; i <= ctx.payload.n; i++) await ctx.progress(i, ctx.payload.n, `第 ${i} 批`);
      return { counted: ctx.payload.n };
    },
    { maxAttempts: 3, backoffSeconds: 0 },
  );
  t.services.jobs.register('test.wait', async (ctx) => {
    await new Promise<void>((r) => {
      release = r;
    });
    await ctx.progress(1, 1);
    return 'finished';
  });
});
afterAll(() => t.close());

const worker = () => createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
const getJob = (id: string, cookie = officer) =>
  t.app.inject({ url: `/api/v1/jobs/${id}`, headers: { cookie } });

describe('jobs', () => {
  it('runs a queued job, recording progress and result', async () => {
    const job = await t.services.jobs.enqueue(officerActor, 'test.count', { n: 3 });
    expect(job.status).toBe('queued');
    expect(await worker().runOnce()).toBe(true);
    const done = (await getJob(job.id)).json();
    expect(done).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      progress: { done: 3, total: 3, message: '第 3 批' },
      result: { counted: 3 },
    });
    expect(done.finishedAt).toBeTruthy();
    expect(await worker().runOnce()).toBe(false);
  });

  it('retries a failing job and gives up after its attempts', async () => {
    failuresLeft = 1;
    const flaky = await t.services.jobs.enqueue(officerActor, 'test.count', { n: 1 });
    const w = worker();
    await w.runOnce();
    expect((await getJob(flaky.id)).json()).toMatchObject({
      status: 'queued',
      attempts: 1,
      error: 'flaky source',
    });
    await w.runOnce();
    expect((await getJob(flaky.id)).json()).toMatchObject({ status: 'succeeded', attempts: 2 });

    failuresLeft = 5;
    const doomed = await t.services.jobs.enqueue(officerActor, 'test.count', { n: 1 });
    for (let i = 0; i < 3; i++) await w.runOnce();
    expect((await getJob(doomed.id)).json()).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: 'flaky source',
    });
    expect(await w.runOnce()).toBe(false);
    failuresLeft = 0;
  });

  it('waits out the backoff before retrying', async () => {
    t.services.jobs.register(
      'test.slow-retry',
      async () => {
        throw new Error('down');
      },
      { maxAttempts: 2, backoffSeconds: 3600 },
    );
    const job = await t.services.jobs.enqueue(officerActor, 'test.slow-retry', {});
    const w = worker();
    await w.runOnce();
    expect(await w.runOnce()).toBe(false);
    const row = await t.services.db
      .selectFrom('jobs.job')
      .select(['run_at', 'status'])
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('queued');
    expect(row.run_at.getTime()).toBeGreaterThan(Date.now() + 3000_000);
  });

  it('cancels a queued job at once and a running one at its next progress report', async () => {
    const queued = await t.services.jobs.enqueue(officerActor, 'test.count', { n: 1 });
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/jobs/${queued.id}/cancel`,
      headers: { cookie: officer },
    });
    expect(cancel.json()).toMatchObject({ status: 'cancelled', cancelRequested: true });
    expect(await worker().runOnce()).toBe(false);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/jobs/${queued.id}/cancel`,
      headers: { cookie: officer },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('job_finished');

    const running = await t.services.jobs.enqueue(officerActor, 'test.wait', {});
    const run = worker().runOnce();
    while (!release) await new Promise((r) => setTimeout(r, 10));
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/jobs/${running.id}/cancel`,
      headers: { cookie: officer },
    });
    release();
    await run;
    expect((await getJob(running.id)).json().status).toBe('cancelled');
  });

  it('takes over a job whose worker died (its lease lapsed)', async () => {
    const job = await t.services.jobs.enqueue(officerActor, 'test.count', { n: 2 });
    await sql`update jobs.job set status = 'running', attempts = 1, locked_by = 'dead-worker',
      locked_until = now() - interval '1 minute' where id = ${job.id}`.execute(t.services.db);
    expect(await worker().runOnce()).toBe(true);
    expect((await getJob(job.id)).json()).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('shows an organisation only its own jobs; the platform admin sees all', async () => {
    const job = await t.services.jobs.enqueue(officerActor, 'test.count', { n: 1 });
    const foreign = await getJob(job.id, viewer);
    expect(foreign.statusCode).toBe(404);
    const list = (await t.app.inject({ url: '/api/v1/jobs', headers: { cookie: viewer } })).json();
    expect(list.items.map((j: { id: string }) => j.id)).not.toContain(job.id);
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/jobs/${job.id}/cancel`,
      headers: { cookie: viewer },
    });
    expect(cancel.statusCode).toBe(404);
    expect((await getJob(job.id, admin)).statusCode).toBe(200);
    const own = (
      await t.app.inject({ url: '/api/v1/jobs?kind=test.count&limit=2', headers: { cookie: officer } })
    ).json();
    expect(own.items).toHaveLength(2);
    expect(own.nextCursor).toBeTruthy();
    expect((await t.app.inject({ url: '/api/v1/jobs' })).statusCode).toBe(401);
  });

  it('keeps polling in a started worker and stops cleanly', async () => {
    const w = worker().start();
    const job = await t.services.jobs.enqueue(officerActor, 'test.count', { n: 2 });
    let status = 'queued';
    for (let i = 0; i < 100 && status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await getJob(job.id)).json().status;
    }
    await w.stop();
    expect(status).toBe('succeeded');
    expect(calls.filter((c) => c.startsWith('count:')).length).toBeGreaterThan(3);
  });
});
