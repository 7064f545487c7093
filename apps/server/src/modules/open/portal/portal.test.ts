import type {
  PortalDatasetProfile,
  PortalDatasetStats,
  PortalOrganization,
  PortalSearchResult,
  PortalSummary,
} from '@shuzhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../../testing/datasets.ts';
import { createWorker } from '../../jobs/index.ts';
import { openFixture } from '../open.fixtures.ts';
import { resourceIdOf } from '../open.names.ts';

let f: Awaited<ReturnType<typeof openFixture>>;
let t: Awaited<ReturnType<typeof openFixture>>['t'];
const get = (path: string, lang = 'zh-CN') =>
  t.app.inject({ url: `/api/v1/open/portal${path}`, headers: { 'accept-language': lang } });
const search = async (query: string) => {
  const res = await get(`/datasets?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PortalSearchResult;
};

/**
 * The open fixture (OPEN-AIR.01 loaded with 4 rows, OPEN-BUS-02 empty, a conditional and a closed
 * copy of the air data) plus an open dataset whose numeric income field is personal and a
 * conditionally open one graded L4 (core data, never listed).
 */
beforeAll(async () => {
  f = await openFixture();
  t = f.t;
  const [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
  const payId = await publishDataset(
    t,
    { officer, admin },
    {
      code: 'OPEN-PAY-05',
      name: '社区住户统计',
      theme: 'society',
      updateFrequency: 'monthly',
      openType: 'unconditional',
      level: 'L2',
      fields: [
        { name: 'community', title: '社区', type: 'string', key: true },
        { name: 'households', title: '户数', type: 'integer' },
        { name: 'income', title: '户均收入', type: 'integer', sensitivity: 'medium' },
      ],
    },
  );
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/ingest/datasets/${payId}/imports?mode=upsert&filename=pay.csv`,
    headers: { cookie: officer, 'content-type': 'application/octet-stream' },
    payload: Buffer.from('社区,户数,户均收入\nA,120,91000\nB,80,150000\nC,,70000\n'),
  });
  expect(res.statusCode).toBe(202);
  await t.services.ingest.run(res.json().id, async () => {});
  await publishDataset(
    t,
    { officer, admin },
    {
      code: 'COND-CORE-06',
      name: '电网核心节点空气监测',
      theme: 'environment',
      openType: 'conditional',
      level: 'L4',
      tags: ['空气'],
      fields: [{ name: 'node', title: '节点', type: 'string', key: true }],
    },
  );
  // Imports queue quality runs: run them, so that the scores exist.
  const worker = createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
  while (await worker.runOnce()) {}
});
afterAll(() => t.close());

describe('home summary', () => {
  it('counts listed datasets by open type, loaded APIs, records, organisations and downloads; lists themes, latest and popular', async () => {
    expect((await t.app.inject({ url: '/api/v1/open/datasets/OPEN-AIR.01/download.csv' })).statusCode).toBe(
      200,
    );
    const res = await get('/summary');
    expect(res.statusCode).toBe(200);
    const s = res.json() as PortalSummary;
    // Records: 4 air rows, 3 households, and the conditional copy's 4 (its size is metadata).
    expect(s.figures).toEqual({
      datasets: 4,
      unconditional: 3,
      conditional: 1,
      apis: 2,
      records: 11,
      organizations: 1,
      downloads: 1,
    });
    expect(s.themes).toEqual([
      { theme: 'environment', count: 2 },
      { theme: 'society', count: 1 },
      { theme: 'transport', count: 1 },
    ]);
    expect(s.latest.map((c) => c.code).sort()).toEqual([
      'COND-X-03',
      'OPEN-AIR.01',
      'OPEN-BUS-02',
      'OPEN-PAY-05',
    ]);
    expect(s.popular.map((c) => c.code)).toEqual(['OPEN-AIR.01']);
    const air = s.latest.find((c) => c.code === 'OPEN-AIR.01');
    expect(air).toMatchObject({ name: 'open-air-01', records: 4, theme: 'environment', level: 'L1' });
    expect(air?.formats).toEqual(['CSV', 'JSON', 'XLSX', 'API']);
    expect(air?.organization.name).toBe(f.orgSlug);
    expect(s.latest.find((c) => c.code === 'COND-X-03')).toMatchObject({
      openType: 'conditional',
      formats: [],
    });
  });
});

