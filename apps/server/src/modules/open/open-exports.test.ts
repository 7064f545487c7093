import type { OpenUsageReport } from '@shuzhi/contracts';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { openFixture } from './open.fixtures.ts';
import { resourceIdOf } from './open.names.ts';

let f: Awaited<ReturnType<typeof openFixture>>;
let airId: string;
let condId: string;
let t: Awaited<ReturnType<typeof openFixture>>['t'];
const get = (path: string) => f.get(path);
const action = (name: string, query = '') => f.action(name, query);
const post = (name: string, payload: unknown) => f.post(name, payload);

beforeAll(async () => {
  f = await openFixture();
  ({ t, airId, condId } = f);
});
afterAll(() => t.close());

async function ledgerActions() {
  await t.services.ledger.drain();
  const entries = await sql<{ body: Uint8Array }>`select body from ledger.entry order by idx`.execute(
    t.services.db,
  );
  return entries.rows.map((r) => JSON.parse(Buffer.from(r.body).toString()));
}

describe('datastore_search_sql', () => {
  const sqlCall = (statement: string) => post('datastore_search_sql', { sql: statement });

  it('runs a SELECT over open resources named by resource id or name', async () => {
    const res = await sqlCall(
      `SELECT city, count(*) AS n FROM "${resourceIdOf(airId)}" GROUP BY city ORDER BY n DESC, city`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().result.records).toEqual([
      { city: '杭州', n: 2 },
      { city: '=cmd|calc', n: 1 },
      { city: '宁波', n: 1 },
    ]);
    expect(res.json().result.fields).toEqual([
      { id: 'city', type: 'text' },
      { id: 'n', type: 'int' },
    ]);
    const byName = await action(
      'datastore_search_sql',
      `sql=${encodeURIComponent('select max(pm25) as m from "open-air-01";')}`,
    );
    expect(byName.json().result.records).toEqual([{ m: 80 }]);
  });

  it('refuses other schemas, non-open datasets, system catalogs and unlisted functions (403)', async () => {
    for (const statement of [
      `SELECT * FROM data."COND-X-03"`,
      `SELECT * FROM "${resourceIdOf(airId)}" a, data."OPEN-AIR.01" b`,
      `SELECT * FROM catalog.dataset`,
      `SELECT * FROM "${resourceIdOf(airId)}" WHERE city IN (SELECT username FROM auth.user)`,
      `SELECT * FROM "${resourceIdOf(airId)}" WHERE exists (select 1 from pg_authid)`,
      `SELECT query_to_xml('select * from auth.user', true, true, '') FROM "${resourceIdOf(airId)}"`,
      `SELECT pg_read_file('/etc/passwd') FROM "${resourceIdOf(airId)}"`,
      `SELECT * FROM "${resourceIdOf(condId)}"`,
      `SELECT 1`,
    ]) {
      const res = await sqlCall(statement);
      expect(res.statusCode, statement).toBe(403);
      expect(res.json().error.__type, statement).toBe('Authorization Error');
    }
  });

  it('refuses writes, several statements, comments and hidden columns (409)', async () => {
    const rid = resourceIdOf(airId);
    for (const [statement, status] of [
      [`DELETE FROM "${rid}"`, 409],
      [`SELECT 1 FROM "${rid}"; DELETE FROM "${rid}"`, 409],
      [`WITH x AS (DELETE FROM data."OPEN-AIR.01" RETURNING 1) SELECT * FROM "${rid}"`, 403],
      [`SELECT * INTO copied FROM "${rid}"`, 409],
      [`SELECT * FROM "${rid}" -- comment`, 403],
      [`SELECT operator_phone FROM "${rid}"`, 409],
      [`SELECT nextval('datastore.change_seq') FROM "${rid}"`, 403],
      [`SELECT * FROM "${rid}") AS x; DROP TABLE auth.user; SELECT (1`, 409],
    ] as const) {
      const res = await sqlCall(statement);
      expect(res.statusCode, statement).toBe(status);
    }
    expect((await sqlCall(`DELETE FROM "${rid}"`)).json().error).toMatchObject({
      __type: 'Validation Error',
      query: [expect.any(String)],
    });
    const count = await sql<{ n: number }>`select count(*)::int as n from data."OPEN-AIR.01"`.execute(
      t.services.db,
    );
    expect(count.rows[0]?.n).toBe(4);
  });
});

