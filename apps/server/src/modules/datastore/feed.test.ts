import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';

let t: TestContext;
let officer: string;
let admin: string;
let viewer: string;
let id: string;

const fields = [
  { name: 'id_number', title: '公民身份号码', type: 'string', key: true, sensitivity: 'medium' },
  { name: 'name', title: '姓名', type: 'string', sensitivity: 'low' },
  { name: 'income', title: '年收入', type: 'integer' },
  { name: 'diagnosis', title: '诊断', type: 'string', sensitivity: 'high' },
];

async function load(csv: string, mode = 'upsert') {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/ingest/datasets/${id}/imports?mode=${mode}&filename=feed.csv`,
    headers: { cookie: officer, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv),
  });
  expect(res.statusCode).toBe(202);
  await t.services.ingest.run(res.json().id, async () => {});
}

const changes = (query: string, cookie = officer) =>
  t.app.inject({ url: `/api/v1/datastore/datasets/${id}/changes${query}`, headers: { cookie } });

beforeAll(async () => {
  t = await createTestContext();
  [officer, admin, viewer] = await Promise.all([t.login('officer'), t.login('admin'), t.login('viewer')]);
  id = await publishDataset(t, { officer, admin }, { code: 'GA-FEED-01', name: '变更订阅测试', fields });
});
afterAll(() => t.close());

describe('the change feed', () => {
  let cursor = '0';

  it('lists loaded records in order, masked by their grading', async () => {
    await load('公民身份号码,姓名,年收入,诊断\nA1,张三,100,高血压\nA2,李四,200,\nA3,王五,300,糖尿病\n');
    const res = await changes('');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.hasMore).toBe(false);
    expect(page.items.map((c: { op: string; key: unknown }) => [c.op, c.key])).toEqual([
      ['upsert', { id_number: 'A1' }],
      ['upsert', { id_number: 'A2' }],
      ['upsert', { id_number: 'A3' }],
    ]);
    const first = page.items[0].record;
    expect(first).toMatchObject({ id_number: 'A1', name: '张三', income: 100 });
    // L4 never leaves in clear, not even to its owner: a keyed hash keeps it joinable.
    expect(first.diagnosis).toMatch(/^[0-9a-f]{16,}$/);
    expect(page.items[1].record.diagnosis).toBeNull();
    cursor = page.cursor;
    expect(cursor).toBe(page.items[2].seq);
  });

  it('reports only real changes after the cursor, and deletions of a full replace', async () => {
    // The same values again (in another file) move nothing; one changed income does.
    await load('公民身份号码,姓名,年收入,诊断\nA1,张三,100,高血压\nA2,李四,250,\n');
    const after = (await changes(`?cursor=${cursor}`)).json();
    expect(after.items.map((c: { op: string; key: unknown }) => [c.op, c.key])).toEqual([
      ['upsert', { id_number: 'A2' }],
    ]);
    expect(after.items[0].record.income).toBe(250);
    cursor = after.cursor;
    await load('公民身份号码,姓名,年收入,诊断\nA1,张三,100,高血压\nA2,李四,250,\n', 'replace');
    const deleted = (await changes(`?cursor=${cursor}`)).json();
    expect(deleted.items).toEqual([
      expect.objectContaining({ op: 'delete', key: { id_number: 'A3' }, record: null }),
    ]);
    // Nothing left: the cursor stays where it was, so a consumer can keep polling.
    const idle = (await changes(`?cursor=${deleted.cursor}`)).json();
    expect(idle).toEqual({ items: [], cursor: deleted.cursor, hasMore: false });
  });

  it('pages with limit and cursor', async () => {
    const one = (await changes('?limit=1')).json();
    expect(one.items).toHaveLength(1);
    expect(one.hasMore).toBe(true);
    const rest = (await changes(`?cursor=${one.cursor}&limit=1000`)).json();
    expect(rest.items[0].seq).not.toBe(one.items[0].seq);
    expect(BigInt(rest.items[0].seq)).toBeGreaterThan(BigInt(one.cursor));
  });

  it('is for the owner organisation only, and every page with personal data is in the ledger', async () => {
    expect((await changes('', viewer)).statusCode).toBe(403);
    expect((await changes('', admin)).statusCode).toBe(200);
    const bad = await changes('?cursor=abc');
    expect(bad.statusCode).toBe(400);
    const missing = await t.app.inject({
      url: '/api/v1/datastore/datasets/00000000-0000-7000-8000-000000000000/changes',
      headers: { cookie: officer },
    });
    expect(missing.statusCode).toBe(404);
    await t.services.ledger.drain();
    const entries = await sql<{ body: Uint8Array }>`select body from ledger.entry order by idx`.execute(
      t.services.db,
    );
    const reads = entries.rows
      .map((r) => JSON.parse(Buffer.from(r.body).toString()))
      .filter((e) => e.action === 'datastore.changes_read');
    expect(reads.length).toBeGreaterThanOrEqual(4);
    expect(reads[0].dataset).toBe('GA-FEED-01');
    expect([...reads[0].fields].sort()).toEqual(['diagnosis', 'id_number', 'name']);
    expect(reads[0].subjects).toHaveLength(3);
    expect(JSON.stringify(reads)).not.toContain('A1');
  });

  it('masks every personal field of a dataset graded L4 as L4, whatever the field says', async () => {
    const core = await publishDataset(
      t,
      { officer, admin },
      { code: 'GA-FEED-L4', name: '核心数据订阅测试', level: 'L4', fields },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/ingest/datasets/${core}/imports?mode=upsert&filename=core.csv`,
      headers: { cookie: officer, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('公民身份号码,姓名,年收入,诊断\nB1,赵六,400,\n'),
    });
    expect(res.statusCode).toBe(202);
    await t.services.ingest.run(res.json().id, async () => {});
    const from = await t.services.ledger.sizeNow();
    const page = (
      await t.app.inject({ url: `/api/v1/datastore/datasets/${core}/changes`, headers: { cookie: officer } })
    ).json();
    const { key, record } = page.items[0];
    // 姓名 is graded low and the key medium, but the dataset is core data: both leave as keyed hashes.
    expect(record.name).toMatch(/^[0-9a-f]{64}$/);
    expect(record.id_number).toMatch(/^[0-9a-f]{64}$/);
    expect(key.id_number).toBe(record.id_number);
    expect(record.income).toBe(400);
    await t.services.ledger.drain();
    const entries = await sql<{
      body: Uint8Array;
    }>`select body from ledger.entry where idx >= ${from}`.execute(t.services.db);
    const read = entries.rows
      .map((r) => JSON.parse(Buffer.from(r.body).toString()))
      .find((e) => e.action === 'datastore.changes_read' && e.dataset === 'GA-FEED-L4');
    expect([...read.fields].sort()).toEqual(['diagnosis', 'id_number', 'name']);
    expect(read.subjects).toHaveLength(1);
  });
});
