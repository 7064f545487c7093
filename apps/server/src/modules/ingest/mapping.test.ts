import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { createWorker } from '../jobs/index.ts';

let t: TestContext;
let officer: string; // 杭州市公安局 data_officer
let admin: string;
let viewer: string; // 杭州市民政局 viewer
let otherOfficer: string; // 杭州市民政局 data_officer
let datasetId: string;

const fields = [
  { name: 'id_number', title: '公民身份号码', type: 'string', key: true },
  { name: 'name', title: '姓名', type: 'string' },
  { name: 'birth_date', title: '出生日期', type: 'date' },
  { name: 'income', title: '年收入', type: 'integer' },
];

const upload = (id: string, body: string, opts: { stage?: boolean; mode?: string; name?: string } = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/ingest/datasets/${id}/imports?mode=${opts.mode ?? 'upsert'}&filename=${encodeURIComponent(opts.name ?? 'people.csv')}${opts.stage ? '&stage=true' : ''}`,
    headers: { cookie: officer, 'content-type': 'text/csv', 'accept-language': 'en' },
    payload: Buffer.from(body),
  });
const call = (cookie: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/api/v1/ingest${url}`,
    headers: { cookie, 'accept-language': 'en' },
    ...(payload ? { payload } : {}),
  });
const runJobs = async () => {
  const w = createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
  while (await w.runOnce()) {}
};
const rowsIn = async (code: string) =>
  (
    await sql<{
      id_number: string;
      name: string | null;
      income: number | null;
    }>`select id_number, name, income::int from ${sql.raw(`data."${code}"`)} order by id_number`.execute(
      t.services.db,
    )
  ).rows;

// The file's columns do not match the fields by name: the owner has to map them.
const csv = [
  '身份证号,名字,生日,收入,备注',
  '330106199001011234,王小明,1990-01-01,100,甲',
  '330106198502022345,李华,1985-13-02,200,乙',
  ',无名,1980-01-01,300,丙',
  '330106197003033456,张伟,1970-03-03,很多,丁',
].join('\n');

beforeAll(async () => {
  t = await createTestContext();
  [officer, admin, viewer] = await Promise.all([t.login('officer'), t.login('admin'), t.login('viewer')]);
  const orgs = (await t.app.inject({ url: '/api/v1/orgs?limit=200' })).json().items as {
    id: string;
    name: string;
  }[];
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/users',
    headers: { cookie: admin },
    payload: {
      username: 'mz.officer',
      displayName: '民政局数据专员',
      password: 'Start2026pass',
      grants: [{ orgId: orgs.find((o) => o.name === '杭州市民政局')?.id, role: 'data_officer' }],
    },
  });
  expect(created.statusCode).toBe(201);
  otherOfficer = await t.login('mz.officer', 'Start2026pass');
  datasetId = await publishDataset(t, { officer, admin }, { code: 'GA-MAP-01', name: '映射测试', fields });
});
afterAll(() => t.close());

