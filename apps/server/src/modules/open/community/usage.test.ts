import type { OpenUsageReport, PortalSummary } from '@shuzhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../quality/index.ts';
import { resourceIdOf } from '../open.names.ts';
import { type CommunityFixture, communityFixture } from './community.fixtures.ts';

let f: CommunityFixture;

beforeAll(async () => {
  f = await communityFixture();
}, 120_000);
afterAll(() => f.t.close());

const usage = async (url: string) => {
  const res = await f.call(null, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as OpenUsageReport;
};

describe('usage statistics (使用统计)', () => {
  it('counts downloads, API calls and views of each dataset per day', async () => {
    const zero = await usage('/datasets/OPEN-AIR.01/usage');
    expect(zero.total).toEqual({ views: 0, downloads: 0, apiCalls: 0 });
    expect(zero.days).toHaveLength(30);
    expect(zero.days.at(-1)?.day).toBe(chinaDay(new Date()));

    for (const format of ['csv', 'json', 'csv'])
      expect((await f.get(`/api/v1/open/datasets/OPEN-AIR.01/download.${format}`)).statusCode).toBe(200);
    // Not open, or not a dataset: nothing is counted.
    expect((await f.get('/api/v1/open/datasets/COND-X-03/download.csv')).statusCode).toBe(404);
    expect((await f.action('package_show', 'id=cond-x-03')).statusCode).toBe(404);

    expect((await f.action('package_show', 'id=open-air-01')).statusCode).toBe(200);
    expect(
      (await f.action('datastore_search', `resource_id=${resourceIdOf(f.airId)}&limit=1`)).statusCode,
    ).toBe(200);
    expect(
      (await f.post('datastore_search_sql', { sql: 'select count(*) from "open-air-01"' })).statusCode,
    ).toBe(200);
    // Searching many datasets is not a call of any one of them.
    expect((await f.action('package_search', 'q=空气')).statusCode).toBe(200);

    for (let i = 0; i < 2; i++)
      expect((await f.call(null, 'POST', '/datasets/OPEN-AIR.01/views')).statusCode).toBe(204);
    expect((await f.call(null, 'POST', '/datasets/COND-X-03/views')).statusCode).toBe(404);
    expect((await f.call(null, 'POST', '/datasets/OPEN-BUS-02/views')).statusCode).toBe(204);

    const air = await usage('/datasets/OPEN-AIR.01/usage');
    expect(air).toMatchObject({ scope: 'dataset', code: 'OPEN-AIR.01', name: '空气质量日报' });
    const counts = { views: 2, downloads: 3, apiCalls: 3 };
    expect(air.total).toEqual(counts);
    expect(air.last30).toEqual(counts);
    expect(air.days.at(-1)).toEqual({ day: chinaDay(new Date()), ...counts });
    expect(air.days.slice(0, -1).every((d) => d.views + d.downloads + d.apiCalls === 0)).toBe(true);
    expect((await usage('/datasets/OPEN-BUS-02/usage')).total).toEqual({
      views: 1,
      downloads: 0,
      apiCalls: 0,
    });
    expect((await f.call(null, 'GET', '/datasets/COND-X-03/usage')).statusCode).toBe(404);
  });

  it('sums an organisation’s datasets and refuses unknown organisations', async () => {
    const org = await usage(`/orgs/${f.police.id}/usage`);
    expect(org).toMatchObject({ scope: 'org', name: '杭州市公安局', code: f.police.code });
    expect(org.total).toEqual({ views: 3, downloads: 3, apiCalls: 3 });
    expect((await usage(`/orgs/${f.civil.id}/usage`)).total).toEqual({ views: 0, downloads: 0, apiCalls: 0 });
    expect((await f.call(null, 'GET', '/orgs/00000000-0000-7000-8000-00000000000a/usage')).statusCode).toBe(
      404,
    );
    expect((await f.call(null, 'GET', '/orgs/not-a-uuid/usage')).statusCode).toBe(400);
  });

  it('feeds the portal home figures and its most downloaded list (one endpoint: the portal summary)', async () => {
    const res = await f.get('/api/v1/open/portal/summary');
    expect(res.statusCode).toBe(200);
    const s = res.json() as PortalSummary;
    expect(s.figures).toMatchObject({ unconditional: 2, conditional: 1, apis: 1, downloads: 3 });
    expect(s.popular.map((c) => c.code)).toEqual(['OPEN-AIR.01']);
    expect((await f.get('/api/v1/open/figures')).statusCode).toBe(404);
  });

  it('adds concurrent counts without losing any', async () => {
    const before = (await usage('/datasets/OPEN-BUS-02/usage')).total.views;
    await Promise.all(
      Array.from({ length: 20 }, () => f.t.services.open.community.usage.countCode('view', 'OPEN-BUS-02')),
    );
    expect((await usage('/datasets/OPEN-BUS-02/usage')).total.views).toBe(before + 20);
  });
});
