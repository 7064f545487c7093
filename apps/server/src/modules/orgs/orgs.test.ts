import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidCreditCode } from '../../platform/formats.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { organCode } from './index.ts';

let t: TestContext;
let admin: string;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const create = (cookie: string, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: { cookie }, payload });

describe('organisations', () => {
  it('seeds the city departments and every district government with valid codes', async () => {
    const all = (await t.app.inject('/api/v1/orgs?limit=200')).json().items as {
      code: string;
      name: string;
      type: string;
      areaName: string;
    }[];
    const names = all.map((o) => o.name);
    for (const dept of [
      '杭州市公安局',
      '杭州市民政局',
      '杭州市卫生健康委员会',
      '杭州市人力资源和社会保障局',
      '杭州市市场监督管理局',
      '杭州市教育局',
      '杭州市城市管理局',
    ]) {
      expect(names).toContain(dept);
    }
    expect(all.filter((o) => o.type === 'government')).toHaveLength(13);
    expect(all.find((o) => o.name === '杭州市数据资源管理局')?.type).toBe('platform');
    expect(all.find((o) => o.name === '西湖区人民政府')?.areaName).toBe('西湖区');
    expect(all.every((o) => isValidCreditCode(o.code))).toBe(true);
  });

  it('searches, filters and pages', async () => {
    const search = (await t.app.inject(`/api/v1/orgs?q=${encodeURIComponent('公安')}`)).json().items;
    expect(search.map((o: { name: string }) => o.name)).toEqual(['杭州市公安局']);
    const en = (await t.app.inject('/api/v1/orgs?q=xihu')).json().items;
    expect(en[0].nameEn).toBe("Xihu District People's Government");
    const byArea = (await t.app.inject('/api/v1/orgs?areaCode=330106')).json().items;
    expect(byArea.map((o: { name: string }) => o.name)).toEqual(['西湖区人民政府']);
    const p1 = (await t.app.inject('/api/v1/orgs?limit=10')).json();
    const p2 = (await t.app.inject(`/api/v1/orgs?limit=10&cursor=${p1.nextCursor}`)).json();
    const p3 = (await t.app.inject(`/api/v1/orgs?limit=10&cursor=${p2.nextCursor}`)).json();
    const ids = [...p1.items, ...p2.items, ...p3.items].map((o: { id: string }) => o.id);
    expect(new Set(ids).size).toBe(26);
    expect(p3.nextCursor).toBeNull();
  });

  it('lets the platform admin create a street office, and validates what it is given', async () => {
    const gov = (await t.app.inject('/api/v1/orgs?areaCode=330106')).json().items[0];
    const code = organCode('330106002', 1);
    const ok = await create(admin, {
      code,
      name: '北山街道办事处',
      type: 'street_office',
      parentId: gov.id,
      areaCode: '330106002',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: '北山街道办事处', areaName: '北山街道', parentId: gov.id });

    const dup = await create(admin, { code, name: '重复', type: 'street_office', areaCode: '330106002' });
    expect(dup.statusCode).toBe(409);
    const badCode = await create(admin, {
      code: `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`,
      name: '坏代码',
      type: 'department',
      areaCode: '330100',
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().code).toBe('invalid_credit_code');
    const badArea = await create(admin, {
      code: organCode('330106', 9),
      name: '无区域',
      type: 'department',
      areaCode: '330199',
    });
    expect(badArea.statusCode).toBe(404);
    const count = (await t.app.inject('/api/v1/orgs?limit=200')).json().items.length;
    expect(count).toBe(27);
  });

  it('refuses a parent chain that loops back', async () => {
    const a = (
      await create(admin, {
        code: organCode('330108', 5),
        name: '甲机构',
        type: 'department',
        areaCode: '330108',
      })
    ).json();
    const b = (
      await create(admin, {
        code: organCode('330108', 6),
        name: '乙机构',
        type: 'department',
        areaCode: '330108',
        parentId: a.id,
      })
    ).json();
    const loop = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${a.id}`,
      headers: { cookie: admin },
      payload: { parentId: b.id },
    });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().code).toBe('invalid_parent');
    const rename = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${a.id}`,
      headers: { cookie: admin },
      payload: { name: '甲机构（更名）' },
    });
    expect(rename.json()).toMatchObject({ name: '甲机构（更名）', parentId: null });
  });

  it('is changed only by the platform admin', async () => {
    const commander = await t.login('commander');
    const res = await create(commander, {
      code: organCode('330106', 7),
      name: '越权',
      type: 'department',
      areaCode: '330106',
    });
    expect(res.statusCode).toBe(403);
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { code: organCode('330106', 7) },
    });
    expect([400, 401]).toContain(anon.statusCode);
    const some = (await t.app.inject('/api/v1/orgs?limit=1')).json().items[0];
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${some.id}`,
      headers: { cookie: commander },
      payload: { name: '改名' },
    });
    expect(patch.statusCode).toBe(403);
    expect((await t.app.inject(`/api/v1/orgs/${some.id}`)).json().name).toBe(some.name);
  });
});
