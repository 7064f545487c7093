import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../../testing/harness.ts';
import { SCHEDULED_PULL_JOB } from './schedule.service.ts';

let t: TestContext;
let officer: string; // 杭州市公安局 data_officer
let admin: string;
let viewer: string; // 杭州市民政局 viewer
let otherOfficer: string; // 杭州市民政局 data_officer
let datasetId: string;

const config = { kind: 'http', url: 'http://127.0.0.1:9/records' };
const api = (
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  locale = 'en',
) =>
  t.app.inject({
    method,
    url: `/api/v1/ingest/datasets/${datasetId}/sources${url}`,
    headers: { cookie, 'accept-language': locale },
    ...(payload ? { payload } : {}),
  });
const waiting = async (sourceId: string) =>
  (
    await sql<{ id: string }>`select id from jobs.job
      where kind = ${SCHEDULED_PULL_JOB} and status = 'queued' and payload->>'sourceId' = ${sourceId}`.execute(
      t.services.db,
    )
  ).rows;
/** The Beijing wall-clock weekday and time of an instant. */
const beijing = (iso: string) => {
  const local = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return { day: local.getUTCDay(), time: local.toISOString().slice(11, 16) };
};

beforeAll(async () => {
  t = await createTestContext({ SHUZHI_PULL_ALLOWED_HOSTS: '127.0.0.1' });
  [officer, admin, viewer] = await Promise.all([t.login('officer'), t.login('admin'), t.login('viewer')]);
  const orgs = (await t.app.inject({ url: '/api/v1/orgs?limit=200' })).json().items as {
    id: string;
    name: string;
  }[];
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/users',
    headers: { cookie: admin },
    payload: {
      username: 'mz.officer',
      displayName: '民政局数据专员',
      password: 'Start2026pass',
      grants: [{ orgId: orgs.find((o) => o.name === '杭州市民政局')?.id, role: 'data_officer' }],
    },
  });
  expect(created.statusCode).toBe(201);
  otherOfficer = await t.login('mz.officer', 'Start2026pass');
  datasetId = await publishDataset(
    t,
    { officer, admin },
    {
      code: 'GA-SCHED-02',
      name: '定时拉取接口测试',
      fields: [{ name: 'id_number', title: '公民身份号码', type: 'string', key: true }],
    },
  );
});
afterAll(() => t?.close());

