import type { QualityRule } from '@shuzhi/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { call, ledgerSince, ledgerSize, qualityWorld, resultOf, runJobs } from './test-fixtures.ts';

// Who may see and change quality, the ledger, the dashboard and the schedule, over one checked dataset.
const CODE = 'GA-QA-01';

let t: TestContext;
let w: Awaited<ReturnType<typeof qualityWorld>>;
let admin: string;
let officer: string;
let policeViewer: string;
let civilOfficer: string;
let persons: string;
let communities: string;
const rules = (cookie?: string) => w.rules(cookie);
const startAndRun = (datasetId?: string, cookie?: string) => w.startAndRun(datasetId, cookie);
const problems = (cookie?: string) => w.problems(cookie);

beforeAll(async () => {
  t = await createTestContext();
  w = await qualityWorld(t, CODE);
  ({ admin, officer, policeViewer, civilOfficer, persons, communities } = w);
  await startAndRun();
}, 120_000);
afterAll(() => t.close());

describe('who may do what', () => {
  it('keeps rules, problems and runs to the owner organisation; custom SQL to the admin', async () => {
    const rule = (await rules())[0] as QualityRule;
    expect((await call(t, civilOfficer, 'GET', `/datasets/${persons}/rules`)).statusCode).toBe(403);
    expect((await call(t, civilOfficer, 'GET', `/datasets/${persons}/problems`)).statusCode).toBe(403);
    expect((await call(t, civilOfficer, 'POST', `/datasets/${persons}/runs`)).statusCode).toBe(403);
    expect(
      (await call(t, civilOfficer, 'POST', `/datasets/${persons}/rules`, { kind: 'required', field: 'xm' }))
        .statusCode,
    ).toBe(403);
    expect((await call(t, civilOfficer, 'PATCH', `/rules/${rule.id}`, { enabled: false })).statusCode).toBe(
      404,
    );
    expect((await call(t, policeViewer, 'PATCH', `/rules/${rule.id}`, { enabled: false })).statusCode).toBe(
      403,
    );
    expect((await call(t, policeViewer, 'POST', `/datasets/${persons}/runs`)).statusCode).toBe(403);
    const custom = await call(t, officer, 'POST', `/datasets/${persons}/rules`, {
      kind: 'custom_sql',
      params: { sql: 'select sfzh from data."GA-QA-01"' },
    });
    expect(custom.statusCode).toBe(403);
    expect(custom.json().detail).toMatch(/platform_admin/);
    const latest = (await problems()).id;
    expect((await call(t, civilOfficer, 'GET', `/runs/${latest}`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/quality/datasets/${persons}` })).statusCode).toBe(401);
  });

  it('masks samples for members of the owner who do not fix the data, and writes every read to the ledger', async () => {
    const from = await ledgerSize(t);
    const masked = await problems(policeViewer);
    expect(masked.samplesMasked).toBe(true);
    const mobile = resultOf(masked, 'mobile', 'sjh').samples[0];
    expect(mobile?.values.sjh).toBe('120****5678');
    // The resident ID is graded high (L4): it leaves only as a keyed hash.
    expect(mobile?.key.sfzh).not.toBe('440524188001010014');
    expect(mobile?.key.sfzh).toMatch(/^[0-9a-f]{16,}$/);
    const clear = await problems(officer);
    expect(resultOf(clear, 'mobile', 'sjh').samples[0]?.values.sjh).toBe('12012345678');
    const reads = (await ledgerSince(t, from)).filter((e) => e.action === 'quality.samples_read');
    expect(reads.map((e) => (e.details as { masked: boolean }).masked)).toEqual([true, false]);
    expect(reads[0]).toMatchObject({ dataset: 'GA-QA-01', purpose: 'data quality' });
    expect(((reads[0]?.subjects ?? []) as string[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(reads)).not.toContain('440524188001010014');
  });

  it('shows the admin clear values but for L4, which only the owner’s data officer sees whole', async () => {
    const from = await ledgerSize(t);
    const seen = await problems(admin);
    const sample = resultOf(seen, 'mobile', 'sjh').samples[0];
    expect(sample?.values.sjh).toBe('12012345678');
    // 公民身份号码 is graded high (L4): not shared with the platform either, only its keyed hash.
    expect(sample?.key.sfzh).toMatch(/^[0-9a-f]{64}$/);
    expect(seen.samplesMasked).toBe(true);
    const whole = await problems(officer);
    expect(resultOf(whole, 'mobile', 'sjh').samples[0]?.key.sfzh).toBe('440524188001010014');
    expect(whole.samplesMasked).toBe(false);
    const reads = (await ledgerSince(t, from)).filter((e) => e.action === 'quality.samples_read');
    expect(
      reads.map((e) => [(e.actor as { name: string }).name, (e.details as { masked: boolean }).masked]),
    ).toEqual([
      ['admin', true],
      ['officer', false],
    ]);
    expect(reads[0]?.fields).toContain('sfzh');
  });

  it('writes rule changes and manual runs to the ledger', async () => {
    const from = await ledgerSize(t);
    const r = await call(t, officer, 'POST', `/datasets/${persons}/rules`, { kind: 'required', field: 'zt' });
    await call(t, officer, 'PATCH', `/rules/${r.json().id}`, { severity: 'warning' });
    await call(t, officer, 'DELETE', `/rules/${r.json().id}`);
    await call(t, officer, 'POST', `/datasets/${persons}/runs`);
    await runJobs(t);
    const actions = (await ledgerSince(t, from)).map((e) => e.action);
    expect(actions).toEqual([
      'quality.rule_create',
      'quality.rule_update',
      'quality.rule_delete',
      'quality.run_start',
    ]);
  });
});

describe('dashboard and schedule', () => {
  it('scores organisations from their datasets’ latest runs, with a daily trend', async () => {
    const mine = await call(t, officer, 'GET', '/dashboard');
    expect(mine.statusCode, mine.body).toBe(200);
    const d = mine.json();
    expect(d.scope.orgName).toBe('杭州市公安局');
    expect(d.datasets.map((x: { datasetCode: string }) => x.datasetCode)).toContain('GA-QA-01');
    expect(d.orgs).toHaveLength(1);
    expect(d.trend.length).toBeGreaterThanOrEqual(1);
    expect(d.problems.some((p: { kind: string }) => p.kind === 'resident_id')).toBe(true);
    const police = d.scope.orgId;
    expect((await call(t, civilOfficer, 'GET', `/dashboard?org=${police}`)).statusCode).toBe(403);
    const civil = (await call(t, civilOfficer, 'GET', '/dashboard')).json();
    expect(civil.datasets).toEqual([]);
    const all = (await call(t, admin, 'GET', '/dashboard')).json();
    expect(all.scope.orgId).toBeNull();
    expect(all.datasets.map((x: { datasetCode: string }) => x.datasetCode)).toContain('GA-QA-01');
    expect(all.totals.problems).toBeGreaterThan(0);
  });

  it('queues a run after every successful import', async () => {
    const before = (await call(t, officer, 'GET', `/datasets/${communities}/runs`)).json().items.length;
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/ingest/datasets/${communities}/imports?mode=upsert&filename=sq.csv`,
      headers: { cookie: officer, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('社区代码,社区名称\n330106001003,北山街道社区三\n'),
    });
    expect(up.statusCode, up.body).toBe(202);
    await runJobs(t);
    const runs = (await call(t, officer, 'GET', `/datasets/${communities}/runs`)).json().items;
    expect(runs.length).toBe(before + 1);
    expect(runs[0]).toMatchObject({ trigger: 'import', status: 'succeeded', rowCount: 3 });
  });

  it('schedules itself with deferred jobs and queues runs of datasets checked longer ago than their period', async () => {
    const s = t.services.quality.scheduler;
    // Runs so far started the chain: one head, deferred by the schedule period.
    const head = await t.services.db.selectFrom('quality.schedule').selectAll().executeTakeFirstOrThrow();
    const job = await t.services.db
      .selectFrom('jobs.job')
      .selectAll()
      .where('id', '=', head.job_id)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ kind: 'quality.schedule', status: 'queued' });
    expect(job.run_at.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    await t.services.quality.ensureSchedule();
    expect(
      (await t.services.db.selectFrom('quality.schedule').selectAll().executeTakeFirstOrThrow()).job_id,
    ).toBe(head.job_id);

    const dueCodes = async () => (await s.due()).map((d) => d.code);
    expect(await dueCodes()).not.toContain('GA-QA-01');
    await sql`update quality.run set created_at = now() - interval '25 hours' where dataset_code = 'GA-QA-01'`.execute(
      t.services.db,
    );
    expect(await dueCodes()).toContain('GA-QA-01');

    // Make the head due: it queues the run and the next link, deferred again.
    await sql`update jobs.job set run_at = now() where id = ${head.job_id}`.execute(t.services.db);
    await runJobs(t);
    const done = await t.services.jobs.getJob({ ...(await adminActor()) }, head.job_id);
    expect(done.status).toBe('succeeded');
    expect((done.result as { queued: string[] }).queued).toContain('GA-QA-01');
    const runs = (await call(t, officer, 'GET', `/datasets/${persons}/runs?limit=1`)).json().items;
    expect(runs[0]).toMatchObject({ trigger: 'schedule', status: 'succeeded' });
    const next = await t.services.db.selectFrom('quality.schedule').selectAll().executeTakeFirstOrThrow();
    expect(next.job_id).not.toBe(head.job_id);
    expect(next.run_at.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);

    // A stray link (not the head) ends without extending the chain.
    const stray = await t.services.jobs.enqueue(null, 'quality.schedule', {});
    await runJobs(t);
    expect((await t.services.jobs.getJob(await adminActor(), stray.id)).result).toEqual({ superseded: true });
    expect(
      (await t.services.db.selectFrom('quality.schedule').selectAll().executeTakeFirstOrThrow()).job_id,
    ).toBe(next.job_id);
  });
});

async function adminActor() {
  const sid = admin.split('=')[1];
  const a = await t.services.auth.actorFromSession(sid);
  if (a.kind === 'anonymous') throw new Error('admin not signed in');
  return a;
}
