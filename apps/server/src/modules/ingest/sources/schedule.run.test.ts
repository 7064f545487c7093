import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PullSourceInput, PullSourceUpdate } from '@shuzhi/contracts';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInActor } from '../../../platform/actor.ts';
import { publishDataset } from '../../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../../testing/harness.ts';
import { createJobsService, createWorker, type JobsService } from '../../jobs/index.ts';
import { createIngestAccess } from '../ingest.access.ts';
import { SCHEDULED_PULL_JOB } from './schedule.service.ts';
import { createSourcesService, type SourcesService } from './sources.service.ts';

/*
 * The scheduler's clock is injected: the test sets it to a Beijing time of its choosing, in the past,
 * so the jobs it queues are already due for the worker (which compares with the database's clock)
 * while the schedule computes from the injected time. No test waits for time to pass.
 */
let t: TestContext;
let officer: SignedInActor;
let datasetId: string;
let server: Server;
let base: string;
let clock = new Date();
/** The slow endpoint calls `arrived` when asked, and answers once `gate` resolves. */
let arrived: () => void = () => {};
let gate: Promise<void> = Promise.resolve();
const credentialKey = randomBytes(32).toString('base64url');
const people = [
  { id_number: 'P1', name: '甲' },
  { id_number: 'P2', name: '乙' },
  { id_number: 'P3', name: '丙' },
];

const bj = (local: string) => new Date(`${local}+08:00`);

/** A sources service as one server process builds it, with the test's clock. */
function serverProcess(): {
  jobs: JobsService;
  sources: SourcesService;
  worker: { runOnce: () => Promise<boolean> };
} {
  const db = t.services.db;
  const jobs = createJobsService({ db });
  const datasets = {
    getDataset: t.services.catalog.service.getDataset,
    findDatasetById: t.services.catalog.findDatasetById,
  };
  const sources = createSourcesService({
    db,
    jobs,
    ledger: t.services.ledger,
    access: createIngestAccess({ db, datasets }),
    datasets,
    mappings: t.services.ingest.mappings,
    run: t.services.ingest.run,
    uploadDir: join(tmpdir(), `shuzhi-schedule-${process.pid}`),
    credentialKey,
    allowedHosts: '127.0.0.1',
    now: () => clock,
  });
  return { jobs, sources, worker: createWorker({ db, kinds: jobs.kinds, log: t.app.log }) };
}
let p: ReturnType<typeof serverProcess>;

const http = (path: string) => ({ kind: 'http', url: `${base}${path}`, timeoutSeconds: 10 });
const create = (name: string, path: string, schedule: object | null) =>
  p.sources.createSource(
    officer,
    datasetId,
    PullSourceInput.parse({ name, config: http(path), schedule }),
    'en',
  );
const update = (id: string, name: string, path: string, more: object) =>
  p.sources.updateSource(
    officer,
    datasetId,
    id,
    PullSourceUpdate.parse({ name, config: http(path), ...more }),
    'en',
  );
const get = (id: string) => p.sources.getSource(officer, datasetId, id, 'en');
/** The scheduled runs waiting for a source. */
const waiting = async (sourceId: string) =>
  (
    await sql<{ id: string; run_at: Date }>`select id, run_at from jobs.job
      where kind = ${SCHEDULED_PULL_JOB} and status = 'queued' and payload->>'sourceId' = ${sourceId}`.execute(
      t.services.db,
    )
  ).rows;
