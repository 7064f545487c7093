import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseGate } from '../../privacy/index.ts';
import { addWorkingDays, chinaDay } from '../../quality/index.ts';
import { calendarFrom } from '../index.ts';
import { resourceIdOf } from '../open.names.ts';
import { accessFixture } from './access.fixtures.ts';
import { createOpenAccess } from './index.ts';

let f: Awaited<ReturnType<typeof accessFixture>>;
beforeAll(async () => {
  f = await accessFixture();
});
afterAll(() => f.t.close());

const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = () => chinaDay(new Date());

const form = (over: Record<string, unknown> = {}) => ({
  datasetCode: 'ACC-COND-02',
  applicantName: '陈研究',
  applicantOrg: '浙江大学',
  purpose: '研究城市空气质量与监测站管理的关系',
  fields: ['station', 'city', 'pm25', 'phone', 'manager'],
  periodStart: today(),
  periodEnd: shift(today(), 60),
  ...over,
});

async function apply(cookie: string, over: Record<string, unknown> = {}, lang = 'zh-CN') {
  return f.inject({
    method: 'POST',
    url: '/api/v1/open/access/applications',
    headers: { cookie, 'accept-language': lang },
    payload: form(over),
  });
}

const decide = (cookie: string, id: string, verb: 'approve' | 'reject', payload: object) =>
  f.inject({ method: 'POST', url: `/api/v1/open/access/inbox/${id}/${verb}`, headers: { cookie }, payload });

describe('applying for conditionally open data', () => {
  it('shows the form’s dataset with the fields that may be asked for', async () => {
    const res = await f.inject({ url: '/api/v1/open/access/datasets/ACC-COND-02' });
    expect(res.statusCode).toBe(200);
    const fields = Object.fromEntries(
      (res.json().fields as { name: string; applicable: boolean; masked: boolean }[]).map((x) => [
        x.name,
        [x.applicable, x.masked],
      ]),
    );
    expect(fields).toMatchObject({ city: [true, false], phone: [true, true], note: [false, true] });
    expect((await f.inject({ url: '/api/v1/open/access/datasets/NOPE-99' })).statusCode).toBe(404);
  });

  it('refuses bad applications precisely and changes nothing', async () => {
    const cookie = await f.signup('careful@example.com');
    expect((await apply('')).statusCode).toBe(401);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ fields: ['station', 'nope'] }, 400, 'open_access_field_unknown'],
      [{ fields: ['station', 'note'] }, 400, 'open_access_field_closed'],
      [{ periodStart: shift(today(), -1) }, 400, 'open_access_period_invalid'],
      [{ periodEnd: shift(today(), -1) }, 400, 'open_access_period_invalid'],
      [{ periodEnd: shift(today(), 400) }, 400, 'open_access_period_invalid'],
      [{ datasetCode: 'ACC-OPEN-01' }, 409, 'open_access_not_conditional'],
      [{ datasetCode: 'ACC-L4-03' }, 403, 'open_access_level_closed'],
      [{ datasetCode: 'NOPE-99' }, 404, 'not_found'],
      [{ purpose: '太短' }, 400, 'validation_failed'],
      [{ fields: [] }, 400, 'validation_failed'],
    ];
    for (const [over, status, code] of cases) {
      const res = await apply(cookie, over);
      expect([res.statusCode, res.json().code], JSON.stringify(over)).toEqual([status, code]);
    }
    const en = await apply(cookie, { fields: ['note'] }, 'en');
    expect(en.json().detail).toBe(
      'Fields note hold highly sensitive (L4) data and are never opened; leave them out',
    );
    const zh = await apply(cookie, { periodEnd: shift(today(), -1) });
    expect(zh.json().detail).toContain('使用期限无效：结束日期');
    const mine = await f.inject({ url: '/api/v1/open/access/applications', headers: { cookie } });
    expect(mine.json().items).toEqual([]);
  });
});