describe('a source’s schedule through the API', () => {
  let sourceId: string;

  it('is set with the source and answered with its next run in Beijing time', async () => {
    const res = await api(officer, 'POST', '', {
      name: 'weekly',
      config,
      schedule: { kind: 'weekly', weekday: 'fri', time: '7:30' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const src = res.json();
    sourceId = src.id;
    expect(src.schedule).toEqual({ kind: 'weekly', weekday: 'fri', time: '07:30', enabled: true });
    expect(src.lastScheduledRun).toBeNull();
    expect(Date.parse(src.nextRunAt)).toBeGreaterThan(Date.now());
    expect(Date.parse(src.nextRunAt) - Date.now()).toBeLessThanOrEqual(7 * 24 * 3600_000);
    expect(beijing(src.nextRunAt)).toEqual({ day: 5, time: '07:30' });
    expect(await waiting(src.id)).toHaveLength(1);
    const plain = await api(officer, 'POST', '', { name: 'by hand', config });
    expect(plain.json()).toMatchObject({ schedule: null, nextRunAt: null, lastScheduledRun: null });
  });

  it('refuses bad schedules in the caller’s language and changes nothing', async () => {
    const before = (await api(officer, 'GET', `/${sourceId}`)).json();
    const bad = [
      [{ kind: 'interval', every: 4, unit: 'minutes' }, '不能少于 5 分钟', 'at least 5 minutes'],
      [{ kind: 'daily', time: '24:10' }, '00:00 至 23:59', 'between 00:00 and 23:59'],
      [
        { kind: 'weekly', weekday: 'funday', time: '08:00' },
        '星期「funday」无效',
        'unknown weekday "funday"',
      ],
    ] as const;
    for (const [schedule, zh, en] of bad) {
      for (const [method, url] of [
        ['POST', ''],
        ['PUT', `/${sourceId}`],
      ] as const) {
        const body = { name: method === 'POST' ? 'another' : 'renamed', config, schedule };
        const inZh = await api(officer, method, url, body, 'zh-CN');
        expect(inZh.statusCode, `${method} ${JSON.stringify(schedule)}`).toBe(400);
        expect(inZh.json()).toMatchObject({ code: 'source_schedule_invalid' });
        expect(inZh.json().detail).toContain(zh);
        const inEn = await api(officer, method, url, body, 'en');
        expect(inEn.statusCode).toBe(400);
        expect(inEn.json().detail).toContain(en);
      }
    }
    // A unit the schema does not know is refused before the service sees it.
    const unit = await api(officer, 'POST', '', {
      name: 'another',
      config,
      schedule: { kind: 'interval', every: 1, unit: 'days' },
    });
    expect(unit.statusCode).toBe(400);
    expect(unit.json()).toMatchObject({ code: 'validation_failed' });
    const names = (await api(officer, 'GET', '')).json().items.map((s: { name: string }) => s.name);
    expect(names.sort()).toEqual(['by hand', 'weekly']);
    expect((await api(officer, 'GET', `/${sourceId}`)).json()).toEqual(before);
    expect(await waiting(sourceId)).toHaveLength(1);
  });

  it('stays when an update leaves it out, and goes when it is cleared', async () => {
    const [job] = await waiting(sourceId);
    const kept = await api(officer, 'PUT', `/${sourceId}`, { name: 'weekly', config, mode: 'append' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ mode: 'append', schedule: { kind: 'weekly', weekday: 'fri' } });
    expect(await waiting(sourceId)).toEqual([job]);
    const cleared = await api(officer, 'PUT', `/${sourceId}`, { name: 'weekly', config, schedule: null });
    expect(cleared.json()).toMatchObject({ schedule: null, nextRunAt: null });
    expect(await waiting(sourceId)).toEqual([]);
  });

  it('belongs to the owner organisation’s data officer and the admin', async () => {
    const every = { kind: 'interval', every: 2, unit: 'hours' };
    for (const cookie of [otherOfficer, viewer]) {
      expect((await api(cookie, 'GET', `/${sourceId}`)).statusCode).toBe(403);
      const put = await api(cookie, 'PUT', `/${sourceId}`, { name: 'weekly', config, schedule: every });
      expect(put.statusCode).toBe(403);
      const post = await api(cookie, 'POST', '', { name: 'theirs', config, schedule: every });
      expect(post.statusCode).toBe(403);
    }
    expect((await api(officer, 'GET', `/${sourceId}`)).json()).toMatchObject({ schedule: null });
    expect(await waiting(sourceId)).toEqual([]);

    const byAdmin = await api(admin, 'PUT', `/${sourceId}`, { name: 'weekly', config, schedule: every });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json().schedule).toEqual({ ...every, enabled: true });
    expect(await waiting(sourceId)).toHaveLength(1);

    await t.services.ledger.drain();
    const entries = (
      await sql<{ body: Uint8Array }>`select body from ledger.entry order by idx desc limit 20`.execute(
        t.services.db,
      )
    ).rows.map((r) => JSON.parse(Buffer.from(r.body).toString()));
    expect(
      entries.find((e) => e.action === 'ingest.source_update' && e.details.source === sourceId),
    ).toMatchObject({ details: { schedule: { kind: 'interval', every: 2, unit: 'hours' } } });

    // Deleting the source takes its waiting run with it.
    expect((await api(officer, 'DELETE', `/${sourceId}`)).statusCode).toBe(204);
    expect(await waiting(sourceId)).toEqual([]);
  });
});
