import { expect } from 'vitest';
import { clearForRelease, publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';

/** Two open datasets (one loaded), a conditional and a closed one with the same rows, by the police bureau's officer. */
export async function openFixture() {
  // Four rows: k = 2 lets them pass a k-anonymity check (two days, two stations each), which their
  // personal field (operator_phone) makes due before rows leave (privacy's release gate).
  const t: TestContext = await createTestContext({ SHUZHI_PRIVACY_MIN_K: '2' });
  const [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
  const cookies = { officer, admin };
  const airFields = [
    { name: 'station', title: '监测站', type: 'string', key: true },
    { name: 'city', title: '城市', type: 'string' },
    { name: 'pm25', title: 'PM2.5', type: 'integer', unit: 'μg/m³' },
    { name: 'ratio', title: '达标率', type: 'decimal' },
    { name: 'day', title: '日期', type: 'date' },
    { name: 'operator_phone', title: '联系电话', type: 'string', sensitivity: 'low' },
  ];
  const load = async (id: string, csv: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/ingest/datasets/${id}/imports?mode=upsert&filename=open.csv`,
      headers: { cookie: officer, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(csv),
    });
    expect(res.statusCode).toBe(202);
    await t.services.ingest.run(res.json().id, async () => {});
  };
  const airId = await publishDataset(t, cookies, {
    code: 'OPEN-AIR.01',
    name: '空气质量日报',
    nameEn: 'Daily air quality',
    description: '各监测站每日空气质量',
    theme: 'environment',
    openType: 'unconditional',
    level: 'L1',
    tags: ['空气', '环境'],
    contact: { name: '环境处', phone: '0571-1234567', email: 'air@example.gov.cn' },
    fields: airFields,
  });
  await publishDataset(t, cookies, {
    code: 'OPEN-BUS-02',
    name: '公交线路',
    theme: 'transport',
    openType: 'unconditional',
    level: 'L1',
    tags: ['公交'],
    fields: [{ name: 'line', title: '线路', type: 'string', key: true }],
  });
  const condId = await publishDataset(t, cookies, {
    code: 'COND-X-03',
    name: '有条件开放的空气数据',
    theme: 'environment',
    openType: 'conditional',
    tags: ['空气'],
    fields: airFields,
  });
  await publishDataset(t, cookies, {
    code: 'NONE-X-04',
    name: '不开放的空气数据',
    openType: 'none',
    fields: airFields,
  });
  const csv =
    '监测站,城市,PM2.5,达标率,日期,联系电话\nS1,杭州,35,0.9,2024-05-01,13800000001\nS2,杭州,80,0.5,2024-05-01,13800000002\nS3,宁波,12,1,2024-05-02,13800000003\nS4,=cmd|calc,50,0.7,2024-05-02,13800000004\n';
  await load(airId, csv);
  await load(condId, csv);
  await clearForRelease(t, officer, airId, ['day']);
  await clearForRelease(t, officer, condId, ['day']);
  const ds = await t.app.inject({ url: `/api/v1/catalog/datasets/${airId}`, headers: { cookie: officer } });
  const org = await t.services.orgs.getOrg(ds.json().ownerOrgId);
  const get = (path: string) => t.app.inject({ url: path });
  return {
    t,
    airId,
    condId,
    orgSlug: org.code.toLowerCase(),
    get,
    action: (name: string, query = '') => get(`/api/3/action/${name}${query ? `?${query}` : ''}`),
    post: (name: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url: `/api/3/action/${name}`, payload: payload as object }),
  };
}
