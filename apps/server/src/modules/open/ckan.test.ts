import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture } from './open.fixtures.ts';
import { resourceIdOf } from './open.names.ts';

let f: Awaited<ReturnType<typeof openFixture>>;
let airId: string;
let condId: string;
let orgSlug: string;
let t: Awaited<ReturnType<typeof openFixture>>['t'];
const get = (path: string) => f.get(path);
const action = (name: string, query = '') => f.action(name, query);
const post = (name: string, payload: unknown) => f.post(name, payload);

beforeAll(async () => {
  f = await openFixture();
  ({ t, airId, condId, orgSlug } = f);
});
afterAll(() => t.close());

describe('CKAN Action API: envelope, paths and errors', () => {
  it('answers status_show and site_read at /api/3/action and /api/action with the CKAN envelope', async () => {
    for (const prefix of ['/api/3/action', '/api/action']) {
      const res = await get(`${prefix}/status_show`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/json');
      const body = res.json();
      expect(body.success).toBe(true);
      expect(body.help).toBe('http://localhost:80/api/3/action/help_show?name=status_show');
      expect(body.result.extensions).toContain('datastore');
    }
    expect((await action('site_read')).json().result).toBe(true);
    const help = (await action('help_show', 'name=package_search')).json();
    expect(help.result).toContain('package_search');
  });

  it("answers an unknown action with CKAN's bare 400 string and bad JSON with a JSON Error", async () => {
    const res = await action('package_create');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toBe('Bad request - Action name not known: package_create');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/package_show',
      headers: { 'content-type': 'application/json' },
      payload: '{"id": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatch(/^Bad request - JSON Error: /);
  });

  it('gives Not Found (404), Validation (409) and Search Query (400) errors as CKAN does', async () => {
    const missing = await action('package_show', 'id=no-such-dataset');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      help: 'http://localhost:80/api/3/action/help_show?name=package_show',
      success: false,
      error: { __type: 'Not Found Error', message: expect.stringMatching(/^Not found: /) },
    });
    const noId = await action('package_show');
    expect(noId.statusCode).toBe(409);
    expect(noId.json().error).toEqual({
      __type: 'Validation Error',
      id: [expect.stringContaining('Missing value')],
    });
    const or = await action('package_search', `q=${encodeURIComponent('空气 OR 公交')}`);
    expect(or.statusCode).toBe(400);
    expect(or.json().error.__type).toBe('Search Query Error');
    expect(or.json().error.message).toMatch(/^Search Query is invalid: /);
    expect((await action('package_search', 'sort=popularity%20desc')).statusCode).toBe(400);
    expect((await action('package_search', 'rows=ten')).json().error).toMatchObject({
      __type: 'Validation Error',
      rows: [expect.any(String)],
    });
  });
});

