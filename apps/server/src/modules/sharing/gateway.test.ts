import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../quality/index.ts';
import { PERSONS, sharingFixture } from './sharing.fixtures.ts';

let f: Awaited<ReturnType<typeof sharingFixture>>;
let grantId: string;
const today = () => chinaDay(new Date());
const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Has the consumer request, and the owner approve, fields of the persons dataset for an app. */
async function grant(
  clientId: string,
  over: Record<string, unknown> = {},
  approve: Record<string, unknown> = {},
) {
  const { consumer, officer } = f.cookies;
  const body = {
    datasetCode: 'SHR-RK-01',
    clientId,
    fields: ['id_number', 'name', 'community_code'],
    purpose: '核验低保申请人的户籍信息',
    legalBasis: '《社会救助暂行办法》',
    periodStart: today(),
    periodEnd: shift(today(), 30),
    dailyQuota: 1000,
    ...over,
  };
  const r = await f.inject({
    method: 'POST',
    url: '/api/v1/sharing/requests',
    headers: { cookie: consumer },
    payload: body,
  });
  expect(r.statusCode, r.body).toBe(201);
  const ok = await f.inject({
    method: 'POST',
    url: `/api/v1/sharing/requests/${r.json().id}/approve`,
    headers: { cookie: officer },
    payload: {
      fields: body.fields,
      periodStart: body.periodStart,
      periodEnd: body.periodEnd,
      dailyQuota: body.dailyQuota,
      ...approve,
    },
  });
  expect(ok.statusCode, ok.body).toBe(200);
  return ok.json().grantId as string;
}

const call = (bearer: string, method: 'GET' | 'POST', path: string, payload?: object) =>
  f.inject({ method, url: `/api/v1/share/SHR-RK-01/${path}`, headers: { authorization: bearer }, payload });

beforeAll(async () => {
  f = await sharingFixture();
  grantId = await grant(f.app.id, { areaField: 'community_code', areaCode: '330106' });
});
afterAll(() => f.t.close());

