import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { openFixture } from './open.fixtures.ts';
import { resourceIdOf, slugOf } from './open.names.ts';

let f: Awaited<ReturnType<typeof openFixture>>;
let coreId: string;

beforeAll(async () => {
  f = await openFixture();
  const [officer, admin] = await Promise.all([f.t.login('officer'), f.t.login('admin')]);
  // Marked open by mistake: core data (L4) whose fields are all declared without sensitivity.
  coreId = await publishDataset(
    f.t,
    { officer, admin },
    {
      code: 'CORE-GRID-05',
      name: '电网核心节点',
      theme: 'urban',
      openType: 'unconditional',
      level: 'L4',
      tags: ['空气'],
      fields: [
        { name: 'node', title: '节点', type: 'string', key: true },
        { name: 'load_mw', title: '负荷', type: 'integer' },
      ],
    },
  );
  const res = await f.t.app.inject({
    method: 'POST',
    url: `/api/v1/ingest/datasets/${coreId}/imports?mode=upsert&filename=core.csv`,
    headers: { cookie: officer, 'content-type': 'application/octet-stream' },
    payload: Buffer.from('节点,负荷\nN1,420\n'),
  });
  expect(res.statusCode).toBe(202);
  await f.t.services.ingest.run(res.json().id, async () => {});
}, 120_000);
afterAll(() => f.t.close());

describe('open data and the dataset level', () => {
  it('never opens a dataset graded L4, whatever its open type says', async () => {
    expect((await f.action('package_show', `id=${slugOf('CORE-GRID-05')}`)).statusCode).toBe(404);
    expect((await f.action('package_show', `id=${coreId}`)).statusCode).toBe(404);
    const rid = resourceIdOf(coreId);
    expect((await f.action('datastore_search', `resource_id=${rid}`)).statusCode).toBe(404);
    const sql = await f.post('datastore_search_sql', { sql: `SELECT * FROM "${rid}"` });
    expect(sql.statusCode).not.toBe(200);
    expect(sql.body).not.toContain('N1');
    expect((await f.get('/api/v1/open/datasets/CORE-GRID-05/download.csv')).statusCode).toBe(404);
    const list = (await f.action('package_list')).json().result;
    expect(list).not.toContain(slugOf('CORE-GRID-05'));
    const tagged = (await f.action('package_search', 'fq=tags:空气')).json().result;
    expect(tagged.results.map((p: { name: string }) => p.name)).toEqual([slugOf('OPEN-AIR.01')]);
  });

  it('still serves an L1 dataset, without its personal field', async () => {
    const r = (await f.action('datastore_search', `resource_id=${resourceIdOf(f.airId)}`)).json().result;
    expect(r.records.length).toBe(4);
    expect(r.fields.map((x: { id: string }) => x.id)).not.toContain('operator_phone');
    expect(JSON.stringify(r.records)).not.toContain('13800000001');
  });
});
