import type { QualityRule, QualityRunDetail, RuleResult } from '@shuzhi/contracts';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { newId } from '../../platform/ids.ts';
import { publishDataset } from '../../testing/datasets.ts';
import type { TestContext } from '../../testing/harness.ts';
import { DEMO_PASSWORD } from '../auth/index.ts';
import { writeRows } from '../datastore/index.ts';
import { createWorker } from '../jobs/index.ts';
import { organCode } from '../orgs/index.ts';

// Test-only helpers of the quality module's integration tests.

/** A user with one role in one of the city's organisations (2 公安局, 3 民政局, 4 卫健委), logged in. */
export async function addUser(
  t: TestContext,
  username: string,
  orgKey: number,
  role: 'data_officer' | 'viewer',
) {
  const org = await t.services.orgs.findOrgByCode(organCode('330100', orgKey));
  if (!org) throw new Error(`org ${orgKey} missing`);
  await t.services.users.createUnchecked(
    { username, displayName: username, password: DEMO_PASSWORD, grants: [{ orgId: org.id, role }] },
    false,
  );
  return t.login(username);
}

export const runJobs = async (t: TestContext) => {
  const w = createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
  while (await w.runOnce()) {}
};

/** Writes rows straight into a dataset's table (what an import's batches do). */
export async function load(t: TestContext, datasetId: string, rows: (string | number | null)[][]) {
  const ds = await t.services.catalog.findDatasetById(datasetId);
  if (!ds) throw new Error(`dataset ${datasetId} missing`);
  await writeRows(t.services.db, ds.code, ds.fields, rows, 'upsert', newId());
}

export const call = (
  t: TestContext,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) =>
  t.app.inject({
    method,
    url: `/api/v1/quality${url}`,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** The ledger's entries from `from` on, decoded (sequenced first). */
export async function ledgerSince(t: TestContext, from: number) {
  await t.services.ledger.drain();
  const r = await sql<{
    body: Uint8Array;
  }>`select body from ledger.entry where idx >= ${from} order by idx`.execute(t.services.db);
  return r.rows.map(
    (x) => JSON.parse(Buffer.from(x.body).toString()) as Record<string, unknown> & { action: string },
  );
}

export const ledgerSize = async (t: TestContext) => {
  await t.services.ledger.drain();
  return t.services.ledger.sizeNow();
};

/** A published person dataset of the police (公安局, the demo officer's organisation). */
export const personFields = [
  { name: 'sfzh', title: '公民身份号码', type: 'string', key: true, sensitivity: 'high' },
  { name: 'xm', title: '姓名', type: 'string', sensitivity: 'medium' },
  { name: 'sjh', title: '手机号码', type: 'string', sensitivity: 'medium' },
  { name: 'xb', title: '性别', type: 'string' },
  { name: 'nl', title: '年龄', type: 'integer' },
  { name: 'csrq', title: '出生日期', type: 'date', sensitivity: 'low' },
  { name: 'dwdm', title: '单位统一社会信用代码', type: 'string' },
  { name: 'sqdm', title: '社区代码', type: 'string' },
  { name: 'zt', title: '状态', type: 'string' },
];

export async function publishPersons(
  t: TestContext,
  cookies: { officer: string; admin: string },
  code: string,
) {
  return publishDataset(t, cookies, { code, name: '质量测试人口', level: 'L3', fields: personFields });
}

// Six people, each with its defects (the comments say which rule each row breaks).
export const PERSON_ROWS = [
  [
    '11010519491231002X',
    '张三',
    '13812345678',
    '男',
    76,
    '1949-12-31',
    '91330106MA2CFQ7L0C',
    '330106001001',
    '正常',
  ],
  // 120 is no mobile block; 146 is old but within 0–150; born 1880 is before the date range.
  [
    '440524188001010014',
    '李四',
    '12012345678',
    '女',
    146,
    '1880-01-01',
    '12330000002482071N',
    '330106001002',
    '正常',
  ],
  // lowercase x; the mobile number of 张三 again; the credit code's check character is wrong.
  [
    '33010619900101123x',
    '王五',
    '13812345678',
    '男',
    36,
    '1990-01-01',
    '91330106MA2CFQ7L0D',
    '330106001001',
    '注销',
  ],
  // a name of one ideographic space; no mobile; 未知 gender; age −1; a community that does not exist.
  ['33010619850615002X', '\u3000', null, '未知', -1, '1985-06-15', null, '330106999999', '正常'],
  // wrong check digit; a five-character name; age 200; born in 2030; status ZC.
  [
    '110105194912310021',
    '赵六六六六',
    '13900001111',
    '女',
    200,
    '2030-01-01',
    '93330110MA28AB1CDX',
    '330106001002',
    'ZC',
  ],
  // 下城区 (330103) was gone by 2022; a lowercase credit code.
  [
    '330103202201050036',
    '钱七',
    '19212345678',
    '男',
    4,
    '2022-01-05',
    '91330106ma2cfq7l0c',
    '330106001001',
    '正常',
  ],
];

/**
 * The world of the quality tests: the police's community code table and person dataset (code
 * `code`) loaded with PERSON_ROWS, the admin, the police officer and viewer, and civil affairs' officer.
 */
export async function qualityWorld(t: TestContext, code: string) {
  const [admin, officer] = await Promise.all([t.login('admin'), t.login('officer')]);
  const policeViewer = await addUser(t, 'police_viewer', 2, 'viewer');
  const civilOfficer = await addUser(t, 'civil_officer', 3, 'data_officer');
  const communities = await publishDataset(
    t,
    { officer, admin },
    {
      code: `${code}-SQ`,
      name: '社区代码表',
      level: 'L1',
      fields: [
        { name: 'sqdm', title: '社区代码', type: 'string', key: true },
        { name: 'sqmc', title: '社区名称', type: 'string' },
      ],
    },
  );
  await load(t, communities, [
    ['330106001001', '北山街道社区一'],
    ['330106001002', '北山街道社区二'],
  ]);
  const persons = await publishPersons(t, { officer, admin }, code);
  await load(t, persons, PERSON_ROWS);

  const rules = async (cookie = officer) => {
    const res = await call(t, cookie, 'GET', `/datasets/${persons}/rules`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as QualityRule[];
  };
  const startAndRun = async (datasetId = persons, cookie = officer) => {
    const res = await call(t, cookie, 'POST', `/datasets/${datasetId}/runs`);
    expect(res.statusCode, res.body).toBe(202);
    await runJobs(t);
    return res.json().id as string;
  };
  const problems = async (cookie = officer) => {
    const res = await call(t, cookie, 'GET', `/datasets/${persons}/problems`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as QualityRunDetail;
  };
  return { admin, officer, policeViewer, civilOfficer, communities, persons, rules, startAndRun, problems };
}

export const resultOf = (d: QualityRunDetail, kind: string, field: string | null) =>
  d.results.find((r) => r.kind === kind && r.field === field) as RuleResult;
export const counts = (r: RuleResult) => [r.checked, r.failed];
