import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/harness.ts';

let t: TestContext;
let commander: string;
let viewer: string;
beforeAll(async () => {
  t = await createTestContext();
  commander = await t.login('commander'); // 西湖区人民政府, area 330106
  viewer = await t.login('viewer');
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ url });

describe('areas: the Hangzhou reference tree', () => {
  it('ships the city, its 13 districts, 196 streets and 3,320 communities', async () => {
    const levels = await t.services.db
      .selectFrom('areas.area')
      .select(['level'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy('level')
      .execute();
    const byLevel = Object.fromEntries(levels.map((l) => [l.level, Number(l.n)]));
    expect(byLevel).toEqual({ city: 1, district: 13, street: 196, community: 3320 });
  });

  it('lists children with their own child counts', async () => {
    const res = await get('/api/v1/areas/330100/children');
    const items = res.json().items;
    expect(items).toHaveLength(13);
    const xihu = items.find((a: { code: string }) => a.code === '330106');
    expect(xihu).toMatchObject({ name: '西湖区', level: 'district', parentCode: '330100' });
    expect(xihu.childCount).toBeGreaterThan(5);
  });

  it('answers the path from the city down to a community', async () => {
    const child = (await get('/api/v1/areas/330106002/children')).json().items[0];
    const path = (await get(`/api/v1/areas/${child.code}/path`)).json().items;
    expect(path.map((a: { name: string }) => a.name).slice(0, 3)).toEqual(['杭州市', '西湖区', '北山街道']);
    expect(path.at(-1).code).toBe(child.code);
    expect(path.at(-1).level).toBe('community');
  });

  it('builds a tree to a given depth', async () => {
    const tree = (await get('/api/v1/areas/tree?root=330106&depth=2')).json();
    expect(tree.code).toBe('330106');
    expect(tree.children.length).toBe(tree.childCount);
    expect(tree.children[0].children.length).toBe(tree.children[0].childCount);
  });

  it('searches by name with the path of each hit, shortest names first', async () => {
    const res = (await get(`/api/v1/areas/search?q=${encodeURIComponent('西湖')}`)).json();
    expect(res.items[0]).toMatchObject({ code: '330106', name: '西湖区' });
    const street = (await get(`/api/v1/areas/search?q=${encodeURIComponent('北山')}&level=street`)).json()
      .items[0];
    expect(street.pathNames).toEqual(['杭州市', '西湖区', '北山街道']);
    const none = (await get(`/api/v1/areas/search?q=${encodeURIComponent('不存在的地方')}`)).json();
    expect(none.items).toEqual([]);
  });

  it('reports unknown and malformed codes clearly', async () => {
    expect((await get('/api/v1/areas/330106999/children')).statusCode).toBe(404);
    const bad = await get('/api/v1/areas/12ab/children');
    expect(bad.statusCode).toBe(400);
    expect((await get('/api/v1/areas/search?q=')).statusCode).toBe(400);
  });
});

describe('areas: grids drawn by those responsible', () => {
  const community = async (street: string) =>
    (await get(`/api/v1/areas/${street}/children`)).json().items[0].code as string;

  it('lets a commander draw numbered grids in a community of their district', async () => {
    const code = await community('330106002');
    const post = (name: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/areas/${code}/grids`,
        headers: { cookie: commander },
        payload: { name },
      });
    const first = await post('第一网格');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      code: `${code}001`,
      level: 'grid',
      parentCode: code,
      name: '第一网格',
    });
    const second = await post('第二网格');
    expect(second.json().code).toBe(`${code}002`);
    const children = (await get(`/api/v1/areas/${code}/children`)).json().items;
    expect(children.map((c: { name: string }) => c.name)).toEqual(['第一网格', '第二网格']);
  });

  it('refuses a commander outside their area, and changes nothing', async () => {
    const other = await community('330102001'); // 上城区
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/areas/${other}/grids`,
      headers: { cookie: commander, 'accept-language': 'en' },
      payload: { name: '越权网格' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'out_of_area',
      detail: `${other} is outside the area you act for`,
    });
    expect((await get(`/api/v1/areas/${other}/children`)).json().items).toEqual([]);
  });

  it('refuses roles that do not draw grids, anonymous callers, and grids under a street', async () => {
    const code = await community('330106002');
    const viaViewer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/areas/${code}/grids`,
      headers: { cookie: viewer },
      payload: { name: 'x' },
    });
    expect(viaViewer.statusCode).toBe(403);
    const anon = await t.app.inject({
      method: 'POST',
      url: `/api/v1/areas/${code}/grids`,
      payload: { name: 'x' },
    });
    expect(anon.statusCode).toBe(401);
    const street = await t.app.inject({
      method: 'POST',
      url: '/api/v1/areas/330106002/grids',
      headers: { cookie: commander },
      payload: { name: 'x' },
    });
    expect(street.statusCode).toBe(400);
    expect(street.json().code).toBe('grid_parent_not_community');
  });

  it('re-imports the reference data as a job, keeping user-drawn grids', async () => {
    const admin = await t.login('admin');
    const code = await community('330106004');
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/areas/${code}/grids`,
      headers: { cookie: admin },
      payload: { name: '保留网格' },
    });
    const job = await t.app.inject({
      method: 'POST',
      url: '/api/v1/areas/import',
      headers: { cookie: admin },
    });
    expect(job.statusCode).toBe(202);
    expect(job.json()).toMatchObject({ kind: 'areas.import', status: 'queued' });
    const { createWorker } = await import('../jobs/index.ts');
    const worker = createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
    expect(await worker.runOnce()).toBe(true);
    const done = (
      await t.app.inject({ url: `/api/v1/jobs/${job.json().id}`, headers: { cookie: admin } })
    ).json();
    expect(done).toMatchObject({
      status: 'succeeded',
      progress: { done: 3530, total: 3530 },
      result: { imported: 3530 },
    });
    expect((await get(`/api/v1/areas/${code}/children`)).json().items[0].name).toBe('保留网格');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/areas/import',
      headers: { cookie: commander },
    });
    expect(denied.statusCode).toBe(403);
  });
});
