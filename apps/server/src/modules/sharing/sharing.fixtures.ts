import { sql } from 'kysely';
import { expect } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { DEMO_PASSWORD } from '../auth/index.ts';
import { organCode } from '../orgs/index.ts';

export const PERSONS = [
  ['330106199001011234', '张三丰', '330106001001', '1990', '内部一'],
  ['330106198502023456', '李四', '330106002003', '1985', '内部二'],
  ['330102197003035678', '王五', '330102001001', '1970', '内部三'],
];
const CSV = `身份证号,姓名,社区代码,出生年份,备注\n${PERSONS.map((p) => p.join(',')).join('\n')}\n`;

/**
 * The police bureau (the demo officer's organisation) shares a conditional L3 persons dataset and an
 * unconditional list of stations; the civil affairs bureau (a second officer) consumes them through
 * an app the admin created for it.
 */
export async function sharingFixture(env: Record<string, string> = {}) {
  const t: TestContext = await createTestContext(env);
  const [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
  const inject = t.app.inject.bind(t.app);
  const persons = await publishDataset(
    t,
    { officer, admin },
    {
      code: 'SHR-RK-01',
      name: '共享测试人口',
      shareType: 'conditional',
      level: 'L3',
      fields: [
        {
          name: 'id_number',
          title: '身份证号',
          type: 'string',
          key: true,
          sensitivity: 'medium',
          personalType: 'resident_id',
        },
        { name: 'name', title: '姓名', type: 'string', sensitivity: 'low', personalType: 'person_name' },
        { name: 'community_code', title: '社区代码', type: 'string' },
        { name: 'birth_year', title: '出生年份', type: 'integer' },
        { name: 'note', title: '备注', type: 'string', sensitivity: 'high' },
      ],
    },
  );
  await publishDataset(
    t,
    { officer, admin },
    {
      code: 'SHR-ZD-02',
      name: '共享测试站点',
      shareType: 'unconditional',
      level: 'L1',
      fields: [
        { name: 'station', title: '站点', type: 'string', key: true },
        { name: 'city', title: '城市', type: 'string' },
      ],
    },
  );
  const res = await inject({
    method: 'POST',
    url: `/api/v1/ingest/datasets/${persons}/imports?mode=upsert&filename=p.csv`,
    headers: { cookie: officer, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(CSV),
  });
  expect(res.statusCode, res.body).toBe(202);
  await t.services.ingest.run(res.json().id, async () => {});

  const civil = await t.services.orgs.findOrgByCode(organCode('330100', 3));
  const civilId = civil?.id as string;
  await t.services.users.createUnchecked(
    {
      username: 'consumer',
      displayName: '民政局数据专员',
      password: DEMO_PASSWORD,
      grants: [{ orgId: civilId, role: 'data_officer' }],
    },
    false,
  );
  const consumer = await t.login('consumer');
  /** An app (API client) of an organisation, made by the admin; answers its ids and a token. */
  const newApp = async (orgId: string, name: string) => {
    const made = await inject({
      method: 'POST',
      url: '/api/v1/auth/clients',
      headers: { cookie: admin },
      payload: { name, orgId, roles: ['viewer'] },
    });
    expect(made.statusCode, made.body).toBe(201);
    const { client, clientSecret } = made.json() as {
      client: { id: string; clientId: string };
      clientSecret: string;
    };
    const tok = await inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret },
    });
    expect(tok.statusCode, tok.body).toBe(200);
    return { id: client.id, clientId: client.clientId, bearer: `Bearer ${tok.json().access_token}` };
  };
  const app = await newApp(civilId, '民政救助核验');
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
  return { t, inject, cookies: { officer, admin, consumer }, civilId, app, newApp, ledger };
}
