import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { createWorker } from '../jobs/index.ts';
import { organCode } from '../orgs/index.ts';
import { createClassifyService } from './classify.service.ts';
import { expectedColumns, KNOWN_COLUMNS, knownTable, toCsv } from './test-table.ts';

let t: TestContext;
let officer: string;
let admin: string;
let viewer: string;
let policeViewer: string;

// One field per known column, titled like the file's header so the import maps them by title.
const NAMES = [
  'id_number',
  'name',
  'mobile',
  'office_phone',
  'bank_card',
  'credit_code',
  'passport',
  'plate',
  'email',
  'home_address',
  'birth_date',
  'location',
  'remark',
  'amount',
];
const fields = KNOWN_COLUMNS.map((c, i) => ({
  name: NAMES[i] as string,
  title: c.header,
  type: c.header === '出生日期' ? 'date' : c.header === '金额' ? 'integer' : 'string',
  key: i === 0,
}));
const table = knownTable(200);
const csv = toCsv(table.header, table.rows);

const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { cookie, 'accept-language': 'en' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const classifyFile = (body: string | Buffer, filename: string, cookie = viewer) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/classify/files?filename=${encodeURIComponent(filename)}`,
    headers: { cookie, 'content-type': 'application/octet-stream', 'accept-language': 'en' },
    payload: body,
  });
const ledgerTail = async (n: number) => {
  await t.services.ledger.drain();
  const size = await t.services.ledger.sizeNow();
  const rows = await sql<{ body: Uint8Array }>`select body from ledger.entry where idx >= ${Math.max(
    0,
    size - n,
  )} order by idx`.execute(t.services.db);
  return rows.rows.map((r) => JSON.parse(Buffer.from(r.body).toString()));
};

/** A published dataset of the known columns with the file's rows loaded through an import. */
async function loadedDataset(code: string): Promise<string> {
  const id = await publishDataset(t, { officer, admin }, { code, name: '人员综合信息', level: 'L2', fields });
  const up = await t.app.inject({
    method: 'POST',
    url: `/api/v1/ingest/datasets/${id}/imports?filename=people.csv`,
    headers: { cookie: officer, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv),
  });
  expect(up.statusCode).toBe(202);
  const w = createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
  while (await w.runOnce()) {}
  const imp = (await call(officer, 'GET', `/ingest/imports/${up.json().id}`)).json();
  expect(imp).toMatchObject({ status: 'succeeded', rowsRejected: 0 });
  return id;
}

beforeAll(async () => {
  t = await createTestContext();
  [officer, admin, viewer] = await Promise.all([t.login('officer'), t.login('admin'), t.login('viewer')]);
  const police = await t.services.orgs.findOrgByCode(organCode('330100', 2));
  await t.services.users.createUnchecked(
    {
      username: 'police.viewer',
      displayName: '公安局只读用户',
      password: 'Police2026viewer',
      grants: [{ orgId: police?.id as string, role: 'viewer', areaCode: null }],
    },
    false,
  );
  policeViewer = await t.login('police.viewer', 'Police2026viewer');
});
afterAll(() => t.close());

describe('classifying an uploaded file', () => {
  it('answers the same JSON array as the CLI, with the suggested level in a header', async () => {
    const res = await classifyFile(csv, 'people.csv');
    expect(res.statusCode).toBe(200);
    const out = res.json() as Record<string, unknown>[];
    for (const c of out)
      expect(Object.keys(c)).toEqual(['column', 'type', 'confidence', 'sensitivity', 'level']);
    expect(out.map(({ confidence: _, ...c }) => c)).toEqual(expectedColumns());
    expect(res.headers['x-suggested-level']).toBe('L3');
    expect(res.headers['x-rows-examined']).toBe('200');
    const sampled = await t.app.inject({
      method: 'POST',
      url: '/api/v1/classify/files?filename=people.csv&sample=10',
      headers: { cookie: viewer, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(sampled.headers['x-rows-examined']).toBe('10');
  });

  it('needs a signed-in user and refuses unreadable or unsupported files with a clear reason', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/classify/files?filename=a.csv',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(anonymous.statusCode).toBe(401);
    const pdf = await classifyFile('%PDF', 'scan.pdf');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json()).toMatchObject({ code: 'unsupported_file_format' });
    expect(pdf.json().detail).toContain('scan.pdf');
    const broken = await classifyFile('not a zip', 'book.xlsx');
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'file_unreadable' });
    expect(broken.json().detail).toContain('not a valid XLSX workbook');
    const noName = await classifyFile(csv, '');
    expect(noName.statusCode).toBe(400);
  });
});

describe('classifying a dataset and confirming the suggestion', () => {
  let id: string;
  beforeAll(async () => {
    id = await loadedDataset('GA-CLS-01');
  });

  it('samples the loaded rows in the owner organisation only, storing no values, each run in the ledger', async () => {
    const empty = await publishDataset(
      t,
      { officer, admin },
      { code: 'GA-CLS-00', name: '空数据集', fields },
    );
    const none = await call(officer, 'POST', `/classify/datasets/${empty}/runs`, {});
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ code: 'classify_no_rows' });
    expect((await call(officer, 'GET', `/classify/datasets/${id}/runs/latest`)).statusCode).toBe(404);

    expect((await call(viewer, 'POST', `/classify/datasets/${id}/runs`, {})).statusCode).toBe(403);
    expect((await call(viewer, 'GET', `/classify/datasets/${id}/runs/latest`)).statusCode).toBe(403);
    expect((await call(officer, 'POST', `/classify/datasets/${id}/runs`, { sampleRows: 0 })).statusCode).toBe(
      400,
    );

    const res = await call(officer, 'POST', `/classify/datasets/${id}/runs`, { sampleRows: 120 });
    expect(res.statusCode).toBe(201);
    const run = res.json();
    expect(run).toMatchObject({ datasetCode: 'GA-CLS-01', sampleRows: 120, rowsExamined: 120, level: 'L3' });
    expect(run.confirmation).toBeNull();
    expect(run.fields.map((f: { field: string; type: string | null }) => [f.field, f.type])).toEqual(
      KNOWN_COLUMNS.map((c, i) => [NAMES[i], c.type]),
    );
    expect(run.reasons.join('\n')).toContain('identity');
    const stored = JSON.stringify(
      (await sql`select * from classify.run where id = ${run.id}`.execute(t.services.db)).rows,
    );
    for (const value of table.rows[0]?.slice(0, 5) ?? []) expect(stored).not.toContain(value);

    expect((await call(policeViewer, 'GET', `/classify/datasets/${id}/runs/latest`)).json().id).toBe(run.id);
    expect((await call(admin, 'GET', `/classify/datasets/${id}/runs/latest`)).json().id).toBe(run.id);
    const entries = await ledgerTail(5);
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'classify.run',
        dataset: 'GA-CLS-01',
        purpose: 'data classification',
        actor: expect.objectContaining({ name: 'officer' }),
        fields: [...NAMES].sort(),
        details: { run: run.id, rows: 120 },
      }),
    );
  });

  it('lets only the owner’s data officer confirm, as a catalog version, without re-review', async () => {
    const run = (await call(officer, 'POST', `/classify/datasets/${id}/runs`, {})).json();
    expect(run.rowsExamined).toBe(200);
    const before = (await call(officer, 'GET', `/catalog/datasets/${id}`)).json();
    // The officer corrects three suggestions: home addresses are more sensitive than suggested; the
    // office phones are staff mobiles; the remarks are sensitive prose, no column of mobile numbers.
    const corrections: Record<string, object> = {
      home_address: { sensitivity: 'medium' },
      office_phone: { personalType: 'mobile' },
      remark: { sensitivity: 'high', personalType: null },
    };
    const decisions = run.fields.map((f: { field: string; sensitivity: string }) => ({
      field: f.field,
      sensitivity: f.sensitivity,
      ...corrections[f.field],
    }));
    const confirm = (cookie: string, body: unknown, runId = run.id) =>
      call(cookie, 'POST', `/classify/datasets/${id}/runs/${runId}/confirm`, body);

    expect((await confirm(viewer, { fields: decisions, level: 'L3' })).statusCode).toBe(403);
    const notOfficer = await confirm(policeViewer, { fields: decisions, level: 'L3' });
    expect(notOfficer.statusCode).toBe(403);
    expect(notOfficer.json().detail).toContain('data_officer');
    const partial = await confirm(officer, { fields: decisions.slice(1), level: 'L3' });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().detail).toContain('no decision for id_number');
    const stranger = await confirm(officer, {
      fields: [...decisions, { field: 'ghost', sensitivity: 'low' }],
      level: 'L3',
    });
    expect(stranger.json().detail).toContain('not in the suggestion: ghost');
    const typo = (lang: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/classify/datasets/${id}/runs/${run.id}/confirm`,
        headers: { cookie: officer, 'accept-language': lang },
        payload: {
          fields: decisions.map((d: object, i: number) => (i === 2 ? { ...d, personalType: 'phone' } : d)),
          level: 'L3',
        },
      });
    const [typoEn, typoZh] = [(await typo('en')).json(), (await typo('zh-CN')).json()];
    expect(typoEn).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(typoEn.detail).toBe('The request is invalid: fields.2.personalType');
    expect(typoEn.errors[0].message).toMatch(/^Invalid option: expected one of "resident_id"\|"mobile"/);
    expect(typoZh.detail).toBe('请求参数有误：fields.2.personalType');
    expect(typoZh.errors[0].message).toMatch(/^无效选项：.*"resident_id"\|"mobile"/);
    expect((await call(officer, 'GET', `/catalog/datasets/${id}`)).json().version).toBe(before.version);

    const ok = await confirm(officer, { fields: decisions, level: 'L3', comment: '经科室复核' });
    expect(ok.statusCode).toBe(200);
    const c = ok.json().confirmation;
    expect(c).toMatchObject({
      confirmedBy: 'officer',
      level: { suggested: 'L3', chosen: 'L3', accepted: true },
      datasetVersion: before.version + 1,
      comment: '经科室复核',
    });
    expect(c.fields.filter((d: { accepted: boolean }) => !d.accepted)).toEqual([
      {
        field: 'office_phone',
        suggested: 'low',
        chosen: 'low',
        suggestedType: 'landline',
        chosenType: 'mobile',
        accepted: false,
      },
      {
        field: 'home_address',
        suggested: 'low',
        chosen: 'medium',
        suggestedType: 'address',
        chosenType: 'address',
        accepted: false,
      },
      {
        field: 'remark',
        suggested: 'low',
        chosen: 'high',
        suggestedType: 'mobile',
        chosenType: null,
        accepted: false,
      },
    ]);
    expect(c.fields.find((d: { field: string }) => d.field === 'id_number')).toEqual({
      field: 'id_number',
      suggested: 'medium',
      chosen: 'medium',
      suggestedType: 'resident_id',
      chosenType: 'resident_id',
      accepted: true,
    });

    // The confirmed types are the fields' 个人信息类型, each beside its sensitivity; a cleared one is gone.
    const after = (await call(officer, 'GET', `/catalog/datasets/${id}`)).json();
    expect(after).toMatchObject({ status: 'published', level: 'L3', version: before.version + 1 });
    const graded = Object.fromEntries(
      after.fields.map((f: { name: string; sensitivity: string; personalType?: string }) => [
        f.name,
        [f.sensitivity, f.personalType ?? null],
      ]),
    );
    expect(graded).toEqual({
      id_number: ['medium', 'resident_id'],
      name: ['low', 'person_name'],
      mobile: ['low', 'mobile'],
      office_phone: ['low', 'mobile'],
      bank_card: ['medium', 'bank_card'],
      credit_code: ['none', 'credit_code'],
      passport: ['medium', 'passport'],
      plate: ['low', 'licence_plate'],
      email: ['low', 'email'],
      home_address: ['medium', 'address'],
      birth_date: ['low', 'birth_date'],
      location: ['low', 'coordinates'],
      remark: ['high', null],
      amount: ['none', null],
    });
    expect(after.fields.find((f: { name: string }) => f.name === 'remark')).not.toHaveProperty(
      'personalType',
    );
    const versions = (await call(officer, 'GET', `/catalog/datasets/${id}/versions`)).json().items;
    const last = versions.find((v: { version: number }) => v.version === after.version);
    expect(last).toMatchObject({ action: 'update', changedBy: 'officer' });
    expect(last.comment).toContain('classification confirmed');
    expect(last.changes.level).toEqual({ from: 'L2', to: 'L3' });
    expect(last.changes.fields).toBeDefined();
    const entries = await ledgerTail(5);
    expect(entries).toContainEqual(
      expect.objectContaining({ action: 'catalog.level_change', dataset: 'GA-CLS-01' }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'classify.confirm',
        dataset: 'GA-CLS-01',
        details: expect.objectContaining({
          corrected: ['office_phone', 'home_address', 'remark'],
          version: after.version,
        }),
      }),
    );

    const again = await confirm(officer, { fields: decisions, level: 'L3' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'classify_already_confirmed' });
  });

  it('refuses a suggestion overtaken by a newer run or by a concurrent catalog change, changing nothing', async () => {
    const older = (await call(officer, 'POST', `/classify/datasets/${id}/runs`, { sampleRows: 30 })).json();
    const newer = (await call(admin, 'POST', `/classify/datasets/${id}/runs`, { sampleRows: 30 })).json();
    type Run = { fields: { field: string; sensitivity: 'none' | 'low' | 'medium' | 'high' }[] };
    const decide = (run: Run) => ({
      fields: run.fields.map((f) => ({ field: f.field, sensitivity: f.sensitivity })),
      level: 'L4' as const,
    });
    const stale = await call(
      officer,
      'POST',
      `/classify/datasets/${id}/runs/${older.id}/confirm`,
      decide(older),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('a newer run exists');

    // Another officer edits the entry between the confirmation's read and its transaction.
    const catalog = t.services.catalog.service;
    const racing = createClassifyService({
      db: t.services.db,
      ledger: t.services.ledger,
      uploadLimitBytes: 1 << 20,
      catalog: {
        getDataset: async (actor, datasetId) => {
          const read = await catalog.getDataset(actor, datasetId);
          await catalog.updateDataset(actor, datasetId, { description: '同时修改的说明' });
          return read;
        },
        updateDatasetIn: catalog.updateDatasetIn,
      },
    });
    const before = (await call(officer, 'GET', `/catalog/datasets/${id}`)).json();
    const officerActor = await t.services.auth.actorFromSession(
      decodeURIComponent(officer.split('=')[1] as string),
    );
    await expect(
      racing.confirm(officerActor, id, newer.id, { ...decide(newer), level: 'L4', comment: '' }),
    ).rejects.toMatchObject({
      code: 'classify_run_outdated',
      params: { reason_en: 'the catalog entry changed meanwhile' },
    });
    const now = (await call(officer, 'GET', `/catalog/datasets/${id}`)).json();
    expect(now).toMatchObject({ version: before.version + 1, level: 'L3', description: '同时修改的说明' });
    expect(
      (await call(officer, 'GET', `/classify/datasets/${id}/runs/latest`)).json().confirmation,
    ).toBeNull();

    // An edit before the confirmation is read is kept: the decision applies to the entry as it is then.
    const ok = await call(
      officer,
      'POST',
      `/classify/datasets/${id}/runs/${newer.id}/confirm`,
      decide(newer),
    );
    expect(ok.statusCode).toBe(200);
    const after = (await call(officer, 'GET', `/catalog/datasets/${id}`)).json();
    expect(after).toMatchObject({ version: now.version + 1, level: 'L4', description: '同时修改的说明' });

    // A field dropped after the run leaves a decision about nothing: refused, in the user's language.
    const last = (await call(officer, 'POST', `/classify/datasets/${id}/runs`, { sampleRows: 30 })).json();
    const dropped = after.fields.filter((f: { name: string }) => f.name !== 'amount');
    expect((await call(officer, 'PATCH', `/catalog/datasets/${id}`, { fields: dropped })).statusCode).toBe(
      200,
    );
    const gone = await t.app.inject({
      method: 'POST',
      url: `/api/v1/classify/datasets/${id}/runs/${last.id}/confirm`,
      headers: { cookie: officer, 'accept-language': 'zh-CN' },
      payload: decide(last),
    });
    expect(gone.statusCode).toBe(409);
    expect(gone.json().detail).toBe('该识别结果已过期（字段 amount 已删除），请重新识别');
  });
});