describe("a dataset's saved mapping", () => {
  it('is checked whole: unknown fields and fields taken twice are refused and nothing is saved', async () => {
    const unknown = await call(officer, 'PUT', `/datasets/${datasetId}/mapping`, {
      mapping: { 身份证号: 'id_number', 电话: 'phone' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'mapping_unknown_field' });
    expect(unknown.json().detail).toContain('phone');
    const twice = await call(officer, 'PUT', `/datasets/${datasetId}/mapping`, {
      mapping: { 身份证号: 'id_number', 证件号: 'id_number' },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ code: 'mapping_duplicate_field' });
    const got = await call(officer, 'GET', `/datasets/${datasetId}/mapping`);
    expect(got.json()).toEqual({ datasetId, mapping: {}, savedBy: null, savedAt: null });
  });

  it('belongs to the owner organisation: another organisation’s data officer and a viewer get 403', async () => {
    for (const cookie of [otherOfficer, viewer]) {
      expect((await call(cookie, 'GET', `/datasets/${datasetId}/mapping`)).statusCode).toBe(403);
      const put = await call(cookie, 'PUT', `/datasets/${datasetId}/mapping`, {
        mapping: { 身份证号: 'id_number' },
      });
      expect(put.statusCode).toBe(403);
    }
    expect((await call(admin, 'GET', `/datasets/${datasetId}/mapping`)).statusCode).toBe(200);
  });

  it('maps the next direct upload: saved columns first (null keeps one out), then names and titles', async () => {
    const saved = await call(officer, 'PUT', `/datasets/${datasetId}/mapping`, {
      mapping: { 身份证号: 'id_number', 名字: 'name', 收入: null },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      mapping: { 身份证号: 'id_number', 名字: 'name', 收入: null },
      savedBy: 'officer',
    });
    // 年收入 would match `income` by title, but the saved mapping keeps 收入 out; 出生日期 matches by title.
    const res = await upload(
      datasetId,
      '身份证号,名字,收入,出生日期\n330106196001010001,钱一,5,1960-01-01\n',
    );
    expect(res.statusCode).toBe(202);
    expect(res.json().mapping).toEqual({ 身份证号: 'id_number', 名字: 'name', 出生日期: 'birth_date' });
    await runJobs();
    expect((await rowsIn('GA-MAP-01')).find((r) => r.id_number === '330106196001010001')).toEqual({
      id_number: '330106196001010001',
      name: '钱一',
      income: null,
    });
  });
});

const stagedFile = async (importId: string) =>
  (
    await sql<{
      file_path: string;
    }>`select file_path from ingest.import where id = ${importId}`.execute(t.services.db)
  ).rows[0]?.file_path as string;
const jobsFor = async (importId: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from jobs.job where payload->>'importId' = ${importId}`.execute(
      t.services.db,
    )
  ).rows[0]?.n;
const good = { 身份证号: 'id_number', 名字: 'name', 生日: 'birth_date', 收入: 'income', 备注: null };

describe('staged imports', () => {
  let dsId: string;
  let stagedId: string;

  it('answer the header, the proposed mapping and the first rows, and queue nothing', async () => {
    dsId = await publishDataset(t, { officer, admin }, { code: 'GA-MAP-02', name: '映射预览', fields });
    const res = await upload(dsId, csv, { stage: true });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    stagedId = p.import.id;
    expect(p.import).toMatchObject({ status: 'staged', jobId: null, mapping: {} });
    expect(p.header).toEqual(['身份证号', '名字', '生日', '收入', '备注']);
    expect(p.missingKeys).toEqual(['公民身份号码']);
    expect(p.rows).toHaveLength(4);
    expect(p.rows[0]).toEqual({
      rowNumber: 2,
      error: null,
      cells: ['330106199001011234', '王小明', '1990-01-01', '100', '甲'].map((raw) => ({ raw })),
    });
    expect(await jobsFor(stagedId)).toBe(0);
    const early = await call(officer, 'POST', `/imports/${stagedId}/start`);
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('key_columns_missing');
  });

  it('refuse a bad mapping precisely and change neither the import nor the saved mapping', async () => {
    const cases: [object, string][] = [
      [{ ...good, 名字: 'nickname' }, 'mapping_unknown_field'],
      [{ ...good, 名字: 'id_number' }, 'mapping_duplicate_field'],
      [{ ...good, 电话: 'name', 名字: null }, 'mapping_unknown_column'],
      [{ ...good, 身份证号: null }, 'key_columns_missing'],
    ];
    for (const [mapping, code] of cases) {
      const res = await call(officer, 'PUT', `/imports/${stagedId}/mapping`, { mapping, save: true });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().code).toBe(code);
    }
    expect((await call(officer, 'GET', `/imports/${stagedId}/preview`)).json().import.mapping).toEqual({});
    expect((await call(officer, 'GET', `/datasets/${dsId}/mapping`)).json().mapping).toEqual({});
  });

  it('keep a staged import to its owner organisation', async () => {
    expect((await call(otherOfficer, 'GET', `/imports/${stagedId}/preview`)).statusCode).toBe(403);
    expect(
      (await call(otherOfficer, 'PUT', `/imports/${stagedId}/mapping`, { mapping: good })).statusCode,
    ).toBe(403);
    expect((await call(otherOfficer, 'POST', `/imports/${stagedId}/start`)).statusCode).toBe(403);
    expect((await call(otherOfficer, 'POST', `/imports/${stagedId}/cancel`)).statusCode).toBe(403);
  });

  it('answer the new preview for a new mapping: coerced values, and the error of each cell that would fail', async () => {
    const res = await call(officer, 'PUT', `/imports/${stagedId}/mapping`, { mapping: good, save: true });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.import.mapping).toEqual({
      身份证号: 'id_number',
      名字: 'name',
      生日: 'birth_date',
      收入: 'income',
    });
    expect(p.missingKeys).toEqual([]);
    expect(p.rows[0].cells).toEqual([
      { raw: '330106199001011234', value: '330106199001011234' },
      { raw: '王小明', value: '王小明' },
      { raw: '1990-01-01', value: '1990-01-01' },
      { raw: '100', value: 100 },
      { raw: '甲' },
    ]);
    expect(p.rows[1].cells[2]).toEqual({
      raw: '1985-13-02',
      error: { code: 'impossible_date', message: 'The date 1985-13-02 does not exist' },
    });
    expect(p.rows[2].cells[0]).toMatchObject({ raw: '', error: { code: 'missing_key' } });
    expect(p.rows[3].cells[3]).toMatchObject({ raw: '很多', error: { code: 'invalid_integer' } });
    // Saved for the dataset: every column of this file, the unmapped one as "not imported".
    const saved = (await call(officer, 'GET', `/datasets/${dsId}/mapping`)).json();
    expect(saved).toMatchObject({ mapping: good, savedBy: 'officer' });
  });

  it('start only from staged, and the report matches the preview', async () => {
    const res = await call(officer, 'POST', `/imports/${stagedId}/start`);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'queued' });
    expect(res.json().jobId).toBeTruthy();
    const again = await call(officer, 'POST', `/imports/${stagedId}/start`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('wrong_status');
    expect((await call(officer, 'PUT', `/imports/${stagedId}/mapping`, { mapping: good })).statusCode).toBe(
      409,
    );
    await runJobs();
    const done = (await call(officer, 'GET', `/imports/${stagedId}`)).json();
    expect(done).toMatchObject({ status: 'succeeded', rowsRead: 4, rowsLoaded: 1, rowsRejected: 3 });
    const rejects = (await call(officer, 'GET', `/imports/${stagedId}/rejects`)).json().items;
    expect(rejects.map((r: { rowNumber: number; code: string }) => [r.rowNumber, r.code])).toEqual([
      [3, 'impossible_date'],
      [4, 'missing_key'],
      [5, 'invalid_integer'],
    ]);
    expect(await rowsIn('GA-MAP-02')).toEqual([
      { id_number: '330106199001011234', name: '王小明', income: 100 },
    ]);
  });

  it('close on cancel, removing the stored file', async () => {
    const p = (await upload(dsId, `${csv}\n330106195005055678,孙八,1950-05-05,1,戊`, { stage: true })).json();
    expect(p.import.mapping).toEqual({
      身份证号: 'id_number',
      名字: 'name',
      生日: 'birth_date',
      收入: 'income',
    });
    const path = await stagedFile(p.import.id);
    expect(existsSync(path)).toBe(true);
    const res = await call(officer, 'POST', `/imports/${p.import.id}/cancel`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled' });
    expect(existsSync(path)).toBe(false);
    expect((await call(officer, 'POST', `/imports/${p.import.id}/start`)).statusCode).toBe(409);
  });

  it('never block a re-upload; starting one equal to an earlier import answers that import', async () => {
    const file = '身份证号,名字\n330106194006066789,周九\n';
    // Abandoned: a staged upload of the same bytes does not make the direct upload a repeat,
    // and the direct upload closes the same person's staged copy.
    const abandoned = (await upload(dsId, file, { stage: true })).json().import.id;
    const direct = await upload(dsId, file);
    expect(direct.statusCode).toBe(202);
    expect((await call(officer, 'GET', `/imports/${abandoned}`)).json().status).toBe('cancelled');
    await runJobs();
    // Staged again with the same mapping: starting it answers the import that already loaded it.
    const same = (await upload(dsId, file, { stage: true })).json().import.id;
    const repeated = await call(officer, 'POST', `/imports/${same}/start`);
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json().id).toBe(direct.json().id);
    expect((await call(officer, 'GET', `/imports/${same}`)).json()).toMatchObject({ status: 'cancelled' });
    expect(existsSync(await stagedFile(same))).toBe(false);
    // The same bytes with another mapping load other values: a new import.
    const other = (await upload(dsId, file, { stage: true })).json().import.id;
    await call(officer, 'PUT', `/imports/${other}/mapping`, {
      mapping: { 身份证号: 'id_number', 名字: null },
    });
    const started = await call(officer, 'POST', `/imports/${other}/start`);
    expect(started.statusCode).toBe(202);
    expect(started.json().id).toBe(other);
  });

  it('refuse an unreadable file at upload and keep nothing of it', async () => {
    const before = (await call(officer, 'GET', `/datasets/${dsId}/imports?limit=100`)).json().items.length;
    const res = await upload(dsId, '[{"a": 1}, oops', { stage: true, name: 'bad.json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('file_unreadable');
    expect((await call(officer, 'GET', `/datasets/${dsId}/imports?limit=100`)).json().items).toHaveLength(
      before,
    );
  });
});
