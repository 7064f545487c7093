import type { Complaint } from '@shuzhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInActor } from '../../platform/actor.ts';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { createComplaintsService } from './index.ts';
import { addUser, call, ledgerSince, ledgerSize, load, publishPersons, runJobs } from './test-fixtures.ts';

let t: TestContext;
let admin: string;
let officer: string;
let viewer: string;
let policeViewer: string;
let civilOfficer: string;
let persons: string;

const ID = '11010519491231002X';

const raise = (cookie: string, body: Record<string, unknown>) => call(t, cookie, 'POST', '/complaints', body);
const list = async (cookie: string, query: string) => {
  const res = await call(t, cookie, 'GET', `/complaints?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Complaint[];
};
const actorOf = async (cookie: string) =>
  (await t.services.auth.actorFromSession(cookie.split('=')[1])) as SignedInActor;

/** The complaints service on a fixed clock (the deadline and overdue arithmetic depend on the day). */
const at = (iso: string) =>
  createComplaintsService({
    db: t.services.db,
    ledger: t.services.ledger,
    runner: t.services.quality.runner,
    getDataset: t.services.catalog.service.getDataset,
    findDataset: t.services.catalog.findDatasetById,
    orgNames: async (ids) => new Map((await t.services.orgs.findOrgs(ids)).map((o) => [o.id, o.name])),
    workingDays: 5,
    salt: 'test-salt-0123456789',
    now: () => new Date(iso),
  });

beforeAll(async () => {
  t = await createTestContext();
  [admin, officer, viewer] = await Promise.all([t.login('admin'), t.login('officer'), t.login('viewer')]);
  policeViewer = await addUser(t, 'police_viewer', 2, 'viewer');
  civilOfficer = await addUser(t, 'civil_officer', 3, 'data_officer');
  persons = await publishPersons(t, { officer, admin }, 'GA-QC-01');
  await load(t, persons, [[ID, '张三', '13812345678', '男', 76, '1949-12-31', null, null, '正常']]);
}, 120_000);
afterAll(() => t.close());

describe('quality complaints (质量申诉)', () => {
  let id: string;

  it('lets anyone who sees the dataset raise one on a record and field, refusing bad input', async () => {
    const bad: [Record<string, unknown>, number, string][] = [
      [
        { datasetId: persons, recordKey: { xm: '张三' }, text: '手机号码不是本人的' },
        400,
        'complaint_key_fields',
      ],
      [{ datasetId: persons, field: 'phone', text: '手机号码不是本人的' }, 400, 'quality_unknown_field'],
      [{ datasetId: persons, text: '短' }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of bad) {
      const res = await raise(viewer, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/datasets',
      headers: { cookie: officer },
      payload: {
        code: 'GA-QC-DRAFT',
        name: '未发布数据',
        theme: 'population',
        updateFrequency: 'daily',
        shareType: 'none',
        openType: 'none',
        level: 'L2',
        fields: [{ name: 'dm', title: '代码', type: 'string', key: true }],
      },
    });
    expect((await raise(viewer, { datasetId: draft.json().id, text: '看不到的数据集' })).statusCode).toBe(
      404,
    );
    expect(await list(viewer, 'box=mine')).toEqual([]);

    const from = await ledgerSize(t);
    const res = await raise(viewer, {
      datasetId: persons,
      recordKey: { sfzh: ID },
      field: 'sjh',
      text: '该手机号码已停用，应为 13900001111',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Complaint;
    id = c.id;
    expect(c).toMatchObject({
      status: 'open',
      source: 'staff',
      datasetCode: 'GA-QC-01',
      ownerOrgName: '杭州市公安局',
      complainantName: 'viewer',
      complainantOrgName: '杭州市民政局',
      recordKey: { sfzh: ID },
      keyMasked: false,
      field: 'sjh',
      fieldTitle: '手机号码',
      overdue: false,
      mine: true,
      canAnswer: false,
      canClose: false,
    });
    expect(c.deadline > c.createdAt.slice(0, 10)).toBe(true);
    const raised = (await ledgerSince(t, from)).filter((e) => e.action === 'quality.complaint_raise');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      dataset: 'GA-QC-01',
      fields: ['sjh'],
      details: { complaint: id, source: 'staff' },
    });
    expect(JSON.stringify(raised)).not.toContain(ID);
  });

  it('puts it in the owner’s inbox; the key is clear only to the complainant and the owner’s officers', async () => {
    const inbox = await list(officer, 'box=inbox');
    expect(inbox.map((c) => c.id)).toEqual([id]);
    expect(inbox[0]).toMatchObject({
      recordKey: { sfzh: ID },
      keyMasked: false,
      canAnswer: true,
      mine: false,
    });
    const other = await call(t, policeViewer, 'GET', `/complaints/${id}`);
    expect(other.statusCode).toBe(200);
    expect(other.json().keyMasked).toBe(true);
    expect(other.json().recordKey.sfzh).not.toBe(ID);
    expect((await call(t, civilOfficer, 'GET', `/complaints/${id}`)).statusCode).toBe(404);
    expect(await list(civilOfficer, 'box=inbox')).toEqual([]);
    expect((await call(t, policeViewer, 'GET', '/complaints?box=inbox')).statusCode).toBe(403);
    expect((await list(admin, 'box=inbox')).map((c) => c.id)).toContain(id);
  });

  it('lets only the owner’s officer answer, once; correcting queues a recheck', async () => {
    for (const cookie of [viewer, policeViewer, admin]) {
      const res = await call(t, cookie, 'POST', `/complaints/${id}/answer`, {
        outcome: 'answered',
        answer: '已核实',
      });
      expect(res.statusCode, res.body).toBe(403);
    }
    expect((await call(t, viewer, 'POST', `/complaints/${id}/close`, {})).statusCode).toBe(409);
    const from = await ledgerSize(t);
    const res = await call(t, officer, 'POST', `/complaints/${id}/answer`, {
      outcome: 'corrected',
      answer: '已核实并更正为 13900001111',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'corrected',
      answeredBy: 'officer',
      answeredLate: false,
      canAnswer: false,
    });
    const again = await call(t, officer, 'POST', `/complaints/${id}/answer`, {
      outcome: 'answered',
      answer: '再答',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('wrong_status');
    await runJobs(t);
    const runs = (await call(t, officer, 'GET', `/datasets/${persons}/runs`)).json().items;
    expect(runs[0]).toMatchObject({ trigger: 'complaint', status: 'succeeded' });
    const answered = (await ledgerSince(t, from)).find((e) => e.action === 'quality.complaint_answer');
    expect(answered).toMatchObject({ details: { complaint: id, outcome: 'corrected', late: false } });
  });

  it('shows the complainant the outcome; they close it, nobody else', async () => {
    const mine = await list(viewer, 'box=mine');
    expect(mine[0]).toMatchObject({
      status: 'corrected',
      answer: '已核实并更正为 13900001111',
      canClose: true,
    });
    expect((await call(t, officer, 'POST', `/complaints/${id}/close`, {})).statusCode).toBe(403);
    const closed = await call(t, viewer, 'POST', `/complaints/${id}/close`, { feedback: '已确认，谢谢' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', feedback: '已确认，谢谢', canClose: false });
    expect((await call(t, viewer, 'POST', `/complaints/${id}/close`, {})).statusCode).toBe(409);
    expect((await list(officer, 'box=inbox&status=closed')).map((c) => c.id)).toEqual([id]);
  });

  it('records every step and every read of record keys in the ledger', async () => {
    const from = await ledgerSize(t);
    await list(officer, 'box=inbox');
    const reads = (await ledgerSince(t, from)).filter((e) => e.action === 'quality.complaints_read');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      purpose: '质量异议 / quality complaint',
      details: { complaints: 1, masked: 0 },
    });
    const all = (await ledgerSince(t, 0)).map((e) => e.action);
    for (const action of ['quality.complaint_raise', 'quality.complaint_answer', 'quality.complaint_close'])
      expect(all).toContain(action);
  });
});

describe('deadlines in working days', () => {
  it('counts five working days across the National Day break and its 调休 Saturday', async () => {
    const c = await at('2026-09-30T02:00:00Z').raiseComplaint(await actorOf(viewer), {
      datasetId: persons,
      text: '国庆前提出的申诉',
    });
    expect(c.deadline).toBe('2026-10-13');
    const before = await at('2026-10-13T15:59:00Z').getComplaint(await actorOf(officer), c.id);
    expect(before.overdue).toBe(false);
    // 14 October in China: the deadline has passed.
    const late = at('2026-10-13T16:00:00Z');
    const officerActor = await actorOf(officer);
    expect((await late.getComplaint(officerActor, c.id)).overdue).toBe(true);
    const overdue = await late.listComplaints(officerActor, { box: 'inbox', overdue: true, limit: 50 });
    expect(overdue.items.map((x) => x.id)).toEqual([c.id]);
    const onTime = await late.listComplaints(officerActor, { box: 'inbox', overdue: false, limit: 50 });
    expect(onTime.items.map((x) => x.id)).not.toContain(c.id);
    const answered = await late.answer(officerActor, c.id, {
      outcome: 'answered',
      answer: '逾期答复：数据无误',
    });
    expect(answered).toMatchObject({ status: 'answered', overdue: false, answeredLate: true });
  });

  it('counts overdue complaints on the dashboard', async () => {
    // Raised long ago (no calendar for 2020: Monday to Friday), never answered.
    await at('2020-01-02T02:00:00Z').raiseComplaint(await actorOf(viewer), {
      datasetId: persons,
      text: '很久以前的申诉',
    });
    const d = (await call(t, officer, 'GET', '/dashboard')).json();
    expect(d.totals.overdueComplaints).toBe(1);
    expect(d.totals.openComplaints).toBe(1);
  });

  it('follows the calendar the admin keeps: a new holiday moves later deadlines', async () => {
    const year = (await call(t, viewer, 'GET', '/calendar?year=2026')).json();
    expect(year.known).toBe(true);
    expect(year.days).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' });
    expect((await call(t, viewer, 'GET', '/calendar?year=2027')).json()).toEqual({
      year: 2027,
      days: [],
      known: false,
    });
    const raiseOn = async () =>
      (
        await at('2026-12-31T02:00:00Z').raiseComplaint(await actorOf(viewer), {
          datasetId: persons,
          text: '年底的申诉',
        })
      ).deadline;
    expect(await raiseOn()).toBe('2027-01-07');
    const reason = '国务院办公厅关于2027年部分节假日安排的通知';
    const holiday = { kind: 'holiday', name: '元旦', reason };
    expect((await call(t, officer, 'PUT', '/calendar/2027-01-01', holiday)).statusCode).toBe(403);
    expect((await call(t, admin, 'PUT', '/calendar/2027-02-30', holiday)).statusCode).toBe(400);
    const noReason = await call(t, admin, 'PUT', '/calendar/2027-01-01', { kind: 'holiday', name: '元旦' });
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'validation_failed']);
    // 2027-01-04 is a Monday: worked already, so a 调休 workday there is refused and nothing stored.
    const weekday = await call(t, admin, 'PUT', '/calendar/2027-01-04', { ...holiday, kind: 'workday' });
    expect([weekday.statusCode, weekday.json().code]).toEqual([400, 'calendar_workday_weekday']);
    expect(weekday.json().detail).toContain('调休');
    expect((await call(t, viewer, 'GET', '/calendar?year=2027')).json().days).toEqual([]);
    const from = await ledgerSize(t);
    const put = await call(t, admin, 'PUT', '/calendar/2027-01-01', holiday);
    expect(put.statusCode, put.body).toBe(200);
    expect(await raiseOn()).toBe('2027-01-08');
    expect((await call(t, admin, 'DELETE', '/calendar/2027-01-01')).statusCode).toBe(400);
    const del = `/calendar/2027-01-01?reason=${encodeURIComponent('录入有误')}`;
    expect((await call(t, admin, 'DELETE', del)).statusCode).toBe(204);
    expect((await call(t, admin, 'DELETE', del)).statusCode).toBe(404);
    const changes = (await ledgerSince(t, from)).filter((e) => e.action.startsWith('quality.calendar_'));
    expect(changes.map((e) => [e.action, (e.details as { reason: string }).reason])).toEqual([
      ['quality.calendar_put', reason],
      ['quality.calendar_delete', '录入有误'],
    ]);
  });

  it('keeps the raise function for data subjects: no catalog visibility, source recorded', async () => {
    const draft = await publishDataset(
      t,
      { officer, admin },
      {
        code: 'GA-QC-02',
        name: '另一数据集',
        fields: [{ name: 'sfzh', title: '公民身份号码', type: 'string', key: true }],
      },
    );
    const c = await t.services.quality.complaints.raiseAsDataSubject(await actorOf(viewer), draft, {
      recordKey: { sfzh: ID },
      text: '这条记录不是我的',
    });
    expect(c).toMatchObject({ source: 'data_subject', complainantOrgName: null, recordKey: { sfzh: ID } });
  });

  it('masks a key by its dataset’s level for readers who did not type it, and ledgers the field', async () => {
    // Core data (L4): its key is graded low, yet it leaves only as a keyed hash to the admin.
    const core = await publishDataset(
      t,
      { officer, admin },
      {
        code: 'GA-QC-L4',
        name: '核心户籍数据',
        level: 'L4',
        fields: [
          { name: 'hh', title: '户号', type: 'string', key: true, sensitivity: 'low' },
          { name: 'zt', title: '状态', type: 'string' },
        ],
      },
    );
    const raised = await raise(viewer, { datasetId: core, recordKey: { hh: 'H0001' }, text: '户号状态有误' });
    expect(raised.statusCode, raised.body).toBe(201);
    const from = await ledgerSize(t);
    const seen = await call(t, admin, 'GET', `/complaints/${raised.json().id}`);
    expect(seen.json().recordKey.hh).toMatch(/^[0-9a-f]{64}$/);
    expect(seen.json().keyMasked).toBe(true);
    const mine = await call(t, viewer, 'GET', `/complaints/${raised.json().id}`);
    expect(mine.json().recordKey).toEqual({ hh: 'H0001' });
    const reads = (await ledgerSince(t, from)).filter((e) => e.action === 'quality.complaints_read');
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatchObject({ dataset: 'GA-QC-L4', fields: ['hh'], details: { masked: 1 } });
    expect(reads[0]?.subjects).toHaveLength(1);
    expect(JSON.stringify(reads)).not.toContain('H0001');
  });
});
