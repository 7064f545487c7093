import { sql } from 'kysely';
import { expect } from 'vitest';
import { creditCodeCheckChar, residentIdCheckChar } from '../../platform/formats.ts';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { MYDATA_COOKIE } from './index.ts';

export const validId = (body17: string) => `${body17}${residentIdCheckChar(body17)}`;
const id = validId;
const credit = (body17: string) => `${body17}${creditCodeCheckChar(body17)}`;

/** Two residents (one with two phones on record across datasets) and an enterprise with its representative. */
export const ZHANG = { id: id('33010619900101123'), phone: '13812345678', name: '张三丰' };
export const LI = { id: id('33010219850202345'), phone: '13987654321', name: '李四' };
export const FIRM = { code: credit('91330106MA2XXXXX1'), name: '杭州某某科技有限公司' };

/**
 * The police bureau's residents (keyed by ID number, with phones) and the market regulator's
 * enterprises (keyed by credit code, with the representative's ID), loaded through the import path.
 */
export async function mydataFixture() {
  const t: TestContext = await createTestContext();
  const [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
  const load = async (datasetId: string, csv: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/ingest/datasets/${datasetId}/imports?mode=upsert&filename=x.csv`,
      headers: { cookie: officer, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(csv),
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.services.ingest.run(res.json().id, async () => {});
  };
  const persons = await publishDataset(
    t,
    { officer, admin },
    {
      code: 'MYD-RK-01',
      name: '我的数据测试人口',
      level: 'L3',
      fields: [
        {
          name: 'id_number',
          title: '公民身份号码',
          type: 'string',
          key: true,
          sensitivity: 'medium',
          personalType: 'resident_id',
        },
        { name: 'name', title: '姓名', type: 'string', sensitivity: 'low', personalType: 'person_name' },
        { name: 'mobile', title: '联系电话', type: 'string', sensitivity: 'low', personalType: 'mobile' },
        { name: 'community_code', title: '社区代码', type: 'string' },
      ],
    },
  );
  await load(
    persons,
    `公民身份号码,姓名,联系电话,社区代码\n${ZHANG.id},${ZHANG.name},${ZHANG.phone},330106001001\n${LI.id},${LI.name},${LI.phone},330102001001\n`,
  );
  const firms = await publishDataset(
    t,
    { officer, admin },
    {
      code: 'MYD-QY-01',
      name: '我的数据测试企业',
      level: 'L2',
      fields: [
        {
          name: 'credit_code',
          title: '统一社会信用代码',
          type: 'string',
          key: true,
          personalType: 'credit_code',
        },
        { name: 'firm_name', title: '企业名称', type: 'string' },
        {
          name: 'legal_rep_id',
          title: '法定代表人身份号码',
          type: 'string',
          sensitivity: 'medium',
          personalType: 'resident_id',
        },
      ],
    },
  );
  await load(firms, `统一社会信用代码,企业名称,法定代表人身份号码\n${FIRM.code},${FIRM.name},${LI.id}\n`);

  const inject = t.app.inject.bind(t.app);
  /** Signs a subject in through the one-time code (shown in demo mode); answers the cookie header. */
  const signIn = async (body: Record<string, unknown>) => {
    const start = await inject({ method: 'POST', url: '/api/v1/mydata/login/start', payload: body });
    expect(start.statusCode, start.body).toBe(200);
    const { challengeId, demoCode } = start.json();
    const verify = await inject({
      method: 'POST',
      url: '/api/v1/mydata/login/verify',
      payload: { challengeId, code: demoCode },
    });
    expect(verify.statusCode, verify.body).toBe(200);
    const c = verify.cookies.find((x) => x.name === MYDATA_COOKIE);
    return `${MYDATA_COOKIE}=${c?.value}`;
  };
  const ledger = async (action: string) => {
    await t.services.ledger.drain();
    const rows = await sql<{ body: Uint8Array }>`select body from ledger.entry order by idx`.execute(
      t.services.db,
    );
    return rows.rows
      .map((r) => JSON.parse(Buffer.from(r.body).toString()) as Record<string, unknown>)
      .filter((e) => e.action === action);
  };
  return { t, inject, cookies: { officer, admin }, persons, firms, signIn, ledger };
}