describe('search', () => {
  it('finds listed datasets only (open unconditionally or on conditions, never L4), by text, with every facet', async () => {
    const r = await search('q=空气');
    expect(r.total).toBe(2);
    expect(r.items.map((i) => i.code).sort()).toEqual(['COND-X-03', 'OPEN-AIR.01']);
    expect(r.facets.organization).toEqual([expect.objectContaining({ value: f.orgSlug, count: 2 })]);
    expect(r.facets.openType).toEqual([
      { value: 'conditional', count: 1 },
      { value: 'unconditional', count: 1 },
    ]);
    // Only the unconditionally open match downloads.
    expect(r.facets.format).toEqual(['CSV', 'JSON', 'XLSX', 'API'].map((value) => ({ value, count: 1 })));
    const all = await search('');
    expect(all.total).toBe(4);
    expect(all.items.map((i) => i.code)).not.toContain('COND-CORE-06');
    expect(all.items.map((i) => i.code)).not.toContain('NONE-X-04');
    expect(all.facets.level).toEqual([
      { value: 'L1', count: 2 },
      { value: 'L2', count: 2 },
    ]);
    expect(all.facets.updateFrequency).toEqual([
      { value: 'daily', count: 3 },
      { value: 'monthly', count: 1 },
    ]);
  });

  it('filters by organisation, theme, level, frequency, open type and format; keeps the other values of a chosen facet', async () => {
    const env = await search('theme=environment');
    expect(env.items.map((i) => i.code).sort()).toEqual(['COND-X-03', 'OPEN-AIR.01']);
    // The theme facet still counts the themes the user may switch to.
    expect(env.facets.theme?.map((x) => x.value).sort()).toEqual(['environment', 'society', 'transport']);
    expect(env.facets.level).toEqual([
      { value: 'L1', count: 1 },
      { value: 'L2', count: 1 },
    ]);
    expect((await search('level=L2')).items.map((i) => i.code).sort()).toEqual(['COND-X-03', 'OPEN-PAY-05']);
    expect((await search('updateFrequency=monthly&level=L1')).total).toBe(0);
    expect((await search(`organization=${f.orgSlug}&format=XLSX`)).total).toBe(3);
    expect((await search('organization=000000000000000000')).total).toBe(0);
    const cond = await search('openType=conditional');
    expect(cond.items.map((i) => i.code)).toEqual(['COND-X-03']);
    // The open-type facet keeps both values while one is chosen.
    expect(cond.facets.openType?.map((x) => x.value)).toEqual(['unconditional', 'conditional']);
    expect((await search('openType=unconditional')).total).toBe(3);
    expect((await search('openType=none')).total).toBe(0);
    expect((await search('openType=conditional&format=CSV')).total).toBe(0);
  });

  it('sorts and pages', async () => {
    const byTitle = await search('sort=title&size=3');
    expect(byTitle.items).toHaveLength(3);
    const next = await search('sort=title&size=3&page=2');
    expect(next.items).toHaveLength(1);
    const codes = [...byTitle.items, ...next.items].map((i) => i.code);
    expect(new Set(codes).size).toBe(4);
    expect((await search('sort=modified&size=1')).items[0]?.code).toBe('OPEN-PAY-05');
  });

  it('refuses bad parameters with a localised 400 and changes nothing', async () => {
    const zh = await get('/datasets?level=L9');
    expect(zh.statusCode).toBe(400);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json().detail).toMatch(/请求参数有误/);
    const en = await get('/datasets?page=0&sort=random', 'en');
    expect(en.statusCode).toBe(400);
    expect(en.json().detail).toMatch(/The request is invalid/);
  });
});

