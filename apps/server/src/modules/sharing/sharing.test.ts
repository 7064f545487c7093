import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../quality/index.ts';
import { sharingFixture } from './sharing.fixtures.ts';

let f: Awaited<ReturnType<typeof sharingFixture>>;
beforeAll(async () => {
  f = await sharingFixture();
});
afterAll(() => f.t.close());

const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = () => chinaDay(new Date());

const form = (over: Record<string, unknown> = {}) => ({
  datasetCode: 'SHR-RK-01',
  clientId: f.app.id,
  fields: ['id_number', 'name', 'community_code', 'birth_year'],
  purpose: '核验低保申请人的户籍信息',
  legalBasis: '《社会救助暂行办法》第十一条',
  periodStart: today(),
  periodEnd: shift(today(), 90),
  dailyQuota: 1000,
  ...over,
});

const post = (cookie: string, url: string, payload: object = {}, lang = 'zh-CN') =>
  f.inject({ method: 'POST', url, headers: { cookie, 'accept-language': lang }, payload });

describe('sharing requests', () => {
  it('refuses bad requests precisely and changes nothing', async () => {
    const { consumer, officer } = f.cookies;
    const cases: [string, Record<string, unknown>, number, string][] = [
      [consumer, { fields: ['id_number', 'nope'] }, 400, 'sharing_field_unknown'],
      [consumer, { periodStart: shift(today(), -1) }, 400, 'sharing_period_invalid'],
      [consumer, { periodEnd: shift(today(), 400) }, 400, 'sharing_period_invalid'],
      [consumer, { areaField: 'community_code' }, 400, 'sharing_area_invalid'],
      [consumer, { areaField: 'birth_year', areaCode: '330106' }, 400, 'sharing_area_invalid'],
      [consumer, { clientId: '0190a000-0000-7000-8000-000000000000' }, 400, 'sharing_app_invalid'],
      [consumer, { datasetCode: 'NOPE-99' }, 404, 'sharing_not_shared'],
      [consumer, { dailyQuota: 0 }, 400, 'validation_failed'],
      [officer, {}, 400, 'sharing_own_dataset'],
    ];
    for (const [cookie, over, status, code] of cases) {
      const res = await post(cookie, '/api/v1/sharing/requests', form(over));
      expect([res.statusCode, res.json().code], JSON.stringify(over)).toEqual([status, code]);
    }
    const en = await post(consumer, '/api/v1/sharing/requests', form({ fields: ['nope'] }), 'en');
    expect(en.json().detail).toBe('Dataset SHR-RK-01 has no fields nope');
    const list = await f.inject({
      url: '/api/v1/sharing/requests?side=consumer',
      headers: { cookie: consumer },
    });
    expect(list.json().items).toEqual([]);
  });

  it('goes to the owner for conditional data: ask, answer, approve narrower; the platform may not decide it', async () => {
    const { consumer, officer, admin } = f.cookies;
    const made = await post(
      consumer,
      '/api/v1/sharing/requests',
      form({ areaField: 'community_code', areaCode: '330106' }),
    );
    expect(made.statusCode, made.body).toBe(201);
    const r = made.json();
    expect(r).toMatchObject({
      status: 'pending',
      approver: 'owner',
      consumerOrgName: '杭州市民政局',
      overdue: false,
    });
    expect(r.deadline > today()).toBe(true);
    const again = await post(consumer, '/api/v1/sharing/requests', form());
    expect(again.json().code).toBe('sharing_pending_exists');

    const inbox = await f.inject({
      url: '/api/v1/sharing/requests?side=owner',
      headers: { cookie: officer },
    });
    expect(inbox.json().items.map((x: { id: string }) => x.id)).toEqual([r.id]);
    const byPlatform = await post(admin, `/api/v1/sharing/requests/${r.id}/approve`, {
      fields: ['name'],
      periodStart: today(),
      periodEnd: today(),
      dailyQuota: 1,
    });
    expect([byPlatform.statusCode, byPlatform.json().code]).toEqual([403, 'sharing_not_decider']);
    // The consumer cannot decide its own request.
    const self = await post(consumer, `/api/v1/sharing/requests/${r.id}/reject`, { reason: '自己驳回' });
    expect(self.statusCode).toBe(403);

    const asked = await post(officer, `/api/v1/sharing/requests/${r.id}/ask`, {
      question: '请提供低保审批文件',
    });
    expect(asked.json()).toMatchObject({
      status: 'more_info',
      messages: [{ kind: 'ask', text: '请提供低保审批文件' }],
    });
    const early = await post(officer, `/api/v1/sharing/requests/${r.id}/approve`, {
      fields: ['name'],
      periodStart: today(),
      periodEnd: today(),
      dailyQuota: 1,
    });
    expect(early.json().code).toBe('wrong_status');
    const answered = await post(consumer, `/api/v1/sharing/requests/${r.id}/answer`, {
      answer: '已附审批文件编号 2026-01',
    });
    expect(answered.json()).toMatchObject({
      status: 'pending',
      messages: [{ kind: 'ask' }, { kind: 'answer' }],
    });

    const wider = await post(officer, `/api/v1/sharing/requests/${r.id}/approve`, {
      fields: ['id_number', 'note'],
      periodStart: today(),
      periodEnd: shift(today(), 30),
      dailyQuota: 500,
    });
    expect(wider.json().code).toBe('sharing_approve_wider');
    const outside = await post(officer, `/api/v1/sharing/requests/${r.id}/approve`, {
      fields: ['id_number'],
      periodStart: today(),
      periodEnd: shift(today(), 30),
      dailyQuota: 500,
      areaField: 'community_code',
      areaCode: '330102',
    });
    expect(outside.json().code).toBe('sharing_approve_wider');
    const ok = await post(officer, `/api/v1/sharing/requests/${r.id}/approve`, {
      fields: ['id_number', 'name', 'community_code'],
      periodStart: today(),
      periodEnd: shift(today(), 30),
      dailyQuota: 500,
      note: '不含出生年份',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', decisionNote: '不含出生年份' });
    const grants = await f.inject({
      url: '/api/v1/sharing/grants?side=consumer',
      headers: { cookie: consumer },
    });
    expect(grants.json().items[0]).toMatchObject({
      id: ok.json().grantId,
      status: 'active',
      fields: [{ name: 'id_number', title: '身份证号' }, { name: 'name' }, { name: 'community_code' }],
      areaField: 'community_code',
      areaCode: '330106',
      dailyQuota: 500,
    });
    const entries = await f.ledger('sharing.approve');
    expect(entries.at(-1)).toMatchObject({
      dataset: 'SHR-RK-01',
      details: { request: r.id, grant: ok.json().grantId },
    });
  });

  it('goes to the platform for unconditional data; the owner may not decide it; withdrawn requests end', async () => {
    const { consumer, officer, admin } = f.cookies;
    const r = (
      await post(
        consumer,
        '/api/v1/sharing/requests',
        form({ datasetCode: 'SHR-ZD-02', fields: ['station', 'city'] }),
      )
    ).json();
    expect(r.approver).toBe('platform');
    const byOwner = await post(officer, `/api/v1/sharing/requests/${r.id}/reject`, { reason: '不同意' });
    expect(byOwner.json().code).toBe('sharing_not_decider');
    const all = await f.inject({ url: '/api/v1/sharing/requests?side=platform', headers: { cookie: admin } });
    expect(all.json().items.some((x: { id: string }) => x.id === r.id)).toBe(true);
    const notAdmin = await f.inject({
      url: '/api/v1/sharing/requests?side=platform',
      headers: { cookie: consumer },
    });
    expect(notAdmin.statusCode).toBe(403);
    const w = await post(consumer, `/api/v1/sharing/requests/${r.id}/withdraw`);
    expect(w.json().status).toBe('withdrawn');
    const r2 = (
      await post(
        consumer,
        '/api/v1/sharing/requests',
        form({ datasetCode: 'SHR-ZD-02', fields: ['station', 'city'] }),
      )
    ).json();
    const ok = await post(admin, `/api/v1/sharing/requests/${r2.id}/approve`, {
      fields: ['station'],
      periodStart: today(),
      periodEnd: today(),
      dailyQuota: 10,
    });
    expect(ok.json().status).toBe('approved');
  });

  it('escalates an overdue request to the platform, which may then decide it', async () => {
    const { consumer, admin } = f.cookies;
    const other = await f.newApp(f.civilId, '民政第二应用');
    const r = (
      await post(consumer, '/api/v1/sharing/requests', form({ clientId: other.id, fields: ['name'] }))
    ).json();
    await f.t.services.db
      .updateTable('sharing.request')
      .set({ deadline: shift(today(), -1) })
      .where('id', '=', r.id)
      .execute();
    const overdue = await f.inject({
      url: '/api/v1/sharing/requests?side=platform&overdue=true',
      headers: { cookie: admin },
    });
    expect(overdue.json().items.map((x: { id: string; overdue: boolean }) => [x.id, x.overdue])).toEqual([
      [r.id, true],
    ]);
    const rejected = await post(admin, `/api/v1/sharing/requests/${r.id}/reject`, {
      reason: '超期后由平台驳回：用途不明',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decidedByName: 'admin' });
  });

  it('hides other organisations’ requests', async () => {
    const { consumer } = f.cookies;
    const viewerOrg = await f.t.login('viewer');
    const r = (
      await f.inject({ url: '/api/v1/sharing/requests?side=consumer', headers: { cookie: consumer } })
    ).json().items[0];
    expect(
      (await f.inject({ url: `/api/v1/sharing/requests/${r.id}`, headers: { cookie: viewerOrg } }))
        .statusCode,
    ).toBe(403);
  });
});
