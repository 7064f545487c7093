import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { addUser, call, load, resultOf, runJobs } from './test-fixtures.ts';

// Problem samples are a read path of the masking policy: a field's catalog type (个人信息类型) picks its
// mask there, with no quality rule saying what the field holds.
let t: TestContext;
let officer: string;
let policeViewer: string;
let id: string;

const ID = '330106199001011234';

beforeAll(async () => {
  t = await createTestContext();
  const admin = await t.login('admin');
  officer = await t.login('officer');
  policeViewer = await addUser(t, 'police_viewer', 2, 'viewer');
  id = await publishDataset(
    t,
    { officer, admin },
    {
      code: 'GA-QA-PT',
      name: '来访登记',
      level: 'L3',
      fields: [
        // Titled so that nothing but the declared type says what it holds.
        {
          name: 'zjhm',
          title: '登记号',
          type: 'string',
          key: true,
          sensitivity: 'medium',
          personalType: 'resident_id',
        },
        { name: 'bz', title: '备注', type: 'string', sensitivity: 'low' },
        { name: 'zt', title: '状态', type: 'string' },
      ],
    },
  );
  await load(t, id, [
    [ID, '已回访', null],
    ['11010519491231002X', '已办结', '正常'],
  ]);
  expect(
    (await call(t, officer, 'POST', `/datasets/${id}/rules`, { kind: 'required', field: 'zt' })).statusCode,
  ).toBe(201);
  expect((await call(t, officer, 'POST', `/datasets/${id}/runs`)).statusCode).toBe(202);
  await runJobs(t);
}, 120_000);
afterAll(() => t.close());

const sample = async (cookie: string) => {
  const res = await call(t, cookie, 'GET', `/datasets/${id}/problems`);
  expect(res.statusCode, res.body).toBe(200);
  return resultOf(res.json(), 'required', 'zt').samples[0];
};

describe('problem samples of a field typed resident_id', () => {
  it('show a masked reader the region and last 4 at L3, and only a keyed hash once the dataset is L4', async () => {
    const masked = await sample(policeViewer);
    expect(masked?.key.zjhm).toBe('330106********1234');
    expect(masked?.values).toEqual({ zt: null });
    expect((await sample(officer))?.key.zjhm).toBe(ID);

    const raised = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/catalog/datasets/${id}`,
      headers: { cookie: officer },
      payload: { level: 'L4' },
    });
    expect(raised.statusCode, raised.body).toBe(200);
    const hashed = (await sample(policeViewer))?.key.zjhm;
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed).not.toContain('1234');
  });
});
