import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leafHash } from '../../platform/ledger/merkle.ts';
import { organCode } from '../orgs/index.ts';
import { chinaDay } from '../quality/index.ts';
import { FIRM, LI, mydataFixture, validId, ZHANG } from './mydata.fixtures.ts';

let f: Awaited<ReturnType<typeof mydataFixture>>;
let zhang: string;
beforeAll(async () => {
  f = await mydataFixture();
  zhang = await f.signIn({ subjectType: 'person', idNumber: ZHANG.id, phone: ZHANG.phone });
});
afterAll(() => f.t.close());

const start = (payload: object) => f.inject({ method: 'POST', url: '/api/v1/mydata/login/start', payload });
const get = (cookie: string, url: string) => f.inject({ url: `/api/v1/mydata${url}`, headers: { cookie } });
const post = (cookie: string, url: string, payload: object = {}) =>
  f.inject({ method: 'POST', url: `/api/v1/mydata${url}`, headers: { cookie }, payload });

describe('signing in to my data', () => {
  it('sends a code only to the phone on record, and says the same for an unknown ID', async () => {
    const bad = await start({
      subjectType: 'person',
      idNumber: `${ZHANG.id.slice(0, 17)}0`,
      phone: ZHANG.phone,
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'mydata_key_invalid']);
    const wrongPhone = await start({ subjectType: 'person', idNumber: ZHANG.id, phone: LI.phone });
    const unknown = await start({
      subjectType: 'person',
      idNumber: validId('11010120000101000'),
      phone: ZHANG.phone,
    });
    expect([wrongPhone.statusCode, wrongPhone.json().code]).toEqual([403, 'mydata_not_on_record']);
    expect(unknown.json().detail).toBe(wrongPhone.json().detail);
    const ok = await start({ subjectType: 'person', idNumber: ZHANG.id, phone: ZHANG.phone });
    expect(ok.json()).toMatchObject({ sentTo: '138****5678', demoCode: expect.stringMatching(/^\d{6}$/) });
  });

  it('refuses wrong, reused and over-tried codes', async () => {
    const { challengeId, demoCode } = (
      await start({ subjectType: 'person', idNumber: LI.id, phone: LI.phone })
    ).json();
    const wrong = demoCode === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await post('', '/login/verify', { challengeId, code: wrong });
      expect([r.statusCode, r.json().code]).toEqual([401, 'mydata_code_invalid']);
    }
    const locked = await post('', '/login/verify', { challengeId, code: demoCode });
    expect(locked.statusCode).toBe(401);
    const again = (await start({ subjectType: 'person', idNumber: LI.id, phone: LI.phone })).json();
    expect(
      (await post('', '/login/verify', { challengeId: again.challengeId, code: again.demoCode })).statusCode,
    ).toBe(200);
    const reused = await post('', '/login/verify', { challengeId: again.challengeId, code: again.demoCode });
    expect(reused.statusCode).toBe(401);
  });

  it('signs an enterprise in through its legal representative’s phone', async () => {
    const wrongRep = await start({
      subjectType: 'enterprise',
      creditCode: FIRM.code,
      representativeId: ZHANG.id,
      phone: ZHANG.phone,
    });
    expect(wrongRep.json().code).toBe('mydata_not_on_record');
    const firm = await f.signIn({
      subjectType: 'enterprise',
      creditCode: FIRM.code,
      representativeId: LI.id,
      phone: LI.phone,
    });
    const me = (await get(firm, '/me')).json();
    expect(me).toMatchObject({ subjectType: 'enterprise', name: FIRM.name });
    const h = (await get(firm, '/holdings')).json();
    expect(h.items.map((i: { datasetCode: string }) => i.datasetCode)).toEqual(['MYD-QY-01']);
    expect((await get('', '/me')).json().code).toBe('mydata_signed_out');
  });
});

describe('what the platform holds about me', () => {
  it('lists the datasets holding my records, masked, and ledgers the read', async () => {
    expect((await get(zhang, '/me')).json()).toMatchObject({
      subjectType: 'person',
      subjectKey: `330106********${ZHANG.id.slice(-4)}`,
    });
    const h = (await get(zhang, '/holdings')).json();
    const persons = h.items.find((i: { datasetCode: string }) => i.datasetCode === 'MYD-RK-01');
    expect(persons.records).toHaveLength(1);
    const [rec] = persons.records;
    expect(rec.key).toEqual({ id_number: ZHANG.id });
    expect(rec.values.mobile).toBe('138****5678');
    expect(rec.values.name).not.toBe(ZHANG.name);
    expect(JSON.stringify(h)).not.toContain(LI.name);
    const entry = (await f.ledger('mydata.records')).at(-1);
    expect(entry).toMatchObject({ actor: { kind: 'subject' }, details: { datasets: ['MYD-RK-01'] } });
  });

  it('disputes a record about me as a quality complaint with a deadline; not another’s', async () => {
    const ok = await post(zhang, '/disputes', {
      datasetCode: 'MYD-RK-01',
      recordKey: { id_number: ZHANG.id },
      field: 'name',
      text: '姓名登记有误，应为张三峰',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ source: 'data_subject', status: 'open', field: 'name' });
    expect(ok.json().deadline > chinaDay(new Date())).toBe(true);
    expect((await get(zhang, '/disputes')).json().items.map((c: { id: string }) => c.id)).toEqual([
      ok.json().id,
    ]);
    const inbox = await f.inject({
      url: '/api/v1/quality/complaints?box=inbox',
      headers: { cookie: f.cookies.officer },
    });
    expect(inbox.json().items.some((c: { id: string }) => c.id === ok.json().id)).toBe(true);
    const other = await post(zhang, '/disputes', {
      datasetCode: 'MYD-RK-01',
      recordKey: { id_number: LI.id },
      text: '不是我的记录',
    });
    expect([other.statusCode, other.json().code]).toEqual([403, 'mydata_not_yours']);
    const masked = await post(zhang, '/disputes', {
      datasetCode: 'MYD-RK-01',
      recordKey: { id_number: '330106****' },
      text: '这条记录的键被掩码了',
    });
    expect(masked.json().code).toBe('mydata_key_masked');
  });
});