describe('downloads, ledger and DCAT', () => {
  it('streams CSV (formulas neutralised, graded fields left out) and JSON; non-open is 404', async () => {
    const csv = await get('/api/v1/open/datasets/OPEN-AIR.01/download.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFstation,city,pm25,ratio,day\r\n')).toBe(true);
    expect(csv.body).toContain("S4,'=cmd|calc,50,0.7,2024-05-02");
    expect(csv.body).not.toContain('138000');
    const json = await get('/api/v1/open/datasets/OPEN-AIR.01/download.json');
    expect(json.json()).toHaveLength(4);
    expect(json.json()[0]).toEqual({ station: 'S1', city: '杭州', pm25: 35, ratio: 0.9, day: '2024-05-01' });
    expect((await get('/api/v1/open/datasets/COND-X-03/download.csv')).statusCode).toBe(404);
    expect((await get('/api/v1/open/datasets/OPEN-AIR.01/download.xls')).statusCode).toBe(400);
  });

  it('streams XLSX at the same address: open fields, numbers as numbers, formulas neutralised, counted', async () => {
    const usage = async () =>
      ((await get('/api/v1/open/datasets/OPEN-AIR.01/usage')).json() as OpenUsageReport).total.downloads;
    const before = await usage();
    const res = await get('/api/v1/open/datasets/OPEN-AIR.01/download.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe('attachment; filename="OPEN-AIR.01.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['OPEN-AIR.01']);
    const rows = (wb.worksheets[0]?.getSheetValues() ?? [])
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['station', 'city', 'pm25', 'ratio', 'day'],
      ['S1', '杭州', 35, 0.9, '2024-05-01'],
      ['S2', '杭州', 80, 0.5, '2024-05-01'],
      ['S3', '宁波', 12, 1, '2024-05-02'],
      // A cell that a spreadsheet would run as a formula once edited or saved as CSV stays inert.
      ['S4', "'=cmd|calc", 50, 0.7, '2024-05-02'],
    ]);
    expect(await usage()).toBe(before + 1);
    for (const code of ['COND-X-03', 'NONE-X-04', 'NO-SUCH-1']) {
      const missing = await get(`/api/v1/open/datasets/${code}/download.xlsx`);
      expect(missing.statusCode, code).toBe(404);
      expect(missing.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get('/api/v1/open/datasets/a/download.xlsx')).statusCode).toBe(400);
    // The portal's own address of the first version is gone: one address per download.
    expect((await get('/api/v1/open/portal/datasets/OPEN-AIR.01/download.xlsx')).statusCode).toBe(404);
  });

  it('writes downloads and datastore calls to the ledger', async () => {
    expect((await action('datastore_search', `resource_id=${resourceIdOf(airId)}`)).statusCode).toBe(200);
    const entries = await ledgerActions();
    const downloads = entries.filter((e) => e.action === 'open.download');
    expect(downloads.map((e) => e.details.format).sort()).toEqual(['csv', 'json', 'xlsx']);
    expect(downloads[0]).toMatchObject({
      dataset: 'OPEN-AIR.01',
      actor: { kind: 'anonymous' },
      result: 'ok',
    });
    expect(entries.filter((e) => e.action === 'open.datastore_search')).toHaveLength(1);
    expect(entries.some((e) => e.action === 'open.datastore_search_sql' && e.dataset === 'OPEN-AIR.01')).toBe(
      true,
    );
  });

  it('exports the DCAT-AP 3 catalogue as Turtle and JSON-LD at stable addresses, open datasets only', async () => {
    const ttl = await get('/catalog.ttl');
    expect(ttl.statusCode).toBe(200);
    expect(ttl.headers['content-type']).toContain('text/turtle');
    const quads = new Parser().parse(ttl.body);
    const has = (s: string, p: string, o: string) =>
      quads.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o);
    const ds = 'http://localhost:80/dataset/open-air-01';
    const DCAT = 'http://www.w3.org/ns/dcat#';
    const DCT = 'http://purl.org/dc/terms/';
    expect(has('http://localhost:80/catalog', `${DCAT}dataset`, ds)).toBe(true);
    expect(has(ds, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', `${DCAT}Dataset`)).toBe(true);
    expect(has(ds, `${DCAT}theme`, 'http://publications.europa.eu/resource/authority/data-theme/ENVI')).toBe(
      true,
    );
    expect(has(ds, `${DCT}identifier`, 'OPEN-AIR.01')).toBe(true);
    const titles = quads.filter((q) => q.subject.value === ds && q.predicate.value === `${DCT}title`);
    expect(titles.map((q) => [q.object.value, (q.object as { language?: string }).language]).sort()).toEqual([
      ['Daily air quality', 'en'],
      ['空气质量日报', 'zh'],
    ]);
    expect(
      quads.some(
        (q) =>
          q.predicate.value === `${DCAT}downloadURL` &&
          q.object.value === 'http://localhost:80/api/v1/open/datasets/OPEN-AIR.01/download.csv',
      ),
    ).toBe(true);
    expect(
      quads.some(
        (q) =>
          q.predicate.value === `${DCAT}downloadURL` &&
          q.object.value === 'http://localhost:80/api/v1/open/datasets/OPEN-AIR.01/download.xlsx',
      ),
    ).toBe(true);
    expect(
      quads.some(
        (q) =>
          q.predicate.value === 'http://www.w3.org/2006/vcard/ns#hasEmail' &&
          q.object.value === 'mailto:air@example.gov.cn',
      ),
    ).toBe(true);
    expect(ttl.body).not.toContain('COND-X-03');
    const jsonld = await get('/api/v1/open/dcat/catalog.jsonld');
    expect(jsonld.headers['content-type']).toContain('application/ld+json');
    const doc = jsonld.json();
    expect(doc['@context'].dcat).toBe(DCAT);
    const node = doc['@graph'].find((n: { '@id': string }) => n['@id'] === ds);
    expect(node['@type']).toBe('dcat:Dataset');
    expect(node['dct:modified']).toMatchObject({ '@type': 'xsd:dateTime' });
    expect((await get('/catalog.jsonld')).json()['@graph'].length).toBe(doc['@graph'].length);
    const one = await get('/dataset/open-air-01.ttl');
    expect(new Parser().parse(one.body).some((q) => q.subject.value === ds)).toBe(true);
    expect((await get('/dataset/open-air-01.jsonld')).json()['@graph'].length).toBeGreaterThan(3);
    expect((await get('/dataset/cond-x-03.ttl')).statusCode).toBe(404);
  });

  it('keeps the CKAN and DCAT addresses out of the web app fallback', async () => {
    const res = await t.app.inject({ url: '/api/3/action/package_list', headers: { accept: 'text/html' } });
    expect(res.headers['content-type']).toContain('application/json');
    const ttl = await t.app.inject({ url: '/catalog.ttl', headers: { accept: 'text/html' } });
    expect(ttl.headers['content-type']).toContain('text/turtle');
  });

  it('documents the open APIs in the OpenAPI document', async () => {
    const doc = (await get('/api/docs/json')).json();
    for (const path of [
      '/api/3/action/{action}',
      '/api/action/{action}',
      '/api/v1/open/datasets/{code}/download.{format}',
      '/catalog.{format}',
      '/dataset/{name}.{format}',
    ])
      expect(Object.keys(doc.paths), path).toContain(path);
    expect(doc.paths['/api/3/action/{action}'].post.tags).toEqual(['open']);
  });
});

describe('downloads of tables larger than a batch', () => {
  it('stream every row once, in change order, across batches', async () => {
    const [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
    await publishDataset(
      t,
      { officer, admin },
      {
        code: 'OPEN-BIG-09',
        name: '大表下载',
        theme: 'transport',
        openType: 'unconditional',
        level: 'L1',
        fields: [{ name: 'n', title: '序号', type: 'integer', key: true }],
      },
    );
    // More rows than a batch (5,000), with change numbers crossing a power of ten: ordered as text,
    // "10000" would come before "9999" and the next batch would skip rows.
    await sql`insert into data."OPEN-BIG-09" (n) select g from generate_series(1, 12345) g`.execute(
      t.services.db,
    );
    const json = await get('/api/v1/open/datasets/OPEN-BIG-09/download.json');
    expect(json.statusCode).toBe(200);
    const ns = (json.json() as { n: number }[]).map((r) => r.n);
    expect(ns).toHaveLength(12345);
    expect(ns).toEqual(Array.from({ length: 12345 }, (_, i) => i + 1));
  });
});
