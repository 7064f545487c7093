import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../platform/ids.ts';
import { publishDataset } from '../../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../../testing/harness.ts';
import { deleteRowsNotFrom, writeRows } from '../../datastore/index.ts';
import { resourceIdOf, slugOf } from '../../open/open.names.ts';
import { call, load, people, personsDataset, runJobs } from '../test-fixtures.ts';

let t: TestContext;
let officer: string;
let id: string;
const CODE = 'PRIV-REL-01';

beforeAll(async () => {
  t = await createTestContext();
  const admin = await t.login('admin');
  officer = await t.login('officer');
  id = await personsDataset(t, { officer, admin }, CODE, people(40));
  await markAndCheck(['xb']);
  const opened = await call(t, officer, 'PATCH', `/api/v1/catalog/datasets/${id}`, {
    openType: 'unconditional',
  });
  expect(opened.statusCode, opened.body).toBe(200);
});
afterAll(() => t.close());

async function markAndCheck(quasiIdentifiers: string[]) {
  const marked = await call(t, officer, 'PUT', `/datasets/${id}/quasi-identifiers`, { quasiIdentifiers });
  expect(marked.statusCode).toBe(200);
  expect((await call(t, officer, 'POST', `/datasets/${id}/kanon/checks`)).statusCode).toBe(202);
  await runJobs(t);
}

/** Every open read path of the dataset's rows, as the public calls them (no login), with a language. */
const readPaths = (lang: string) => {
  const get = (url: string) => t.app.inject({ url, headers: { 'accept-language': lang } });
  const resource = resourceIdOf(id);
  return {
    datastore: () => get(`/api/3/action/datastore_search?resource_id=${resource}&limit=5`),
    sql: () =>
      get(
        `/api/3/action/datastore_search_sql?sql=${encodeURIComponent(`select count(*) as n from "${slugOf(CODE)}"`)}`,
      ),
    download: () => get(`/api/v1/open/datasets/${CODE}/download.csv`),
    records: () => get(`/api/v1/open/datasets/${CODE}/records?limit=5`),
  };
};

async function expectAllServed() {
  const p = readPaths('zh-CN');
  const [datastore, sqlRes, download, records] = await Promise.all([
    p.datastore(),
    p.sql(),
    p.download(),
    p.records(),
  ]);
  expect(datastore.statusCode, datastore.body).toBe(200);
  expect(datastore.json().result.records).toHaveLength(5);
  expect(sqlRes.statusCode, sqlRes.body).toBe(200);
  expect(download.statusCode, download.body).toBe(200);
  expect(records.statusCode, records.body).toBe(200);
  expect(records.json().records).toHaveLength(5);
}

async function expectAllWithheld(reasonZh: string, reasonEn: string) {
  const zh = readPaths('zh-CN');
  const en = readPaths('en');
  for (const path of ['datastore', 'sql'] as const) {
    const res = await zh[path]();
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ success: false, error: { __type: 'Authorization Error' } });
    expect(res.json().error.message).toContain(`数据集 ${CODE} 含个人信息`);
    expect(res.json().error.message).toContain(reasonZh);
  }
  for (const path of ['download', 'records'] as const) {
    const res = await en[path]();
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().code).toBe('open_release_withheld');
    expect(res.json().detail).toContain('its records are withheld (its metadata stays visible)');
    expect(res.json().detail).toContain(reasonEn);
    // No rows in the refusal.
    expect(res.body).not.toContain('330106');
  }
  // The metadata stays public.
  const pkg = await t.app.inject({ url: `/api/3/action/package_show?id=${slugOf(CODE)}` });
  expect(pkg.statusCode).toBe(200);
}

describe('rows of an open dataset with personal fields after it was opened', () => {
  it('leave while a passing check describes them, are withheld on every read path after a load until the next check passes', async () => {
    await expectAllServed();

    // A load changes the rows: until the queued check has run, no row leaves.
    await load(t, id, people(5, 40));
    await t.services.privacy.kanon.afterImport(id);
    await expectAllWithheld('之后数据、准标识符或 k 已变化', 'changed since the last check');

    // The queued check passes (two sexes, 45 people): the rows leave again by themselves.
    await runJobs(t);
    await expectAllServed();
  });

  it('withholds the rows after a deletion alone (a replace that only drops rows)', async () => {
    const ds = await t.services.catalog.findDatasetById(id);
    if (!ds) throw new Error('dataset missing');
    const importId = newId();
    await t.services.db.transaction().execute(async (trx) => {
      await writeRows(trx, CODE, ds.fields, people(44), 'replace', importId);
      expect(await deleteRowsNotFrom(trx, CODE, ds.fields, importId)).toBe(1);
    });
    await expectAllWithheld('请重新检查', 'check again');
    await markAndCheck(['xb']);
    await expectAllServed();
  });

  it('stays withheld while the latest check fails, with its smallest class in the reason', async () => {
    await markAndCheck(['csrq', 'xb']);
    await expectAllWithheld('最小等价类只有 1 行', 'the smallest equivalence class has 1 rows');
    await markAndCheck(['xb']);
    await expectAllServed();
  });

  it('asks no check of an open dataset without personal fields', async () => {
    const admin = await t.login('admin');
    const plain = await publishDataset(
      t,
      { officer, admin },
      {
        code: 'PRIV-REL-02',
        name: '公交站点',
        openType: 'unconditional',
        fields: [
          { name: 'code', title: '站点编码', type: 'string', key: true },
          { name: 'name', title: '站点名称', type: 'string' },
        ],
      },
    );
    await load(t, plain, [
      ['S1', '文三路口'],
      ['S2', '学院路口'],
    ]);
    const res = await t.app.inject({
      url: `/api/3/action/datastore_search?resource_id=${resourceIdOf(plain)}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result.records).toHaveLength(2);
  });
});