describe('the owner decides; the applicant reads what was approved', () => {
  it('approves fewer fields and a shorter period; the applicant’s keys read those fields, masked', async () => {
    const cookie = await f.signup('researcher@example.com');
    const { key, secret } = await f.newKey(cookie);
    const submitted = await apply(cookie);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const app = submitted.json();
    expect(app).toMatchObject({
      status: 'pending',
      overdue: false,
      applicantEmail: 'researcher@example.com',
    });
    const cal = await calendarFrom(f.t.services.quality.calendar)(today());
    expect(app.deadline).toBe(addWorkingDays(today(), 5, cal));
    expect((await apply(cookie)).json().code).toBe('open_access_pending_exists');

    // Before any decision the key has nothing to read.
    const early = await f.inject({
      url: '/api/v1/open/datasets/ACC-COND-02/records',
      headers: { 'x-api-key': secret },
    });
    expect([early.statusCode, early.json().code]).toEqual([403, 'open_access_no_approval']);

    // The inbox: the owner's officer sees it; another organisation's officer neither sees nor decides it.
    const inbox = await f.inject({
      url: '/api/v1/open/access/inbox',
      headers: { cookie: f.cookies.officer },
    });
    expect(inbox.json().items.map((a: { id: string }) => a.id)).toContain(app.id);
    const other = await f.otherOfficer();
    expect(
      (await f.inject({ url: '/api/v1/open/access/inbox', headers: { cookie: other } })).json().items,
    ).toEqual([]);
    expect(
      (await f.inject({ url: `/api/v1/open/access/inbox/${app.id}`, headers: { cookie: other } })).statusCode,
    ).toBe(404);
    const approval = {
      fields: ['station', 'city', 'phone'],
      periodStart: today(),
      periodEnd: shift(today(), 10),
    };
    expect((await decide(other, app.id, 'approve', approval)).statusCode).toBe(404);
    const viewer = await f.t.login('viewer');
    expect((await decide(viewer, app.id, 'approve', approval)).statusCode).toBe(403);
    // The public's session is no staff session.
    expect((await decide(cookie, app.id, 'approve', approval)).statusCode).toBe(401);

    const wider = await decide(f.cookies.officer, app.id, 'approve', {
      ...approval,
      fields: ['station', 'note'],
    });
    expect([wider.statusCode, wider.json().code]).toEqual([400, 'open_access_approve_wider']);
    const longer = await decide(f.cookies.officer, app.id, 'approve', {
      ...approval,
      periodEnd: shift(today(), 61),
    });
    expect([longer.statusCode, longer.json().code]).toEqual([400, 'open_access_approve_wider']);

    const approved = await decide(f.cookies.officer, app.id, 'approve', {
      ...approval,
      note: '仅限研究使用',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      approvedFields: [{ name: 'station' }, { name: 'city' }, { name: 'phone' }],
      approvedEnd: shift(today(), 10),
      decisionNote: '仅限研究使用',
      decidedByName: 'officer',
    });
    expect((await decide(f.cookies.officer, app.id, 'reject', { reason: '再次处理' })).statusCode).toBe(409);
    const seen = await f.inject({ url: `/api/v1/open/access/applications/${app.id}`, headers: { cookie } });
    expect(seen.json()).toMatchObject({ status: 'approved', approvedStart: today(), decidedLate: false });

    const read = await f.inject({
      url: '/api/v1/open/datasets/ACC-COND-02/records?filters={"city":"杭州"}',
      headers: { 'x-api-key': secret },
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      total: 2,
      fields: [
        { name: 'station', masked: false },
        { name: 'city', masked: false },
        { name: 'phone', masked: true },
      ],
      records: [
        { station: 'S1', city: '杭州', phone: '138****5678' },
        { station: 'S2', city: '杭州', phone: '139****5678' },
      ],
    });
    const denied = await f.inject({
      url: '/api/v1/open/datasets/ACC-COND-02/records?fields=station,manager',
      headers: { 'x-api-key': secret },
    });
    expect([denied.statusCode, denied.json().code]).toEqual([403, 'open_access_field_denied']);
    expect(denied.json().detail).toBe('未获批准读取这些字段：manager（已批准：station, city, phone）');
    const probe = await f.inject({
      url: '/api/v1/open/datasets/ACC-COND-02/records?filters={"phone":"13812345678"}',
      headers: { 'x-api-key': secret },
    });
    expect([probe.statusCode, probe.json().code]).toEqual([400, 'open_access_filter_invalid']);

    // CKAN's datastore_search serves the same key the same approved fields, masked; a masked field
    // cannot be filtered on; without the key the resource does not exist.
    const ckan = (
      payload: Record<string, unknown>,
      headers: Record<string, string> = { authorization: secret },
    ) =>
      f.inject({
        method: 'POST',
        url: '/api/3/action/datastore_search',
        headers,
        payload: { resource_id: resourceIdOf(f.condId), ...payload },
      });
    const viaCkan = await ckan({ filters: { city: '杭州' }, sort: 'station' });
    expect(viaCkan.statusCode, viaCkan.body).toBe(200);
    expect(viaCkan.json().result).toMatchObject({
      fields: [{ id: 'station' }, { id: 'city' }, { id: 'phone' }],
      records: [
        { station: 'S1', city: '杭州', phone: '138****5678' },
        { station: 'S2', city: '杭州', phone: '139****5678' },
      ],
      total: 2,
    });
    const maskedFilter = await ckan({ filters: { phone: '13812345678' } });
    expect(maskedFilter.statusCode).toBe(409);
    expect(maskedFilter.json().error).toMatchObject({ __type: 'Validation Error' });
    expect(JSON.stringify(maskedFilter.json().error)).toContain('masked');
    // By the dataset's CKAN name too, as CKAN's DataStore aliases allow.
    const byName = await ckan({ resource_id: 'acc-cond-02', limit: 1 });
    expect(byName.json().result.records).toEqual([{ station: 'S1', city: '杭州', phone: '138****5678' }]);
    const hidden = await ckan({ fields: 'station,manager' });
    expect(hidden.statusCode).toBe(409);
    expect((await ckan({}, {})).statusCode).toBe(404);
    const searches = (await f.ledger('open.datastore_search')).filter(
      (e) => (e.details as { api_key?: string }).api_key === key.id,
    );
    expect(searches).toMatchObject([
      {
        dataset: 'ACC-COND-02',
        purpose: '研究城市空气质量与监测站管理的关系',
        fields: ['city', 'phone', 'station'],
        details: { applications: [app.id], records: 2 },
      },
      { dataset: 'ACC-COND-02', details: { records: 1 } },
    ]);
    expect(searches[0]?.subjects).toHaveLength(2);
    const csv = await f.inject({
      url: '/api/v1/open/datasets/ACC-COND-02/download.csv',
      headers: { 'x-api-key': secret },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toBe(
      '\uFEFFstation,city,phone\r\nS1,杭州,138****5678\r\nS2,杭州,139****5678\r\nS3,宁波,0571-******21\r\nS4,宁波,137****5678\r\n',
    );
    // XLSX at the same address: the same approved fields, masked alike (its ledger entry is below).
    const xlsx = await f.inject({
      url: '/api/v1/open/datasets/ACC-COND-02/download.xlsx',
      headers: { 'x-api-key': secret },
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(
      (wb.worksheets[0]?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1)),
    ).toEqual([
      ['station', 'city', 'phone'],
      ['S1', '杭州', '138****5678'],
      ['S2', '杭州', '139****5678'],
      ['S3', '宁波', '0571-******21'],
      ['S4', '宁波', '137****5678'],
    ]);
    expect((await f.inject({ url: '/api/v1/open/datasets/ACC-COND-02/download.xlsx' })).statusCode).toBe(404);

    // Without a key, or with another person's key, nothing is read.
    const anonymous = await f.inject({ url: '/api/v1/open/datasets/ACC-COND-02/records' });
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'api_key_required']);
    expect((await f.inject({ url: '/api/v1/open/datasets/ACC-COND-02/download.csv' })).statusCode).toBe(404);
    const stranger = await f.newKey(await f.signup('stranger@example.com'));
    const theirs = await f.inject({
      url: '/api/v1/open/datasets/ACC-COND-02/records',
      headers: { 'x-api-key': stranger.secret },
    });
    expect(theirs.statusCode).toBe(403);

    const reads = (await f.ledger('open.records')).filter(
      (e) => (e.details as { api_key?: string }).api_key === key.id,
    );
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      dataset: 'ACC-COND-02',
      fields: ['city', 'phone', 'station'],
      purpose: '研究城市空气质量与监测站管理的关系',
      details: { applications: [app.id], records: 2 },
    });
    expect(reads[0]?.subjects).toHaveLength(2);
    expect(await f.ledger('open.application_approve')).toMatchObject([
      { dataset: 'ACC-COND-02', details: { application: app.id } },
    ]);
    const downloads = (await f.ledger('open.download')).filter(
      (e) => (e.details as { api_key?: string }).api_key === key.id,
    );
    expect(downloads).toMatchObject([
      { dataset: 'ACC-COND-02', details: { format: 'csv', applications: [app.id] } },
      {
        dataset: 'ACC-COND-02',
        fields: ['city', 'phone', 'station'],
        details: { format: 'xlsx', applications: [app.id] },
      },
    ]);

    // Outside the approved period: refused with the period in the reason.
    await sql`update open_access.application set approved_start = ${shift(today(), 1)}, approved_end = ${shift(today(), 5)}
      where id = ${app.id}`.execute(f.t.services.db);
    const later = await f.inject({
      url: '/api/v1/open/datasets/ACC-COND-02/records',
      headers: { 'x-api-key': secret, 'accept-language': 'en' },
    });
    expect([later.statusCode, later.json().code]).toEqual([403, 'open_access_outside_period']);
    expect(later.json().detail).toContain(`was approved for ${shift(today(), 1)} to ${shift(today(), 5)}`);
  });

  it('rejects with a reason the applicant sees; flags overdue applications', async () => {
    const cookie = await f.signup('late@example.com');
    const { secret } = await f.newKey(cookie);
    const app = (await apply(cookie, { fields: ['station', 'manager'] })).json();
    const empty = await decide(f.cookies.officer, app.id, 'reject', { reason: '' });
    expect(empty.statusCode).toBe(400);

    await sql`update open_access.application set deadline = ${shift(today(), -1)} where id = ${app.id}`.execute(
      f.t.services.db,
    );
    const overdue = await f.inject({
      url: '/api/v1/open/access/inbox?overdue=true',
      headers: { cookie: f.cookies.officer },
    });
    expect(overdue.json().items.map((a: { id: string; overdue: boolean }) => [a.id, a.overdue])).toEqual([
      [app.id, true],
    ]);
    const notOverdue = await f.inject({
      url: '/api/v1/open/access/inbox?overdue=false&status=pending',
      headers: { cookie: f.cookies.officer },
    });
    expect(notOverdue.json().items.map((a: { id: string }) => a.id)).not.toContain(app.id);
    expect(
      (await f.inject({ url: `/api/v1/open/access/applications/${app.id}`, headers: { cookie } })).json()
        .overdue,
    ).toBe(true);

    const rejected = await decide(f.cookies.officer, app.id, 'reject', {
      reason: '负责人姓名属于个人信息，不予提供',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decidedLate: true, overdue: false });
    const seen = await f.inject({ url: '/api/v1/open/access/applications', headers: { cookie } });
    expect(seen.json().items[0]).toMatchObject({
      id: app.id,
      status: 'rejected',
      decisionNote: '负责人姓名属于个人信息，不予提供',
    });
    const read = await f.inject({
      url: '/api/v1/open/datasets/ACC-COND-02/records',
      headers: { 'x-api-key': secret },
    });
    expect([read.statusCode, read.json().code]).toEqual([403, 'open_access_no_approval']);
    expect(await f.ledger('open.application_reject')).toMatchObject([
      { details: { application: app.id, late: true } },
    ]);
  });

  it('lets the applicant withdraw a pending application, and only their own', async () => {
    const cookie = await f.signup('withdraw@example.com');
    const app = (await apply(cookie)).json();
    const other = await f.signup('nosy@example.com');
    expect(
      (await f.inject({ url: `/api/v1/open/access/applications/${app.id}`, headers: { cookie: other } }))
        .statusCode,
    ).toBe(404);
    const w = await f.inject({
      method: 'POST',
      url: `/api/v1/open/access/applications/${app.id}/withdraw`,
      headers: { cookie },
    });
    expect(w.json()).toMatchObject({ status: 'withdrawn' });
    const again = await f.inject({
      method: 'POST',
      url: `/api/v1/open/access/applications/${app.id}/withdraw`,
      headers: { cookie },
    });
    expect(again.statusCode).toBe(409);
    expect((await apply(cookie)).statusCode).toBe(201);
  });

  it('counts the deadline in working days of the calendar (National Day 2026) and flags it once passed', async () => {
    const cookie = await f.signup('clock@example.com');
    const account = (await f.inject({ url: '/api/v1/open/access/me', headers: { cookie } })).json();
    const at = (iso: string) =>
      createOpenAccess({
        db: f.t.services.db,
        ledger: f.t.services.ledger,
        datasets: {
          findByCode: async (code) => {
            const id = await f.t.services.catalog.findDatasetIdByCode(code);
            return id ? f.t.services.catalog.findDatasetById(id) : undefined;
          },
        },
        orgNames: async () => new Map(),
        calendar: calendarFrom(f.t.services.quality.calendar),
        settings: { sessionHours: 1, lockoutThreshold: 5, lockoutMinutes: 1, applicationDays: 5 },
        notify: f.t.services.notify,
        release: releaseGate(f.t.services.db, { minK: f.t.config.SHUZHI_PRIVACY_MIN_K }),
        now: () => new Date(iso),
      }).applications;
    // Tuesday 29 September: Wednesday counts, 1–7 October are holidays, Saturday 10 October is worked.
    const app = await at('2026-09-29T02:00:00Z').apply(
      account,
      form({ periodStart: '2026-10-08', periodEnd: '2026-12-31' }) as never,
    );
    expect(app.deadline).toBe('2026-10-12');
    const officer = await f.t.services.auth.actorFromSession(f.cookies.officer.split('=')[1]);
    // 23:00 in China on the deadline is still in time; 00:30 the next day is not.
    const onTime = await at('2026-10-12T15:00:00Z').inbox(officer, {});
    expect(onTime.items.find((a) => a.id === app.id)?.overdue).toBe(false);
    const late = await at('2026-10-12T16:30:00Z').inbox(officer, { overdue: 'true' });
    expect(late.items.map((a) => a.id)).toContain(app.id);
  });
});