describe('packages, organisations, groups and tags: open data only', () => {
  it('lists only unconditionally open, published datasets by their CKAN names', async () => {
    const res = await action('package_list');
    expect(res.json().result).toEqual(['open-air-01', 'open-bus-02']);
    expect((await action('package_list', 'limit=1&offset=1')).json().result).toEqual(['open-bus-02']);
  });

  it("shows a package in CKAN's default schema, and hides a non-open one (404)", async () => {
    const res = await action('package_show', 'id=open-air-01');
    expect(res.statusCode).toBe(200);
    const p = res.json().result;
    expect(p).toMatchObject({
      id: airId,
      name: 'open-air-01',
      title: '空气质量日报',
      notes: '各监测站每日空气质量',
      private: false,
      state: 'active',
      type: 'dataset',
      license_id: 'other-at',
      maintainer_email: 'air@example.gov.cn',
      organization: { name: orgSlug, is_organization: true, type: 'organization' },
      groups: [{ name: 'environment', title: '生态环境' }],
      num_resources: 1,
    });
    expect(p.tags.map((x: { name: string }) => x.name)).toEqual(['空气', '环境']);
    expect(p.metadata_modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
    expect(p.resources[0]).toMatchObject({
      id: resourceIdOf(airId),
      package_id: airId,
      format: 'CSV',
      datastore_active: true,
      url: 'http://localhost:80/api/v1/open/datasets/OPEN-AIR.01/download.csv',
    });
    expect((await action('package_show', `id=${airId}`)).json().result.name).toBe('open-air-01');
    const bus = (await action('package_show', 'id=open-bus-02')).json().result;
    expect(bus.resources[0].datastore_active).toBe(false);
    for (const hidden of ['cond-x-03', condId, 'none-x-04']) {
      const r = await action('package_show', `id=${hidden}`);
      expect(r.statusCode).toBe(404);
      expect(r.json().error.__type).toBe('Not Found Error');
    }
  });

  it('searches with q, fq, rows, start, sort and facets as CKAN documents it', async () => {
    const r = (
      await action(
        'package_search',
        `q=${encodeURIComponent('空气')}&rows=10&facet.field=${encodeURIComponent('["organization","groups","tags","res_format"]')}`,
      )
    ).json().result;
    expect(r.count).toBe(1);
    expect(r.results.map((x: { name: string }) => x.name)).toEqual(['open-air-01']);
    expect(r.facets).toEqual({
      organization: { [orgSlug]: 1 },
      groups: { environment: 1 },
      tags: { 空气: 1, 环境: 1 },
      res_format: { CSV: 1 },
    });
    expect(r.search_facets.groups).toEqual({
      title: 'groups',
      items: [{ name: 'environment', display_name: '生态环境', count: 1 }],
    });
    const all = (await action('package_search', 'q=*:*&sort=title_string%20asc&rows=1')).json().result;
    expect(all.count).toBe(2);
    expect(all.results).toHaveLength(1);
    const second = (await action('package_search', 'sort=name%20desc&rows=1&start=1')).json().result;
    expect(second.results[0].name).toBe('open-air-01');
    const byFq = async (fq: string) =>
      (await action('package_search', `fq=${encodeURIComponent(fq)}`))
        .json()
        .result.results.map((x: { name: string }) => x.name);
    expect(await byFq('groups:transport')).toEqual(['open-bus-02']);
    expect(await byFq('tags:公交')).toEqual(['open-bus-02']);
    expect(await byFq(`+organization:${orgSlug} +groups:environment`)).toEqual(['open-air-01']);
    expect(await byFq('organization:nobody')).toEqual([]);
    expect(await byFq('res_format:CSV license_id:other-at')).toHaveLength(2);
    expect(await byFq('res_format:PDF')).toEqual([]);
    const field = (await action('package_search', `q=${encodeURIComponent('title:"空气质量"')}`)).json()
      .result;
    expect(field.results.map((x: { name: string }) => x.name)).toEqual(['open-air-01']);
    expect((await action('package_search', 'q=name:open-bus-02')).json().result.count).toBe(1);
    expect((await action('package_search', 'rows=0')).json().result).toMatchObject({ count: 2, results: [] });
  });

  it('takes the same parameters as a JSON body by POST', async () => {
    const res = await post('package_search', { q: '公交', rows: 5, 'facet.field': ['groups'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().result).toMatchObject({ count: 1, facets: { groups: { transport: 1 } } });
    const show = await t.app.inject({
      method: 'POST',
      url: '/api/action/package_show',
      payload: { id: 'open-bus-02' },
    });
    expect(show.json().result.title).toBe('公交线路');
  });

  it('lists organisations (names or all_fields), groups and tags of open data', async () => {
    expect((await action('organization_list')).json().result).toEqual([orgSlug]);
    const orgs = (await action('organization_list', 'all_fields=true')).json().result;
    expect(orgs).toEqual([
      expect.objectContaining({ name: orgSlug, package_count: 2, type: 'organization' }),
    ]);
    const org = (await action('organization_show', `id=${orgSlug}&include_datasets=true`)).json().result;
    expect(org.packages.map((x: { name: string }) => x.name)).toEqual(['open-air-01', 'open-bus-02']);
    expect((await action('organization_show', 'id=91330100000000000x')).statusCode).toBe(404);
    expect((await action('group_list')).json().result.sort()).toEqual(['environment', 'transport']);
    expect(
      (await action('group_list', 'all_fields=true&sort=package_count%20desc')).json().result[0],
    ).toMatchObject({
      name: 'environment',
      package_count: 1,
      is_organization: false,
    });
    expect((await action('tag_list')).json().result).toEqual(['公交', '环境', '空气']);
    expect((await action('tag_list', `query=${encodeURIComponent('空')}`)).json().result).toEqual(['空气']);
  });

  it('shows a resource by id, and not one of a non-open dataset', async () => {
    const res = (await action('resource_show', `id=${resourceIdOf(airId)}`)).json();
    expect(res.result).toMatchObject({ package_id: airId, datastore_active: true, format: 'CSV' });
    expect((await action('resource_show', `id=${resourceIdOf(condId)}`)).statusCode).toBe(404);
  });
});

describe('datastore_search', () => {
  const rid = () => resourceIdOf(airId);

  it('filters, sorts, pages and counts, with CKAN field types and _links', async () => {
    const res = await action(
      'datastore_search',
      `resource_id=${rid()}&filters=${encodeURIComponent('{"city":"杭州"}')}&sort=${encodeURIComponent('pm25 desc')}&limit=1`,
    );
    expect(res.statusCode).toBe(200);
    const r = res.json().result;
    expect(r.fields.map((f: { id: string; type: string }) => [f.id, f.type])).toEqual([
      ['station', 'text'],
      ['city', 'text'],
      ['pm25', 'int'],
      ['ratio', 'numeric'],
      ['day', 'date'],
    ]);
    expect(r.records).toEqual([{ station: 'S2', city: '杭州', pm25: 80, ratio: 0.5, day: '2024-05-01' }]);
    expect(r.total).toBe(2);
    expect(r._links.next).toContain('offset=1');
    expect(r._links.start).toMatch(/^\/api\/3\/action\/datastore_search\?/);
    const next = (await get(r._links.next)).json().result;
    expect(next.records.map((x: { station: string }) => x.station)).toEqual(['S1']);
  });

  it('takes filter lists, q as text or per field, fields, offset and include_total by POST', async () => {
    const res = await post('datastore_search', {
      resource_id: rid(),
      filters: { station: ['S1', 'S3'] },
      fields: ['station', 'pm25'],
      sort: 'station',
      include_total: false,
    });
    expect(res.json().result.records).toEqual([
      { station: 'S1', pm25: 35 },
      { station: 'S3', pm25: 12 },
    ]);
    expect(res.json().result.total).toBeUndefined();
    const q = (await post('datastore_search', { resource_id: rid(), q: '宁波' })).json().result;
    expect(q.records.map((x: { station: string }) => x.station)).toEqual(['S3']);
    const byField = (
      await post('datastore_search', { resource_id: rid(), q: { city: '杭' }, sort: 'station' })
    ).json().result;
    expect(byField.records.map((x: { station: string }) => x.station)).toEqual(['S1', 'S2']);
    expect(
      (await action('datastore_search', `resource_id=${rid()}&fields=station&offset=3`)).json().result
        .records,
    ).toEqual([{ station: 'S4' }]);
  });

  it('estimates totals the planner puts above total_estimation_threshold and counts the rest, as CKAN does', async () => {
    const exact = (
      await post('datastore_search', { resource_id: rid(), total_estimation_threshold: 4 })
    ).json().result;
    expect(exact).toMatchObject({ total: 4, total_was_estimated: false });
    // A full page with more matches than the threshold: the planner's estimate (the import analysed the table).
    const est = (
      await post('datastore_search', { resource_id: rid(), limit: 2, total_estimation_threshold: 2 })
    ).json().result;
    expect(est.total_was_estimated).toBe(true);
    expect(est.total).toBe(4);
    expect(est.records).toHaveLength(2);
    // A page that is not full ends the matches, so its total is exact without counting.
    const last = (
      await post('datastore_search', {
        resource_id: rid(),
        limit: 3,
        offset: 2,
        total_estimation_threshold: 1,
      })
    ).json().result;
    expect(last).toMatchObject({ total: 4, total_was_estimated: false });
    const always = (
      await post('datastore_search', { resource_id: rid(), total_estimation_threshold: null })
    ).json().result;
    expect(always).toMatchObject({ total: 4, total_was_estimated: false });
    const bad = await action('datastore_search', `resource_id=${rid()}&total_estimation_threshold=-1`);
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.__type).toBe('Validation Error');
  });

  it('never shows fields graded above "none"; refuses unknown fields with a Validation Error', async () => {
    const r = (await action('datastore_search', `resource_id=${rid()}`)).json().result;
    expect(JSON.stringify(r)).not.toContain('138000');
    const bad = await post('datastore_search', {
      resource_id: rid(),
      filters: { operator_phone: '13800000001' },
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error).toEqual({
      __type: 'Validation Error',
      filters: [expect.stringContaining('operator_phone')],
    });
    const sort = await post('datastore_search', { resource_id: rid(), sort: 'pm25; drop table x' });
    expect(sort.statusCode).toBe(409);
    const num = await post('datastore_search', { resource_id: rid(), filters: { pm25: 'many' } });
    expect(num.statusCode).toBe(409);
  });

  it("answers Not Found for a non-open dataset's resource", async () => {
    const res = await action('datastore_search', `resource_id=${resourceIdOf(condId)}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.__type).toBe('Not Found Error');
  });
});
