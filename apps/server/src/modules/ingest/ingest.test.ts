import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { createWorker } from '../jobs/index.ts';

let t: TestContext;
let officer: string;
let admin: string;
let viewer: string;
let datasetId: string;

const fields = [
  { name: 'id_number', title: '公民身份号码', type: 'string', key: true },
  { name: 'name', title: '姓名', type: 'string' },
  { name: 'birth_date', title: '出生日期', type: 'date' },
  { name: 'income', title: '年收入', type: 'integer' },
  { name: 'married', title: '已婚', type: 'boolean' },
];

const publish = (code: string) =>
  publishDataset(t, { officer, admin }, { code, name: '测试人口', level: 'L3', fields });

const upload = (id: string, body: Buffer, filename: string, mode = 'upsert', cookie = officer) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/ingest/datasets/${id}/imports?mode=${mode}&filename=${encodeURIComponent(filename)}`,
    headers: { cookie, 'content-type': 'application/octet-stream', 'accept-language': 'en' },
    payload: body,
  });
const runJobs = async () => {
  const w = createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
  while (await w.runOnce()) {}
};
const getImport = async (id: string) =>
  (await t.app.inject({ url: `/api/v1/ingest/imports/${id}`, headers: { cookie: officer } })).json();
const rowsIn = async (code: string) =>
  (
    await sql<{
      id_number: string;
      name: string;
      income: number | null;
    }>`select id_number, name, income::int from ${sql.raw(`data."${code}"`)} order by id_number`.execute(
      t.services.db,
    )
  ).rows;

beforeAll(async () => {
  t = await createTestContext();
  [officer, admin, viewer] = await Promise.all([t.login('officer'), t.login('admin'), t.login('viewer')]);
  datasetId = await publish('GA-PERSON-01');
});
afterAll(() => t.close());

describe('importing files', () => {
  it('loads a GBK CSV, rejecting each bad row with its reason: loaded + rejected = read', async () => {
    const csv = [
      '公民身份号码,姓名,出生日期,年收入,已婚,备注',
      '330106199001011234,王小明,1990年1月1日,"120,000",是,',
      '330106198502022345,李华,1985/2/2,98000,否,',
      '330106197003033456,张伟,1970-02-30,50000,是,日期不存在',
      ',赵六,1980-01-01,1,否,没有主键',
      '330106196004044567,钱七,19600404,很多,否,收入不是数字',
      '330106195005055678,孙八,1950.5.5,1000,是,',
      '330106194006066789,周九,1940-06-06,1,否,多了一列,x',
    ].join('\r\n');
    const res = await upload(datasetId, iconv.encode(csv, 'gb18030'), '人口.csv');
    expect(res.statusCode).toBe(202);
    expect(res.json().mapping).toEqual({
      公民身份号码: 'id_number',
      姓名: 'name',
      出生日期: 'birth_date',
      年收入: 'income',
      已婚: 'married',
    });
    await runJobs();
    const done = await getImport(res.json().id);
    expect(done).toMatchObject({ status: 'succeeded', rowsRead: 7, rowsLoaded: 3, rowsRejected: 4 });
    expect(await rowsIn('GA-PERSON-01')).toEqual([
      { id_number: '330106195005055678', name: '孙八', income: 1000 },
      { id_number: '330106198502022345', name: '李华', income: 98000 },
      { id_number: '330106199001011234', name: '王小明', income: 120000 },
    ]);
    const rejects = (
      await t.app.inject({
        url: `/api/v1/ingest/imports/${done.id}/rejects`,
        headers: { cookie: officer, 'accept-language': 'en' },
      })
    ).json().items;
    expect(rejects.map((r: { rowNumber: number; code: string }) => [r.rowNumber, r.code])).toEqual([
      [4, 'impossible_date'],
      [5, 'missing_key'],
      [6, 'invalid_integer'],
      [8, 'ragged_row'],
    ]);
    expect(rejects[0].reason).toContain('出生日期 (birth_date)');
    const csvOut = await t.app.inject({
      url: `/api/v1/ingest/imports/${done.id}/rejects.csv`,
      headers: { cookie: officer },
    });
    expect(csvOut.headers['content-type']).toContain('text/csv');
    expect(csvOut.body.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(csvOut.body).toContain('很多');
  });

  it('treats the same file uploaded twice as one import', async () => {
    const body = Buffer.from('公民身份号码,姓名\n330106199912121111,周九\n');
    const first = await upload(datasetId, body, 'a.csv');
    await runJobs();
    const again = await upload(datasetId, body, 'a-copy.csv');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const list = (
      await t.app.inject({
        url: `/api/v1/ingest/datasets/${datasetId}/imports`,
        headers: { cookie: officer },
      })
    ).json().items;
    expect(list.filter((i: { fileSha256: string }) => i.fileSha256 === first.json().fileSha256)).toHaveLength(
      1,
    );
  });

  it('appends without overwriting, and replaces the whole table in replace mode', async () => {
    const appendRes = await upload(
      datasetId,
      Buffer.from('公民身份号码,姓名\n330106199001011234,改名\n330106200001012222,新人\n'),
      'b.csv',
      'append',
    );
    await runJobs();
    expect(await getImport(appendRes.json().id)).toMatchObject({
      rowsRead: 2,
      rowsLoaded: 1,
      rowsRejected: 1,
    });
    expect((await rowsIn('GA-PERSON-01')).find((r) => r.id_number === '330106199001011234')?.name).toBe(
      '王小明',
    );

    const replaceRes = await upload(
      datasetId,
      Buffer.from('公民身份号码,姓名\n330106199001011234,王小明\n'),
      'c.csv',
      'replace',
    );
    await runJobs();
    expect(await getImport(replaceRes.json().id)).toMatchObject({ status: 'succeeded', rowsLoaded: 1 });
    expect((await rowsIn('GA-PERSON-01')).map((r) => r.id_number)).toEqual(['330106199001011234']);
  });

  it('loads an XLSX sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人口');
    ws.addRow(['id_number', 'name', 'birth_date', 'income']);
    ws.addRow(['330106198808086666', '吴十', new Date(Date.UTC(1988, 7, 8)), 5000]);
    const res = await upload(datasetId, Buffer.from(await wb.xlsx.writeBuffer()), 'people.xlsx');
    await runJobs();
    expect(await getImport(res.json().id)).toMatchObject({
      status: 'succeeded',
      rowsLoaded: 1,
      rowsRejected: 0,
    });
    const row = await sql<{
      birth_date: string;
    }>`select birth_date::text from data."GA-PERSON-01" where id_number = '330106198808086666'`.execute(
      t.services.db,
    );
    expect(row.rows[0]?.birth_date).toBe('1988-08-08');
  });

  // Both load paths commit in steps: plain CSV per piece of text, anything else per batch of rows.
  for (const [path, quote] of [
    ['plain CSV', ''],
    ['quoted CSV', '"'],
  ] as const) {
    it(`resumes a ${path} import after a crash without losing or repeating rows`, async () => {
      const id = await publish(`GA-PERSON-R${quote ? 'Q' : 'P'}`);
      const lines = [`${quote}公民身份号码${quote},姓名,年收入`];
      for (let i = 0; i < 2500; i++)
        lines.push(`ID${String(i).padStart(6, '0')},人${i},${i % 100 === 0 ? 'bad' : i}`);
      const res = await upload(id, Buffer.from(lines.join('\n')), 'big.csv');
      const importId = res.json().id;
      const tuning = { batchRows: 1000, pieceBytes: 20_000 };
      // The first run dies after its first commit, as a killed worker would.
      let commits = 0;
      await expect(
        t.services.ingest.run(
          importId,
          async () => {
            if (++commits === 1) throw new Error('worker killed');
          },
          tuning,
        ),
      ).rejects.toThrow('worker killed');
      const first = (await getImport(importId)).rowsRead;
      if (quote) expect(first).toBe(1000);
      else expect(first).toBeGreaterThan(500);
      expect(first).toBeLessThan(2500);
      const r = await t.services.ingest.run(importId, async () => {}, tuning);
      expect(r).toEqual({ read: 2500, loaded: 2475, rejected: 25 });
      const n = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.raw(`data."${`GA-PERSON-R${quote ? 'Q' : 'P'}`}"`)}`.execute(
        t.services.db,
      );
      expect(n.rows[0]?.n).toBe(2475);
    });
  }

  it('keeps import reports inside the owner organisation and records who read rejected rows', async () => {
    const list = (
      await t.app.inject({
        url: `/api/v1/ingest/datasets/${datasetId}/imports`,
        headers: { cookie: officer },
      })
    ).json();
    const withRejects = list.items.find((i: { rowsRejected: number }) => i.rowsRejected > 0);
    for (const url of [
      `/api/v1/ingest/datasets/${datasetId}/imports`,
      `/api/v1/ingest/imports/${withRejects.id}`,
      `/api/v1/ingest/imports/${withRejects.id}/rejects`,
      `/api/v1/ingest/imports/${withRejects.id}/rejects.csv`,
    ]) {
      expect((await t.app.inject({ url, headers: { cookie: viewer } })).statusCode, url).toBe(403);
    }
    expect(
      (
        await t.app.inject({
          url: `/api/v1/ingest/imports/${withRejects.id}/rejects`,
          headers: { cookie: admin },
        })
      ).statusCode,
    ).toBe(200);
    await t.services.ledger.drain();
    const size = await t.services.ledger.sizeNow();
    const last = await sql<{
      body: Uint8Array;
    }>`select body from ledger.entry where idx = ${size - 1}`.execute(t.services.db);
    expect(JSON.parse(Buffer.from(last.rows[0]?.body ?? []).toString())).toMatchObject({
      action: 'ingest.rejects_read',
      dataset: 'GA-PERSON-01',
      actor: { name: 'admin' },
    });
  });

  it('refuses bad uploads clearly and keeps nothing of them', async () => {
    expect((await upload(datasetId, Buffer.from('a,b\n1,2\n'), 'x.csv', 'upsert', viewer)).statusCode).toBe(
      403,
    );
    const noKey = await upload(datasetId, Buffer.from('姓名\n张三\n'), 'nokey.csv');
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().code).toBe('key_columns_missing');
    expect((await upload(datasetId, Buffer.from('x'), 'file.pdf')).statusCode).toBe(415);
    const broken = await upload(datasetId, Buffer.from('PK\u0003\u0004 not really a zip'), 'broken.xlsx');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('file_unreadable');
    const draft = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/catalog/datasets',
        headers: { cookie: officer },
        payload: {
          code: 'GA-DRAFT-9',
          name: '草稿数据集',
          theme: 'population',
          updateFrequency: 'daily',
          shareType: 'none',
          openType: 'none',
          level: 'L2',
          fields,
        },
      })
    ).json();
    const notPublished = await upload(draft.id, Buffer.from('公民身份号码\n1\n'), 'd.csv');
    expect(notPublished.statusCode).toBe(409);
  });
});
