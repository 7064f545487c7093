import type { DataRequest } from '@shuzhi/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommunityFixture, communityFixture } from './community.fixtures.ts';
import { ASK_PER_HOUR } from './requests.routes.ts';

let f: CommunityFixture;
const EMAIL = 'zhang.san@example.com';

const ask = {
  title: '公共停车场实时泊位数据',
  description: '希望开放全市公共停车场的实时空余泊位数，用于出行导航应用。',
  fields: '停车场名称、地址、总泊位、空余泊位、更新时间',
  formats: ['json', 'api', 'json'],
  purpose: '开发便民出行小程序',
};

const rows = async () =>
  Number(
    (
      await sql<{ n: number }>`select count(*)::int as n from open_community.data_request`.execute(
        f.t.services.db,
      )
    ).rows[0]?.n,
  );

beforeAll(async () => {
  f = await communityFixture();
}, 120_000);
afterAll(() => f.t.close());

async function asked(cookie: string | null, body: Record<string, unknown>): Promise<DataRequest> {
  const res = await f.call(cookie, 'POST', '/requests', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as DataRequest;
}

describe('data requests (点单式开放): asking', () => {
  it('refuses bad input with a precise message in zh-CN and en, and stores nothing', async () => {
    const before = await rows();
    const anon = await f.call(null, 'POST', '/requests', ask);
    expect(anon.statusCode).toBe(400);
    expect(anon.json()).toMatchObject({ code: 'open_request_contact_required' });
    expect(anon.json().detail).toContain('联系邮箱');
    const en = await f.call(null, 'POST', '/requests', ask, { lang: 'en' });
    expect(en.json().detail).toContain('contact e-mail');
    expect(en.json().errors).toEqual([{ field: 'contactEmail', message: 'required when not signed in' }]);

    const invalid: [Record<string, unknown>, string][] = [
      [{ ...ask, contactEmail: EMAIL, title: '停车' }, 'title'],
      [{ ...ask, contactEmail: EMAIL, description: 'x'.repeat(2001) }, 'description'],
      [{ ...ask, contactEmail: EMAIL, purpose: undefined }, 'purpose'],
      [{ ...ask, contactEmail: 'not-an-email' }, 'contactEmail'],
      [{ ...ask, contactEmail: EMAIL, formats: ['pdf'] }, 'formats.0'],
    ];
    for (const [body, field] of invalid) {
      const res = await f.call(null, 'POST', '/requests', body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const unknownOrg = await f.call(null, 'POST', '/requests', {
      ...ask,
      contactEmail: EMAIL,
      suggestedOrgId: '00000000-0000-7000-8000-000000000001',
    });
    expect(unknownOrg.statusCode).toBe(404);
    expect(await rows()).toBe(before);
  });

  it('takes an anonymous request with an e-mail and a signed-in one without, deadline 10 working days on', async () => {
    const anon = await asked(null, { ...ask, contactEmail: EMAIL, suggestedOrgId: f.police.id });
    expect(anon).toMatchObject({
      status: 'submitted',
      requesterKind: 'anonymous',
      formats: ['json', 'api'],
      suggestedOrg: { id: f.police.id, name: '杭州市公安局' },
      assignedOrg: null,
      overdue: false,
      mine: false,
      canAssign: false,
    });
    expect(anon.deadline > anon.createdAt.slice(0, 10)).toBe(true);
    const mine = await asked(f.viewer, { ...ask, title: '养老机构床位信息' });
    expect(mine).toMatchObject({ requesterKind: 'registered', mine: true, suggestedOrg: null });
  });
});

describe('data requests: privacy of the requester', () => {
  let id: string;
  beforeAll(async () => {
    id = (
      await asked(f.viewer, {
        ...ask,
        title: '隐私测试需求',
        contactEmail: EMAIL,
        suggestedOrgId: f.police.id,
      })
    ).id;
  });

  it('never shows the contact or who asked to the public, the list or the inbox', async () => {
    for (const [cookie, url] of [
      [null, `/requests/${id}`],
      [null, '/requests?limit=100'],
      [f.officer, '/requests/inbox'],
      [f.admin, '/requests/inbox'],
      [f.civilOfficer, `/requests/${id}`],
    ] as const) {
      const res = await f.call(cookie, 'GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).not.toContain(EMAIL);
      expect(res.body).not.toContain('"viewer"');
      expect(res.body).not.toContain('contact');
    }
  });

  it('gives the contact only to the admin and the assigned owner, each read in the ledger', async () => {
    expect((await f.call(null, 'GET', `/requests/${id}/contact`)).statusCode).toBe(401);
    for (const cookie of [f.viewer, f.officer, f.civilOfficer]) {
      const res = await f.call(cookie, 'GET', `/requests/${id}/contact`);
      expect(res.statusCode).toBe(403);
    }
    expect(await f.ledgerOf('open.request_contact_read')).toHaveLength(0);
    const byAdmin = await f.call(f.admin, 'GET', `/requests/${id}/contact`);
    expect(byAdmin.json()).toEqual({ requesterName: 'viewer', contactEmail: EMAIL });
    expect((await f.call(f.admin, 'POST', `/requests/${id}/assign`, { orgId: f.police.id })).statusCode).toBe(
      200,
    );
    const byOwner = await f.call(f.officer, 'GET', `/requests/${id}/contact`);
    expect(byOwner.statusCode).toBe(200);
    expect(byOwner.json().contactEmail).toBe(EMAIL);
    const reads = await f.ledgerOf('open.request_contact_read');
    expect(reads).toHaveLength(2);
    expect(reads[1]).toMatchObject({ details: { request: id }, actor: { name: 'officer' } });
    expect(JSON.stringify(reads)).not.toContain(EMAIL);
  });
});

describe('data requests: assignment rules', () => {
  it('lets the suggested organisation’s officer route an unrouted request, the admin any pending one, nobody else', async () => {
    const r = await asked(null, {
      ...ask,
      title: '指派规则测试',
      contactEmail: EMAIL,
      suggestedOrgId: f.police.id,
    });
    const assign = (cookie: string | null, orgId: string) =>
      f.call(cookie, 'POST', `/requests/${r.id}/assign`, { orgId });
    expect((await assign(null, f.civil.id)).statusCode).toBe(401);
    for (const cookie of [f.viewer, f.civilOfficer]) {
      const res = await assign(cookie, f.civil.id);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('open_request_cannot_assign');
    }
    expect((await assign(f.officer, '00000000-0000-7000-8000-000000000009')).statusCode).toBe(404);

    // The police officer sees it in the inbox (suggested) and passes it on to civil affairs.
    const inbox = await f.call(f.officer, 'GET', '/requests/inbox');
    expect(inbox.json().items.find((x: DataRequest) => x.id === r.id)).toMatchObject({ canAssign: true });
    const passed = await assign(f.officer, f.civil.id);
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json()).toMatchObject({ status: 'assigned', assignedOrg: { name: '杭州市民政局' } });
    expect(passed.json().deadline).toBe(r.deadline);
    expect((await assign(f.officer, f.police.id)).json().code).toBe('open_request_cannot_assign');
    const policeInbox = (await f.call(f.officer, 'GET', '/requests/inbox')).json().items as DataRequest[];
    expect(policeInbox.some((x) => x.id === r.id)).toBe(false);
    const civilInbox = (await f.call(f.civilOfficer, 'GET', '/requests/inbox')).json().items as DataRequest[];
    expect(civilInbox.find((x) => x.id === r.id)).toMatchObject({ canAnswer: true, canAssign: false });

    // The admin reassigns; a viewer has no inbox.
    const back = await assign(f.admin, f.police.id);
    expect(back.json()).toMatchObject({ assignedOrg: { id: f.police.id } });
    expect((await f.call(f.viewer, 'GET', '/requests/inbox')).statusCode).toBe(403);
    const entries = (await f.ledgerOf('open.request_assign')).filter(
      (e) => (e.details as { request: string }).request === r.id,
    );
    expect(entries.map((e) => (e.details as { org: string }).org)).toEqual([f.civil.id, f.police.id]);
  });
});

describe('data requests: answers', () => {
  it('takes will open / already open / cannot open from the assigned owner only, and publishes them', async () => {
    const r = await asked(null, { ...ask, title: '空气监测数据需求', contactEmail: EMAIL });
    const answer = (cookie: string, body: Record<string, unknown>) =>
      f.call(cookie, 'POST', `/requests/${r.id}/answer`, body);
    const early = await answer(f.officer, { outcome: 'will_open', text: '计划开放' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('wrong_status');
    await f.call(f.admin, 'POST', `/requests/${r.id}/assign`, { orgId: f.police.id });

    for (const cookie of [f.admin, f.civilOfficer, f.viewer]) {
      const res = await answer(cookie, { outcome: 'will_open', text: '计划开放' });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('open_request_not_assignee');
    }
    const bad: [Record<string, unknown>, number, string][] = [
      [{ outcome: 'already_open', datasetCode: 'COND-X-03' }, 400, 'open_request_dataset_not_open'],
      [{ outcome: 'cannot_open', reason: 'legal', text: '太短' }, 400, 'validation_failed'],
      [
        { outcome: 'cannot_open', reason: 'secret', text: '依据有关法律法规不能开放该数据' },
        400,
        'validation_failed',
      ],
      [
        { outcome: 'will_open', text: '计划开放', plannedDate: '2020-01-01' },
        400,
        'open_request_planned_past',
      ],
      [{ outcome: 'maybe', text: '再说' }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of bad) {
      const res = await answer(f.officer, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    expect((await f.call(null, 'GET', `/requests/${r.id}`)).json().status).toBe('assigned');

    const planned = await answer(f.officer, {
      outcome: 'will_open',
      text: '将于年底前开放',
      plannedDate: '2099-12-01',
    });
    expect(planned.json()).toMatchObject({
      status: 'answered',
      outcome: 'will_open',
      plannedDate: '2099-12-01',
    });
    const linked = await answer(f.officer, {
      outcome: 'already_open',
      datasetCode: 'OPEN-AIR.01',
      text: '已开放',
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await answer(f.officer, { outcome: 'will_open', text: '再次答复' })).statusCode).toBe(409);

    const pub = (await f.call(null, 'GET', `/requests/${r.id}`)).json() as DataRequest;
    expect(pub).toMatchObject({
      status: 'answered',
      outcome: 'already_open',
      datasetCode: 'OPEN-AIR.01',
      datasetName: '空气质量日报',
      answer: '已开放',
      plannedDate: null,
      answeredAt: planned.json().answeredAt,
      canAnswer: false,
    });
    const entries = (await f.ledgerOf('open.request_answer')).filter(
      (e) => (e.details as { request: string }).request === r.id,
    );
    expect(entries.map((e) => (e.details as { outcome: string }).outcome)).toEqual([
      'will_open',
      'already_open',
    ]);

    const refused = await asked(null, { ...ask, title: '人口详细信息', contactEmail: EMAIL });
    await f.call(f.admin, 'POST', `/requests/${refused.id}/assign`, { orgId: f.police.id });
    const no = await f.call(f.officer, 'POST', `/requests/${refused.id}/answer`, {
      outcome: 'cannot_open',
      reason: 'sensitive',
      text: '该数据为 L4 级敏感数据，依规不能开放',
    });
    expect(no.json()).toMatchObject({ outcome: 'cannot_open', reason: 'sensitive' });
    expect((await f.call(null, 'GET', `/requests/${refused.id}`)).json().answer).toBe(
      '该数据为 L4 级敏感数据，依规不能开放',
    );
  });
});

describe('data requests: deadline in working days, overdue', () => {
  it('counts 10 working days over the National Day holidays and the worked Saturday, and flags late', async () => {
    const svc = (iso: string) => f.requestsAt(iso);
    const [viewer, officer] = await Promise.all([f.actorOf(f.viewer), f.actorOf(f.officer)]);
    // Monday 28 September 2026: 1–7 October are holidays, Saturday 10 October is worked.
    const r = await svc('2026-09-28T02:00:00Z').ask(viewer, {
      ...ask,
      title: '国庆期间的需求',
      fields: '',
      formats: [],
      suggestedOrgId: f.police.id,
    });
    expect(r.deadline).toBe('2026-10-16');
    expect((await svc('2026-10-16T15:00:00Z').get(viewer, r.id)).overdue).toBe(false);
    const late = svc('2026-10-19T01:00:00Z');
    expect((await late.get(viewer, r.id)).overdue).toBe(true);
    const overdue = await late.list(viewer, { overdue: true, limit: 100 });
    expect(overdue.items.map((x) => x.id)).toContain(r.id);
    expect((await late.list(viewer, { overdue: false, limit: 100 })).items.map((x) => x.id)).not.toContain(
      r.id,
    );
    expect((await late.inbox(officer, { overdue: true, limit: 100 })).items.map((x) => x.id)).toContain(r.id);

    await late.assign(officer, r.id, f.police.id);
    const answered = await late.answer(officer, r.id, { outcome: 'will_open', text: '将开放' });
    expect(answered).toMatchObject({ overdue: false, answeredLate: true, status: 'answered' });
    expect((await late.list(viewer, { overdue: true, limit: 100 })).items.map((x) => x.id)).not.toContain(
      r.id,
    );
    const entry = (await f.ledgerOf('open.request_answer')).find(
      (e) => (e.details as { request: string }).request === r.id,
    );
    expect(entry?.details).toMatchObject({ late: true });
  });
});

describe('data requests: the public list', () => {
  it('searches, filters by status, and withdraws what the admin rejects', async () => {
    const spam = await asked(f.viewer, {
      ...ask,
      title: '广告推广垃圾信息',
      description: '购买便宜的广告推广服务请联系',
    });
    const list = async (cookie: string | null, query: string) =>
      ((await f.call(cookie, 'GET', `/requests?${query}`)).json().items as DataRequest[]).map((x) => x.title);
    expect(await list(null, `q=${encodeURIComponent('养老')}&limit=100`)).toEqual(['养老机构床位信息']);
    expect(await list(null, `q=${encodeURIComponent('停车场')}&limit=100`)).toContain(ask.title);
    expect(await list(null, 'status=answered&limit=100')).toContain('空气监测数据需求');
    expect(await list(null, 'status=answered&limit=100')).not.toContain(ask.title);
    expect((await f.call(null, 'GET', '/requests?status=closed')).statusCode).toBe(400);
    expect((await f.call(null, 'GET', '/requests?mine=true')).statusCode).toBe(401);
    expect(await list(f.viewer, 'mine=true&limit=100')).toContain('养老机构床位信息');
    expect(await list(f.viewer, 'mine=true&limit=100')).not.toContain('空气监测数据需求');

    expect(
      (await f.call(f.officer, 'POST', `/requests/${spam.id}/reject`, { reason: '广告' })).statusCode,
    ).toBe(403);
    const rejected = await f.call(f.admin, 'POST', `/requests/${spam.id}/reject`, { reason: '广告信息' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '广告信息', canAssign: false });
    expect(await list(null, 'limit=100')).not.toContain(spam.title);
    expect((await f.call(null, 'GET', `/requests/${spam.id}`)).statusCode).toBe(404);
    expect((await f.call(f.officer, 'GET', `/requests/${spam.id}`)).statusCode).toBe(404);
    expect((await f.call(f.viewer, 'GET', `/requests/${spam.id}`)).json().rejectReason).toBe('广告信息');
    expect(await list(f.admin, 'status=rejected')).toEqual([spam.title]);
    expect(await list(null, 'status=rejected')).toEqual([]);
    expect(
      (await f.call(f.admin, 'POST', `/requests/${spam.id}/assign`, { orgId: f.police.id })).statusCode,
    ).toBe(409);

    const page1 = (await f.call(null, 'GET', '/requests?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await f.call(null, 'GET', `/requests?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items[0].id < page1.items[1].id).toBe(true);
  });

  it('limits asking per address', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < ASK_PER_HOUR; i++) {
      const res = await f.call(null, 'POST', '/requests', { ...ask, contactEmail: EMAIL }, { ip });
      expect(res.statusCode).toBe(201);
    }
    const over = await f.call(null, 'POST', '/requests', { ...ask, contactEmail: EMAIL }, { ip });
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('rate_limited');
    expect(over.json().detail).toContain('请求过于频繁');
    expect((await f.call(null, 'POST', '/requests', { ...ask, contactEmail: EMAIL })).statusCode).toBe(201);
  });
});
