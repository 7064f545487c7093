import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { createWorker } from '../jobs/index.ts';

// Raw rows (rejects, previews) leave unmasked by design, to the owner's data officer and the admin only:
// each read must say in the ledger which personal fields and whom it showed.
let t: TestContext;
let officer: string;
let admin: string;
let viewer: string;
let datasetId: string;

const fields = [
  { name: 'id_number', title: '公民身份号码', type: 'string', key: true, sensitivity: 'high' },
  { name: 'name', title: '姓名', type: 'string', sensitivity: 'low' },
  { name: 'income', title: '年收入', type: 'integer' },
];
const csv = [
  '公民身份号码,姓名,年收入',
  '330106199001011234,王小明,100',
  '330106198502022345,李华,很多',
  ',无名,300',
  '330106197003033456,张伟,不详',
].join('\n');

const upload = (stage: boolean) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/ingest/datasets/${datasetId}/imports?mode=upsert&filename=p.csv${stage ? '&stage=true' : ''}`,
    headers: { cookie: officer, 'content-type': 'text/csv' },
    payload: Buffer.from(csv),
  });

async function entriesSince(from: number, action: string) {
  await t.services.ledger.drain();
  const r = await sql<{
    body: Uint8Array;
  }>`select body from ledger.entry where idx >= ${from} order by idx`.execute(t.services.db);
  return r.rows.map((x) => JSON.parse(Buffer.from(x.body).toString())).filter((e) => e.action === action);
}

beforeAll(async () => {
  t = await createTestContext();
  [officer, admin, viewer] = await Promise.all([t.login('officer'), t.login('admin'), t.login('viewer')]);
  datasetId = await publishDataset(
    t,
    { officer, admin },
    { code: 'GA-RAW-01', name: '原始行', level: 'L3', fields },
  );
});
afterAll(() => t.close());

describe('reads of raw rows', () => {
  it('shows rejected rows raw to the owner’s officer and the admin, ledgering fields and subjects', async () => {
    const res = await upload(false);
    expect(res.statusCode, res.body).toBe(202);
    const w = createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
    while (await w.runOnce()) {}
    const url = `/api/v1/ingest/imports/${res.json().id}/rejects`;
    expect((await t.app.inject({ url, headers: { cookie: viewer } })).statusCode).toBe(403);
    await t.services.ledger.drain();
    const from = await t.services.ledger.sizeNow();
    const page = await t.app.inject({ url, headers: { cookie: admin } });
    expect(page.statusCode).toBe(200);
    expect(page.json().items.map((r: { values: Record<string, string> }) => r.values.姓名)).toEqual([
      '李华',
      '无名',
      '张伟',
    ]);
    const [entry] = await entriesSince(from, 'ingest.rejects_read');
    expect(entry).toMatchObject({
      dataset: 'GA-RAW-01',
      actor: { name: 'admin' },
      fields: ['id_number', 'name'],
    });
    // The row without a key names no one; the two others are there, as salted hashes.
    expect(entry.subjects).toHaveLength(2);
    expect(JSON.stringify(entry)).not.toContain('330106198502022345');
  });

  it('ledgers a staged import’s preview the same way', async () => {
    await t.services.ledger.drain();
    const from = await t.services.ledger.sizeNow();
    const staged = await upload(true);
    expect(staged.statusCode, staged.body).toBe(201);
    expect(staged.json().rows).toHaveLength(4);
    const [entry] = await entriesSince(from, 'ingest.preview_read');
    expect(entry).toMatchObject({ dataset: 'GA-RAW-01', fields: ['id_number', 'name'] });
    expect(entry.subjects).toHaveLength(3);
  });
});