describe('dataset profile', () => {
  it('shows the attributes, open fields only, the row count, the latest quality score and the update history (counts and dates)', async () => {
    const res = await get('/datasets/open-air-01');
    expect(res.statusCode).toBe(200);
    const p = res.json() as PortalDatasetProfile;
    expect(p.dataset).toMatchObject({
      code: 'OPEN-AIR.01',
      title: '空气质量日报',
      titleEn: 'Daily air quality',
      openType: 'unconditional',
      organization: { name: f.orgSlug },
    });
    expect(p.contact).toEqual({ name: '环境处', phone: '0571-1234567', email: 'air@example.gov.cn' });
    expect(p.resourceId).toBe(resourceIdOf(f.airId));
    expect(p.fields.map((x) => x.name)).toEqual(['station', 'city', 'pm25', 'ratio', 'day']);
    expect(p.fields[0]).toMatchObject({ key: true, title: '监测站' });
    expect(p.fields[2]).toMatchObject({ unit: 'μg/m³', type: 'integer' });
    expect(p.withheldFields).toBe(1);
    expect(p.records).toBe(4);
    expect(p.lastLoadedAt).not.toBeNull();
    expect(p.quality).not.toBeNull();
    expect(p.quality?.rowCount).toBe(4);
    expect(p.quality?.scores.overall).toEqual(expect.any(Number));
    expect(p.quality?.history.length).toBeGreaterThan(0);
    expect(p.history.imports).toEqual([
      { at: expect.any(String), mode: 'upsert', rowsLoaded: 4, rowsRejected: 0 },
    ]);
    const actions = p.history.versions.map((v) => v.action);
    expect(actions).toContain('create');
    expect(actions).toContain('approve');
    // Review steps and the names of staff stay inside the platform.
    expect(actions).not.toContain('submit');
    expect(res.body).not.toContain('changedBy');
    expect(res.body).not.toContain('createdBy');
  });

  it('describes a conditionally open dataset without any of its rows; its statistics, downloads and rows stay closed', async () => {
    const res = await get('/datasets/cond-x-03');
    expect(res.statusCode).toBe(200);
    const p = res.json() as PortalDatasetProfile;
    expect(p.dataset).toMatchObject({ code: 'COND-X-03', openType: 'conditional', level: 'L2', formats: [] });
    expect(p.resourceId).toBeNull();
    expect(p.fields.map((x) => x.name)).toEqual(['station', 'city', 'pm25', 'ratio', 'day']);
    expect(p.records).toBe(4);
    expect(p.history.imports).toHaveLength(1);
    // Metadata only: no value of any row, open field or not.
    for (const value of ['宁波', 'S3', '=cmd|calc', '13800000001']) expect(res.body).not.toContain(value);

    expect((await get('/datasets/cond-x-03/stats')).statusCode).toBe(404);
    for (const format of ['csv', 'json', 'xlsx'])
      expect(
        (await t.app.inject({ url: `/api/v1/open/datasets/COND-X-03/download.${format}` })).statusCode,
      ).toBe(404);
    for (const id of [resourceIdOf(f.condId), 'cond-x-03']) {
      const preview = await f.action('datastore_search', `resource_id=${id}&limit=10`);
      expect(preview.statusCode, id).toBe(404);
      expect(preview.body).not.toContain('宁波');
    }
    expect((await f.action('package_show', 'id=cond-x-03')).statusCode).toBe(404);
  });

  it('treats a closed, an L4 or an unknown dataset as absent (404)', async () => {
    for (const name of ['none-x-04', 'cond-core-06', 'no-such-dataset']) {
      for (const path of [`/datasets/${name}`, `/datasets/${name}/stats`]) {
        const res = await get(path);
        expect(res.statusCode, path).toBe(404);
        expect(res.json().code).toBe('not_found');
      }
    }
    expect((await get(`/datasets/${f.condId}/stats`)).statusCode).toBe(404);
    expect((await get('/datasets/Bad%20Name')).statusCode).toBe(400);
  });
});

describe('organisations', () => {
  it('lists the organisations with listed datasets, counted by open type', async () => {
    const res = await get('/organizations');
    expect(res.statusCode).toBe(200);
    const list = res.json() as PortalOrganization[];
    expect(list).toEqual([
      expect.objectContaining({ name: f.orgSlug, datasets: 4, unconditional: 3, conditional: 1 }),
    ]);
    const one = await get(`/organizations/${f.orgSlug}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(list[0]);
  });

  it('answers 404 for an organisation without listed datasets and 400 for a malformed name', async () => {
    const none = await get('/organizations/000000000000000000');
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('not_found');
    expect((await get('/organizations/Not-A-Code')).statusCode).toBe(400);
  });
});

describe('numeric statistics', () => {
  it('gives count, range, mean and a histogram of each open numeric field', async () => {
    const res = await get('/datasets/open-air-01/stats');
    expect(res.statusCode).toBe(200);
    const s = res.json() as PortalDatasetStats;
    expect(s.records).toBe(4);
    expect(s.fields.map((x) => x.name)).toEqual(['pm25', 'ratio']);
    const pm25 = s.fields[0];
    expect(pm25).toMatchObject({
      type: 'integer',
      unit: 'μg/m³',
      count: 4,
      nulls: 0,
      min: 12,
      max: 80,
      avg: 44.25,
    });
    expect(pm25?.histogram.reduce((n, b) => n + b.count, 0)).toBe(4);
    // 12..80 spans 69 integers: bins of 7, the first from 12, the last holding 80.
    expect(pm25?.histogram[0]).toEqual({ from: 12, to: 19, count: 1 });
    expect(pm25?.histogram.at(-1)).toMatchObject({ from: 75, to: 82, count: 1 });
    const ratio = s.fields[1];
    expect(ratio).toMatchObject({ type: 'decimal', min: 0.5, max: 1, count: 4 });
    expect(ratio?.histogram).toHaveLength(10);
    expect(ratio?.histogram.at(-1)).toMatchObject({ to: 1, count: 1 });
  });

  it('never reads a personal or sensitive field, even a numeric one', async () => {
    const s = (await get('/datasets/open-pay-05/stats')).json() as PortalDatasetStats;
    expect(s.fields.map((x) => x.name)).toEqual(['households']);
    expect(s.fields[0]).toMatchObject({ count: 2, nulls: 1, min: 80, max: 120, avg: 100 });
    expect(JSON.stringify(s)).not.toContain('income');
    expect(JSON.stringify(s)).not.toContain('150000');
  });

  it('answers an open dataset without rows with empty statistics', async () => {
    const s = (await get('/datasets/open-bus-02/stats')).json() as PortalDatasetStats;
    expect(s).toEqual({ name: 'open-bus-02', records: 0, fields: [] });
  });
});