const jobStatus = async (id: string) => (await p.jobs.getJob(officer, id)).status;
const loaded = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from data."GA-SCHED-01"`.execute(t.services.db)).rows[0]
    ?.n;

beforeAll(async () => {
  t = await createTestContext({ SHUZHI_PULL_ALLOWED_HOSTS: '127.0.0.1' });
  const [cookie, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
  datasetId = await publishDataset(
    t,
    { officer: cookie, admin },
    {
      code: 'GA-SCHED-01',
      name: '定时拉取测试',
      fields: [
        { name: 'id_number', title: '公民身份号码', type: 'string', key: true },
        { name: 'name', title: '姓名', type: 'string' },
      ],
    },
  );
  const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json();
  officer = {
    kind: 'user',
    id: me.user.id,
    name: me.user.displayName,
    orgId: me.org.id,
    orgName: me.org.name,
    roles: me.roles,
    areaCode: me.areaCode,
    areaPath: me.areaCode,
  };
  server = createServer((req, res) => {
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/people') return json(people);
    if (req.url === '/slow') {
      arrived();
      return void gate.then(() => json(people.slice(0, 1)));
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>维护中</html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  p = serverProcess();
});
afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  await t?.close();
});
afterEach(async () => {
  // Every scheduled job is due at once for the worker: a test's sources must not outlive it.
  for (const s of (await p.sources.listSources(officer, datasetId, 'en')).items) {
    await p.sources.deleteSource(officer, datasetId, s.id);
    expect(await waiting(s.id)).toEqual([]);
  }
});

describe('a scheduled pull', () => {
  it('runs when due, imports like a manual pull, and queues the next run on its grid', async () => {
    clock = bj('2026-03-02T09:58:00');
    const src = await create('every5', '/people', { kind: 'interval', every: 5 });
    expect(src.schedule).toEqual({ kind: 'interval', every: 5, unit: 'minutes', enabled: true });
    expect(src.nextRunAt).toBe(bj('2026-03-02T10:03:00').toISOString());
    expect(src.lastScheduledRun).toBeNull();
    const [first, ...more] = await waiting(src.id);
    expect(more).toEqual([]);

    clock = bj('2026-03-02T10:03:20');
    expect(await p.worker.runOnce()).toBe(true);
    const after = await get(src.id);
    expect(after.lastRun).toMatchObject({ status: 'succeeded', records: 3, jobId: first?.id });
    expect(after.lastScheduledRun).toMatchObject({
      at: clock.toISOString(),
      status: 'succeeded',
      importId: after.lastRun?.importId,
      error: null,
    });
    expect(after.lastScheduledRun?.importId).toBeTruthy();
    expect(await loaded()).toBe(3);
    // The run took 20 s: the next is still on the five-minute grid, and the only one waiting.
    expect(after.nextRunAt).toBe(bj('2026-03-02T10:08:00').toISOString());
    const next = await waiting(src.id);
    expect(next).toHaveLength(1);
    expect(next[0]?.id).not.toBe(first?.id);
    expect(next[0]?.run_at.toISOString()).toBe(after.nextRunAt);
    expect(await jobStatus(first?.id as string)).toBe('succeeded');

    await t.services.ledger.drain();
    const entries = (
      await sql<{ body: Uint8Array }>`select body from ledger.entry order by idx desc limit 20`.execute(
        t.services.db,
      )
    ).rows.map((r) => JSON.parse(Buffer.from(r.body).toString()));
    expect(
      entries.find((e) => e.action === 'ingest.source_run' && e.details.source === src.id),
    ).toMatchObject({ actor: { name: officer.name }, details: { job: first?.id, scheduled: true } });
  });

  it('records a failure with its reason, and still queues the next run', async () => {
    clock = bj('2026-03-02T01:00:00');
    const src = await create('nightly', '/maintenance', { kind: 'daily', time: '02:00' });
    expect(src.nextRunAt).toBe(bj('2026-03-02T02:00:00').toISOString());
    // This server's clock lags the database's by two seconds: tonight's 02:00 must not come again.
    clock = bj('2026-03-02T01:59:58');
    expect(await p.worker.runOnce()).toBe(true);
    const after = await get(src.id);
    expect(after.lastRun?.status).toBe('failed');
    expect(after.lastScheduledRun).toMatchObject({ status: 'failed', importId: null });
    expect(after.lastScheduledRun?.error).toBe(after.lastRun?.error);
    expect(after.lastScheduledRun?.error).toMatch(/JSON/);
    expect(after.nextRunAt).toBe(bj('2026-03-03T02:00:00').toISOString());
    expect(await waiting(src.id)).toHaveLength(1);
    const zh = await p.sources.getSource(officer, datasetId, src.id, 'zh-CN');
    expect(zh.lastScheduledRun?.error).toMatch(/[\u4e00-\u9fff]/);
  });

  it('is skipped, and recorded as skipped, when due while another pull of the source is going', async () => {
    clock = bj('2026-03-02T10:00:00');
    const src = await create('busy', '/slow', { kind: 'interval', every: 5 });
    const [scheduled] = await waiting(src.id);
    // A pull asked for by hand, held open by the source server while the scheduled run falls due.
    const manual = await p.sources.runSource(officer, datasetId, src.id, 'en');
    const asked = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    let open = () => {};
    gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const pullOnly = createWorker({
      db: t.services.db,
      kinds: new Map([['ingest.pull', p.jobs.kinds.get('ingest.pull') as never]]),
      log: t.app.log,
    });
    const manualRun = pullOnly.runOnce();
    await asked;
    expect((await get(src.id)).lastRun).toMatchObject({ status: 'running', jobId: manual.lastRun?.jobId });

    clock = bj('2026-03-02T10:05:01');
    expect(await p.worker.runOnce()).toBe(true);
    const during = await get(src.id);
    expect(during.lastScheduledRun).toMatchObject({ status: 'skipped', importId: null });
    expect(during.lastScheduledRun?.error).toContain('still going');
    expect(during.lastRun).toMatchObject({ status: 'running', jobId: manual.lastRun?.jobId });
    expect(during.nextRunAt).toBe(bj('2026-03-02T10:10:00').toISOString());
    expect(await jobStatus(scheduled?.id as string)).toBe('succeeded');
    expect(await waiting(src.id)).toHaveLength(1);

    open();
    expect(await manualRun).toBe(true);
    expect((await get(src.id)).lastRun).toMatchObject({ status: 'succeeded', records: 1 });
  });

  it('changed, replaces its waiting run; the same schedule keeps it; switched off, cancels it', async () => {
    clock = bj('2026-03-02T12:00:00');
    const src = await create('weekly', '/people', { kind: 'weekly', weekday: 'mon', time: '09:00' });
    expect(src.nextRunAt).toBe(bj('2026-03-09T09:00:00').toISOString());
    const [a] = await waiting(src.id);

    clock = bj('2026-03-02T12:30:00');
    expect((await update(src.id, 'weekly', '/people', {})).nextRunAt).toBe(src.nextRunAt);
    const same = await update(src.id, 'weekly 2', '/people', {
      schedule: { kind: 'weekly', weekday: 'MON', time: '9:00' },
    });
    expect(same).toMatchObject({ name: 'weekly 2', nextRunAt: src.nextRunAt });
    expect((await waiting(src.id)).map((j) => j.id)).toEqual([a?.id]);

    const daily = await update(src.id, 'weekly 2', '/people', { schedule: { kind: 'daily', time: '18:30' } });
    expect(daily.schedule).toEqual({ kind: 'daily', time: '18:30', enabled: true });
    expect(daily.nextRunAt).toBe(bj('2026-03-02T18:30:00').toISOString());
    expect(await jobStatus(a?.id as string)).toBe('cancelled');
    const [b, ...more] = await waiting(src.id);
    expect(more).toEqual([]);
    // Had the replaced run started before it was cancelled, it would find itself replaced and do nothing.
    const replaced = p.jobs.kinds.get(SCHEDULED_PULL_JOB);
    const ctx = {
      id: a?.id as string,
      payload: { sourceId: src.id, dueAt: src.nextRunAt },
      attempt: 1,
      progress: async () => {},
      signal: new AbortController().signal,
    };
    expect(await replaced?.handler(ctx as never)).toEqual({ superseded: true });
    expect((await get(src.id)).lastRun).toBeNull();
    expect((await waiting(src.id)).map((j) => j.id)).toEqual([b?.id]);

    const off = await update(src.id, 'weekly 2', '/people', {
      schedule: { kind: 'daily', time: '18:30', enabled: false },
    });
    expect(off).toMatchObject({ schedule: { enabled: false }, nextRunAt: null });
    expect(await jobStatus(b?.id as string)).toBe('cancelled');
    expect(await waiting(src.id)).toEqual([]);
    expect(await p.worker.runOnce()).toBe(false);
    expect((await get(src.id)).lastRun).toBeNull();

    const on = await update(src.id, 'weekly 2', '/people', { schedule: { kind: 'daily', time: '18:30' } });
    expect(on.nextRunAt).toBe(bj('2026-03-02T18:30:00').toISOString());
    expect(await waiting(src.id)).toHaveLength(1);
    const none = await update(src.id, 'weekly 2', '/people', { schedule: null });
    expect(none).toMatchObject({ schedule: null, nextRunAt: null });
    expect(await waiting(src.id)).toEqual([]);
  });

  it('survives a restart, and a run cancelled from the jobs list comes back at the next start', async () => {
    clock = bj('2026-03-02T08:00:00');
    const src = await create('restart', '/people', { kind: 'interval', every: 1, unit: 'hours' });
    // Another process over the same database: the schedule lives in its tables, not in memory.
    p = serverProcess();
    expect(await p.sources.ensureSchedules()).toBe(0);
    clock = bj('2026-03-02T09:00:02');
    expect(await p.worker.runOnce()).toBe(true);
    const ran = await get(src.id);
    expect(ran.lastScheduledRun?.status).toBe('succeeded');
    expect(ran.nextRunAt).toBe(bj('2026-03-02T10:00:00').toISOString());

    const [pending] = await waiting(src.id);
    await p.jobs.cancel(officer, pending?.id as string);
    expect((await get(src.id)).nextRunAt).toBeNull();
    p = serverProcess();
    clock = bj('2026-03-02T09:20:00');
    expect(await p.sources.ensureSchedules()).toBe(1);
    expect(await p.sources.ensureSchedules()).toBe(0);
    expect((await get(src.id)).nextRunAt).toBe(bj('2026-03-02T10:00:00').toISOString());
    expect(await waiting(src.id)).toHaveLength(1);
  });
});