describe('the sharing gateway', () => {
  it('answers a lookup with the granted fields, masked by level, and ledgers whose record it was', async () => {
    const [id] = PERSONS[0] as string[];
    const res = await call(f.app.bearer, 'GET', `lookup?id_number=${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const { record, fields } = res.json();
    expect(Object.keys(record).sort()).toEqual(['community_code', 'id_number', 'name']);
    expect(record.id_number).toBe('330106********1234');
    expect(record.name).not.toBe('张三丰');
    expect(record.name).toContain('*');
    expect(record.community_code).toBe('330106001001');
    expect(fields.find((x: { name: string }) => x.name === 'community_code').masked).toBe(false);
    const entry = (await f.ledger('sharing.call')).at(-1);
    expect(entry).toMatchObject({
      result: 'ok',
      dataset: 'SHR-RK-01',
      purpose: '核验低保申请人的户籍信息',
      fields: ['community_code', 'id_number', 'name'],
      details: { grant: grantId, records: 1, appName: '民政救助核验', calls: [{ op: 'lookup', records: 1 }] },
    });
    expect(entry?.subjects).toHaveLength(1);
    expect(JSON.stringify(entry)).not.toContain(id);
  });

  it('ledgers concurrent calls of a grant together, each of them before its answer', async () => {
    const before = (await f.ledger('sharing.call')).length;
    const ids = [PERSONS[0]?.[0], PERSONS[1]?.[0]] as string[];
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(f.app.bearer, 'GET', `lookup?id_number=${ids[i % 2]}`)),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    const entries = (await f.ledger('sharing.call')).slice(before);
    const logged = entries.flatMap((e) => (e.details as { calls: { op: string }[] }).calls);
    expect(logged).toHaveLength(12);
    expect(entries.length).toBeLessThan(12);
    for (const e of entries) expect((e.subjects as string[]).length).toBeGreaterThan(0);
  });

  it('lists, batches and verifies within the grant’s area only', async () => {
    const list = await call(f.app.bearer, 'GET', 'records?limit=10');
    expect(
      list
        .json()
        .records.map((r: { community_code: string }) => r.community_code)
        .sort(),
    ).toEqual(['330106001001', '330106002003']);
    expect(list.json().total).toBe(2);
    const filtered = await call(
      f.app.bearer,
      'GET',
      `records?filters=${encodeURIComponent('{"community_code":"330106002003"}')}`,
    );
    expect(filtered.json().records).toHaveLength(1);
    const masked = await call(
      f.app.bearer,
      'GET',
      `records?filters=${encodeURIComponent('{"name":"李四"}')}`,
    );
    expect([masked.statusCode, masked.json().code]).toEqual([400, 'sharing_filter_invalid']);

    const keys = PERSONS.map((p) => ({ id_number: p[0] as string }));
    const batch = await call(f.app.bearer, 'POST', 'batch', {
      keys: [...keys, { id_number: '110101200001010000' }],
    });
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json().items.map((i: { record: unknown }) => i.record !== null)).toEqual([
      true,
      true,
      false,
      false,
    ]);

    const yes = await call(f.app.bearer, 'POST', 'verify', {
      key: keys[0],
      values: { name: '张三丰', community_code: '330106009009' },
    });
    expect(yes.json()).toEqual({
      dataset: 'SHR-RK-01',
      found: true,
      matches: { name: true, community_code: false },
    });
    const none = await call(f.app.bearer, 'POST', 'verify', {
      key: { id_number: '110101200001010000' },
      values: { name: '某某' },
    });
    expect(none.json()).toMatchObject({ found: false, matches: {} });
  });

  it('refuses, ledgers and counts what the grant does not allow; the data never leaves', async () => {
    const [, , outside] = PERSONS as string[][];
    const cases: [string, 'GET' | 'POST', string, object | undefined, number, string][] = [
      [f.app.bearer, 'GET', `lookup?id_number=${outside?.[0]}`, undefined, 403, 'sharing_area_denied'],
      [
        f.app.bearer,
        'POST',
        'verify',
        { key: { id_number: outside?.[0] }, values: { name: '王五' } },
        403,
        'sharing_area_denied',
      ],
      [
        f.app.bearer,
        'POST',
        'verify',
        { key: { id_number: PERSONS[0]?.[0] }, values: { note: '内部一' } },
        403,
        'sharing_field_denied',
      ],
      [f.app.bearer, 'GET', 'lookup?name=x', undefined, 400, 'sharing_key_invalid'],
      [f.app.bearer, 'GET', 'lookup?id_number=110101200001010000', undefined, 404, 'not_found'],
    ];
    for (const [bearer, method, path, body, status, code] of cases) {
      const res = await call(bearer, method, path, body);
      expect([res.statusCode, res.json().code], path).toEqual([status, code]);
      expect(res.body).not.toContain('王五');
      expect(res.body).not.toContain('内部');
    }
    const session = await f.inject({
      url: `/api/v1/share/SHR-RK-01/lookup?id_number=1`,
      headers: { cookie: f.cookies.consumer },
    });
    expect([session.statusCode, session.json().code]).toEqual([403, 'sharing_app_only']);
    const anon = await f.inject({ url: '/api/v1/share/SHR-RK-01/lookup?id_number=1' });
    expect(anon.statusCode).toBe(401);
    const stranger = await f.newApp(f.civilId, '无授权应用');
    const none = await call(stranger.bearer, 'GET', `lookup?id_number=${PERSONS[0]?.[0]}`);
    expect([none.statusCode, none.json().code]).toEqual([403, 'sharing_no_grant']);
    expect(none.json().detail).toContain('没有数据集 SHR-RK-01 的有效授权');

    const denied = (await f.ledger('sharing.call')).filter((e) => e.result === 'denied');
    expect(denied.map((e) => (e.details as { reason: string }).reason)).toEqual(
      expect.arrayContaining(['sharing_area_denied', 'sharing_field_denied', 'sharing_no_grant']),
    );
    const usage = await f.inject({
      url: '/api/v1/sharing/usage?side=owner&days=7',
      headers: { cookie: f.cookies.officer },
    });
    expect(usage.statusCode, usage.body).toBe(200);
    const u = usage.json();
    expect(u.totals.denied).toBeGreaterThanOrEqual(4);
    expect(u.totals.calls).toBeGreaterThanOrEqual(6);
    expect(u.days).toHaveLength(7);
    const row = u.rows.find((r: { grantId: string | null }) => r.grantId === grantId);
    expect(row).toMatchObject({
      datasetCode: 'SHR-RK-01',
      consumerOrgName: '杭州市民政局',
      app: '民政救助核验',
    });
    expect(row.records).toBeGreaterThanOrEqual(5);
  });

  it('refuses an expired grant, a used-up quota, and a revoked grant on its very next call', async () => {
    const app = await f.newApp(f.civilId, '配额测试');
    const g = await grant(app.id, { dailyQuota: 2 });
    const lookup = () => call(app.bearer, 'GET', `lookup?id_number=${PERSONS[2]?.[0]}`);
    expect((await lookup()).statusCode).toBe(200);
    expect((await lookup()).statusCode).toBe(200);
    const over = await lookup();
    expect([over.statusCode, over.json().code]).toEqual([429, 'sharing_quota_exceeded']);
    const grants = await f.inject({
      url: '/api/v1/sharing/grants?side=consumer',
      headers: { cookie: f.cookies.consumer },
    });
    expect(grants.json().items.find((x: { id: string }) => x.id === g).callsToday).toBe(2);

    const app2 = await f.newApp(f.civilId, '撤销测试');
    const g2 = await grant(app2.id);
    const lookup2 = () => call(app2.bearer, 'GET', `lookup?id_number=${PERSONS[2]?.[0]}`);
    expect((await lookup2()).statusCode).toBe(200);
    const revoked = await f.inject({
      method: 'POST',
      url: `/api/v1/sharing/grants/${g2}/revoke`,
      headers: { cookie: f.cookies.officer },
      payload: { reason: '用途变更' },
    });
    expect(revoked.json().status).toBe('revoked');
    const after = await lookup2();
    expect([after.statusCode, after.json().code]).toEqual([403, 'sharing_grant_revoked']);
    expect(after.json().detail).toContain('用途变更');

    // Revoking the app itself ends its grants, so its calls end at once though its token is still valid.
    const app4 = await f.newApp(f.civilId, '应用撤销测试');
    await grant(app4.id);
    const lookup4 = () => call(app4.bearer, 'GET', `lookup?id_number=${PERSONS[2]?.[0]}`);
    expect((await lookup4()).statusCode).toBe(200);
    const gone = await f.inject({
      method: 'DELETE',
      url: `/api/v1/auth/clients/${app4.id}`,
      headers: { cookie: f.cookies.admin },
    });
    expect(gone.statusCode, gone.body).toBeLessThan(300);
    const after4 = await lookup4();
    expect([after4.statusCode, after4.json().code]).toEqual([403, 'sharing_grant_revoked']);
    expect(after4.json().detail).toContain('应用已停用');

    const app3 = await f.newApp(f.civilId, '过期测试');
    const g3 = await grant(app3.id);
    await f.t.services.db
      .updateTable('sharing.grant')
      .set({ period_end: shift(today(), -1), period_start: shift(today(), -5) })
      .where('id', '=', g3)
      .execute();
    const expired = await call(app3.bearer, 'GET', `lookup?id_number=${PERSONS[2]?.[0]}`);
    expect([expired.statusCode, expired.json().code]).toEqual([403, 'sharing_grant_outside_period']);
  });

  it('describes each dataset’s sharing APIs in OpenAPI', async () => {
    const res = await f.inject({
      url: '/api/v1/share/SHR-RK-01/openapi.json',
      headers: { cookie: f.cookies.consumer },
    });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual([
      '/api/v1/share/SHR-RK-01/lookup',
      '/api/v1/share/SHR-RK-01/records',
      '/api/v1/share/SHR-RK-01/batch',
      '/api/v1/share/SHR-RK-01/verify',
    ]);
    expect(doc.paths['/api/v1/share/SHR-RK-01/lookup'].get.parameters[0].name).toBe('id_number');
    expect(doc.components.schemas.Record.properties.birth_year.type).toEqual(['integer', 'null']);
    expect((await f.inject({ url: '/api/v1/share/SHR-RK-01/openapi.json' })).statusCode).toBe(401);
  });
});
