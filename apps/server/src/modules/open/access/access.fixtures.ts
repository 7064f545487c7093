import { sql } from 'kysely';
import { expect } from 'vitest';
import { clearForRelease, publishDataset } from '../../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../../testing/harness.ts';
import { DEMO_PASSWORD } from '../../auth/index.ts';
import { organCode } from '../../orgs/index.ts';
import { OPEN_SESSION_COOKIE } from './access.routes.ts';

export const PASSWORD = 'Open2026access';

const CSV =
  '监测站,城市,PM2.5,联系电话,负责人姓名,备注\n' +
  'S1,杭州,35,13812345678,张三丰,内部1\n' +
  'S2,杭州,80,13912345678,李四,内部2\n' +
  'S3,宁波,12,0571-87654321,王五,内部3\n' +
  'S4,宁波,20,13712345678,赵六,内部4\n';

/**
 * An unconditionally open dataset, a conditionally open one with personal fields (L2/L3) and an L4
 * field, and a conditional L4 dataset, all of the police bureau (the demo officer's organisation).
 */
export async function accessFixture(env: Record<string, string> = {}) {
  // k = 2 lets the four rows pass a k-anonymity check by city (two each), which their personal fields
  // make due before rows leave through open data (privacy's release gate).
  const t: TestContext = await createTestContext({ SHUZHI_PRIVACY_MIN_K: '2', ...env });
  const [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
  const cookies = { officer, admin };
  const fields = [
    { name: 'station', title: '监测站', type: 'string', key: true },
    { name: 'city', title: '城市', type: 'string' },
    { name: 'pm25', title: 'PM2.5', type: 'integer' },
    { name: 'phone', title: '联系电话', type: 'string', sensitivity: 'low' },
    { name: 'manager', title: '负责人姓名', type: 'string', sensitivity: 'medium' },
    { name: 'note', title: '备注', type: 'string', sensitivity: 'high' },
  ];
  const load = async (id: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/ingest/datasets/${id}/imports?mode=upsert&filename=acc.csv`,
      headers: { cookie: officer, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(CSV),
    });
    expect(res.statusCode).toBe(202);
    await t.services.ingest.run(res.json().id, async () => {});
  };
  const openId = await publishDataset(t, cookies, {
    code: 'ACC-OPEN-01',
    name: '无条件开放的监测站',
    theme: 'environment',
    openType: 'unconditional',
    level: 'L1',
    fields,
  });
  const condId = await publishDataset(t, cookies, {
    code: 'ACC-COND-02',
    name: '有条件开放的监测站',
    theme: 'environment',
    openType: 'conditional',
    level: 'L2',
    fields,
  });
  await publishDataset(t, cookies, {
    code: 'ACC-L4-03',
    name: 'L4 监测站',
    openType: 'conditional',
    level: 'L4',
    fields,
  });
  await load(openId);
  await load(condId);
  await clearForRelease(t, officer, openId, ['city']);
  await clearForRelease(t, officer, condId, ['city']);

  const inject = t.app.inject.bind(t.app);
  /**
   * Signs up a member of the public and leaves the e-mail unverified; answers the session cookie
   * header and the code, which the test app (in demo mode) returns as a visitor would see it.
   */
  const signupUnverified = async (email: string) => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/open/access/signup',
      payload: { email, password: PASSWORD, displayName: email.split('@')[0], organisation: '某大学' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.cookies.find((x) => x.name === OPEN_SESSION_COOKIE);
    return { cookie: `${OPEN_SESSION_COOKIE}=${c?.value}`, code: res.json().demoCode as string };
  };
  /** Signs up a member of the public and verifies the e-mail with the code; answers the cookie header. */
  const signup = async (email: string) => {
    const { cookie, code } = await signupUnverified(email);
    const res = await inject({
      method: 'POST',
      url: '/api/v1/open/access/verify-email',
      headers: { cookie },
      payload: { code },
    });
    expect(res.statusCode, res.body).toBe(200);
    return cookie;
  };
  const newKey = async (cookie: string, name = 'test') => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/open/access/keys',
      headers: { cookie },
      payload: { name },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { key: { id: string; prefix: string }; secret: string };
  };
  /** A data officer of another organisation (the civil affairs bureau). */
  const otherOfficer = async () => {
    const org = await t.services.orgs.findOrgByCode(organCode('330100', 3));
    await t.services.users.createUnchecked(
      {
        username: 'officer2',
        displayName: '民政局数据专员',
        password: DEMO_PASSWORD,
        grants: [{ orgId: org?.id as string, role: 'data_officer' }],
      },
      false,
    );
    return t.login('officer2');
  };
  /** The ledger's entries of an action, once the queue is drained. */
  const ledger = async (action: string) => {
    await t.services.ledger.drain();
    const rows = await sql<{ body: Uint8Array }>`select body from ledger.entry order by idx`.execute(
      t.services.db,
    );
    return rows.rows
      .map((r) => JSON.parse(Buffer.from(r.body).toString()) as Record<string, unknown>)
      .filter((e) => e.action === action);
  };
  return { t, cookies, openId, condId, inject, signup, signupUnverified, newKey, otherOfficer, ledger };
}
