import type { QualityRunDetail } from '@shuzhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { addUser, call, load, runJobs } from './test-fixtures.ts';

// 一数一源 consistency as a quality dimension: the police register is bound to civil affairs'
// authoritative marital status, and its open conflicts count against it.
let t: TestContext;
let admin: string;
let police: string;
let civil: string;
let civilDs: string;
let policeDs: string;

beforeAll(async () => {
  t = await createTestContext();
  [admin, police] = await Promise.all([t.login('admin'), t.login('officer')]);
  civil = await addUser(t, 'civil_officer', 3, 'data_officer');
  const fields = (value: string) => [
    { name: 'sfzh', title: '公民身份号码', type: 'string', key: true },
    { name: value, title: '婚姻状况', type: 'string' },
  ];
  civilDs = await publishDataset(
    t,
    { officer: civil, admin },
    { code: 'MZ-QY-01', name: '婚姻登记', fields: fields('hyzk') },
  );
  policeDs = await publishDataset(
    t,
    { officer: police, admin },
    { code: 'GA-QY-01', name: '户籍婚姻', fields: fields('hy') },
  );
  const el = await t.app.inject({
    method: 'POST',
    url: '/api/v1/catalog/elements',
    headers: { cookie: admin },
    payload: {
      code: 'qy_marital',
      name: '婚姻状况',
      authoritativeDatasetId: civilDs,
      fieldName: 'hyzk',
      keyType: 'resident_id',
    },
  });
  expect(el.statusCode, el.body).toBe(201);
  const bind = await t.app.inject({
    method: 'POST',
    url: '/api/v1/catalog/elements/qy_marital/bindings',
    headers: { cookie: admin },
    payload: { datasetId: policeDs, valueField: 'hy', keyField: 'sfzh' },
  });
  expect(bind.statusCode, bind.body).toBe(201);
  await load(t, civilDs, [
    ['11010519491231002X', '已婚'],
    ['440524188001010014', '未婚'],
    ['33010619850615002X', '离婚'],
    ['330103199003070023', '已婚'],
  ]);
  await load(t, policeDs, [
    ['11010519491231002X', '已婚'],
    ['440524188001010014', '已婚'], // conflict
    ['33010619850615002X', '离婚'],
    ['330103199003070023', '未婚'], // conflict
  ]);
  // What a finished import does: queue the conflict check and the quality run.
  await t.services.catalog.conflicts.afterImport(policeDs);
  await runJobs(t);
  await t.services.quality.afterImport(policeDs);
  await t.services.quality.afterImport(civilDs);
  await runJobs(t);
}, 120_000);
afterAll(() => t.close());

describe('cross-source consistency', () => {
  it('counts the open conflicts of a bound dataset against the subjects compared', async () => {
    const res = await call(t, police, 'GET', `/datasets/${policeDs}/problems`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as QualityRunDetail;
    const c = d.results.find((r) => r.kind === 'consistency');
    expect(c).toMatchObject({ checked: 4, failed: 2, passRate: 0.5, samples: [] });
    expect(c?.details).toEqual([
      { element: 'qy_marital', elementName: '婚姻状况', authoritative: 'MZ-QY-01', compared: 4, open: 2 },
    ]);
    expect(d.scores.consistency).toBe(50);
  });

  it('leaves the authoritative source alone: it is the reference, not in conflict', async () => {
    const d = (await call(t, civil, 'GET', `/datasets/${civilDs}/problems`)).json() as QualityRunDetail;
    expect(d.results.some((r) => r.kind === 'consistency')).toBe(false);
    expect(d.scores.consistency).toBeNull();
  });
});