describe('accesses and consents', () => {
  let bearer: string;
  let civilId: string;
  beforeAll(async () => {
    const civil = await f.t.services.orgs.findOrgByCode(organCode('330100', 3));
    civilId = civil?.id as string;
    const made = (
      await f.inject({
        method: 'POST',
        url: '/api/v1/auth/clients',
        headers: { cookie: f.cookies.admin },
        payload: { name: '救助核验', orgId: civilId, roles: ['viewer'] },
      })
    ).json();
    const tok = await f.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: {
        grant_type: 'client_credentials',
        client_id: made.client.clientId,
        client_secret: made.clientSecret,
      },
    });
    bearer = `Bearer ${tok.json().access_token}`;
    // The grant is made directly: sharing's own tests cover requests; this one rests on consent.
    const today = chinaDay(new Date());
    await f.t.services.db
      .insertInto('sharing.grant')
      .values({
        id: '01900000-0000-7000-8000-00000000c0de',
        request_id: '01900000-0000-7000-8000-00000000c0df',
        dataset_id: f.persons,
        dataset_code: 'MYD-RK-01',
        dataset_name: '我的数据测试人口',
        owner_org_id: (await f.t.services.catalog.findDatasetById(f.persons))?.ownerOrgId as string,
        consumer_org_id: civilId,
        client_id: made.client.id,
        fields: ['id_number', 'name', 'community_code'],
        purpose: '经本人同意核验救助对象',
        consent_required: true,
        period_start: today,
        period_end: today,
        daily_quota: 100,
        area_field: null,
        area_code: null,
      })
      .execute();
  });
  const lookup = (id: string) =>
    f.inject({ url: `/api/v1/share/MYD-RK-01/lookup?id_number=${id}`, headers: { authorization: bearer } });

  it('a consent-based grant reads only consenting people, from the next call on', async () => {
    const before = await lookup(ZHANG.id);
    expect([before.statusCode, before.json().code]).toEqual([403, 'sharing_consent_missing']);
    const granted = await post(zhang, '/consents', {
      scope: 'third_party',
      partyOrgId: civilId,
      purpose: '社会救助资格核验',
    });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json()).toMatchObject({
      seq: 1,
      action: 'grant',
      partyName: '杭州市民政局',
      active: true,
    });
    const after = await lookup(ZHANG.id);
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().record.community_code).toBe('330106001001');
    expect((await lookup(LI.id)).statusCode).toBe(403);
    const withdrawn = await post(zhang, `/consents/${granted.json().id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ seq: 2, action: 'withdraw', withdraws: granted.json().id });
    expect((await lookup(ZHANG.id)).json().code).toBe('sharing_consent_missing');
    const again = await post(zhang, `/consents/${granted.json().id}/withdraw`);
    expect([again.statusCode, again.json().code]).toEqual([409, 'mydata_consent_not_active']);
    const list = (await get(zhang, '/consents')).json();
    expect(list.chainValid).toBe(true);
    expect(list.items.map((r: { seq: number; active: boolean }) => [r.seq, r.active])).toEqual([
      [1, false],
      [2, false],
    ]);
    expect(list.items[1].prevHash).toBe(list.items[0].hash);
    // An altered record breaks the chain, and the page says so.
    await f.t.services.db
      .updateTable('mydata.consent')
      .set({ purpose: '改过的用途' })
      .where('seq', '=', 1)
      .execute();
    expect((await get(zhang, '/consents')).json().chainValid).toBe(false);
    expect((await f.inject({ url: '/api/v1/mydata/consents/key' })).body).toContain('BEGIN PUBLIC KEY');
  });

  it('shows every access to my records, each provably in the ledger', async () => {
    await f.t.services.sharing.meter.flush();
    await f.t.services.ledger.drain();
    const page = (await get(zhang, '/accesses?limit=50')).json();
    const call = page.items.find(
      (e: { action: string; result: string }) => e.action === 'sharing.call' && e.result === 'ok',
    );
    expect(call).toMatchObject({
      orgName: '杭州市民政局',
      purpose: '经本人同意核验救助对象',
      dataset: 'MYD-RK-01',
    });
    expect(page.items.some((e: { action: string }) => e.action === 'mydata.consent_withdraw')).toBe(true);
    const size = await f.t.services.ledger.sizeNow();
    const proof = (
      await f.inject({ url: `/api/v1/ledger/proof/inclusion?index=${call.index}&size=${size}` })
    ).json();
    expect(leafHash(Buffer.from(call.data, 'base64')).toString('base64')).toBe(proof.leafHash);
    const li = await f.signIn({ subjectType: 'person', idNumber: LI.id, phone: LI.phone });
    const liPage = (await get(li, '/accesses')).json();
    expect(liPage.items.every((e: { index: number }) => e.index !== call.index)).toBe(true);
  });
});
