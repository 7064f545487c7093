import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../../testing/harness.ts';
import { call, load, people, personsDataset, runJobs } from '../test-fixtures.ts';

let t: TestContext;
let officer: string;
let admin: string;

beforeAll(async () => {
  t = await createTestContext();
  [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
});
afterAll(() => t.close());

const setOpen = (id: string, openType: string, locale = 'zh-CN') =>
  call(t, officer, 'PATCH', `/api/v1/catalog/datasets/${id}`, { openType }, { 'accept-language': locale });

async function checkWith(id: string, quasiIdentifiers: string[]) {
  expect(
    (await call(t, officer, 'PUT', `/datasets/${id}/quasi-identifiers`, { quasiIdentifiers })).statusCode,
  ).toBe(200);
  expect((await call(t, officer, 'POST', `/datasets/${id}/kanon/checks`)).statusCode).toBe(202);
  await runJobs(t);
}

describe('opening a dataset with personal fields', () => {
  it('is refused (409) until a passing check of the current rows exists, with the smallest class in the reason', async () => {
    const id = await personsDataset(t, { officer, admin }, 'PRIV-GATE-01', people(40));

    const unmarked = await setOpen(id, 'unconditional');
    expect(unmarked.statusCode).toBe(409);
    expect(unmarked.json()).toMatchObject({ code: 'privacy_open_blocked' });
    expect(unmarked.json().detail).toContain('尚未标记准标识符');
    expect(unmarked.json().detail).toContain('k = 5');

    await checkWith(id, ['csrq', 'xb', 'zz']);
    const failing = await setOpen(id, 'conditional', 'en');
    expect(failing.statusCode).toBe(409);
    expect(failing.json().detail).toContain(
      'the smallest equivalence class has 1 rows; 40 classes (40 rows) are below k',
    );
    expect(failing.json().detail).toContain('csrq, zz, sr');
    const zh = await setOpen(id, 'conditional');
    expect(zh.json().detail).toContain('最小等价类只有 1 行，40 个等价类共 40 行低于 k');

    // Marking other quasi-identifiers makes the last check stale until it is run again.
    expect(
      (await call(t, officer, 'PUT', `/datasets/${id}/quasi-identifiers`, { quasiIdentifiers: ['xb'] }))
        .statusCode,
    ).toBe(200);
    expect((await setOpen(id, 'unconditional')).json().detail).toContain('请重新检查');
    await checkWith(id, ['xb']);
    const opened = await setOpen(id, 'unconditional');
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().openType).toBe('unconditional');
    // Already open: other edits go through without a new check.
    expect(
      (await call(t, officer, 'PATCH', `/api/v1/catalog/datasets/${id}`, { description: '改了说明' }))
        .statusCode,
    ).toBe(200);

    // A load since the check: closing is always allowed, opening again needs a new check.
    await load(t, id, people(1, 40));
    expect((await setOpen(id, 'none')).statusCode).toBe(200);
    const stale = await setOpen(id, 'unconditional', 'en');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('changed since the last check');
    await checkWith(id, ['xb']);
    expect((await setOpen(id, 'unconditional')).statusCode).toBe(200);

    // Nothing changed on a refusal: the versions show only the accepted changes.
    const versions = await call(t, officer, 'GET', `/api/v1/catalog/datasets/${id}/versions`);
    const openChanges = versions
      .json()
      .items.filter((v: { changes: Record<string, unknown> }) => v.changes.open_type)
      .map((v: { changes: { open_type: { to: string } } }) => v.changes.open_type.to);
    expect(openChanges.reverse()).toEqual(['none', 'unconditional', 'none', 'unconditional']);
  });

  it('gains no personal field while open without a check', async () => {
    const id = await publishDataset(
      t,
      { officer, admin },
      {
        code: 'PRIV-GATE-02',
        name: '开放的统计',
        openType: 'unconditional',
        fields: [
          { name: 'code', title: '编码', type: 'string', key: true },
          { name: 'who', title: '联系人', type: 'string' },
        ],
      },
    );
    await load(t, id, [
      ['A', '张三'],
      ['B', '李四'],
    ]);
    const res = await call(t, officer, 'PATCH', `/api/v1/catalog/datasets/${id}`, {
      fields: [
        { name: 'code', title: '编码', type: 'string', key: true },
        { name: 'who', title: '联系人', type: 'string', sensitivity: 'medium' },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('privacy_open_blocked');
  });

  it('lets an empty dataset be published open: nothing to re-identify yet', async () => {
    const id = await publishDataset(
      t,
      { officer, admin },
      {
        code: 'PRIV-GATE-03',
        name: '尚无数据的开放人口',
        openType: 'unconditional',
        fields: [{ name: 'sfzh', title: '公民身份号码', type: 'string', key: true, sensitivity: 'high' }],
      },
    );
    const ds = await call(t, officer, 'GET', `/api/v1/catalog/datasets/${id}`);
    expect(ds.json()).toMatchObject({ status: 'published', openType: 'unconditional' });
  });

  it('queues a new check after a load into an open dataset with marked quasi-identifiers', async () => {
    const id = await personsDataset(t, { officer, admin }, 'PRIV-GATE-04', people(40));
    await checkWith(id, ['xb']);
    expect((await setOpen(id, 'unconditional')).statusCode).toBe(200);
    const checks = async () => (await call(t, officer, 'GET', `/datasets/${id}/kanon/checks`)).json().items;
    const before = (await checks()).length;
    await load(t, id, people(5, 40));
    // What the import pipeline calls when a load into the dataset succeeded.
    await t.services.privacy.kanon.afterImport(id);
    const after = await checks();
    expect(after).toHaveLength(before + 1);
    await runJobs(t);
    const latest = (await checks())[0];
    expect(latest).toMatchObject({ status: 'done', rows: 45 });
    // A closed dataset, or one without marked quasi-identifiers, queues nothing.
    expect((await setOpen(id, 'none')).statusCode).toBe(200);
    await t.services.privacy.kanon.afterImport(id);
    expect(await checks()).toHaveLength(before + 1);
  });
});
