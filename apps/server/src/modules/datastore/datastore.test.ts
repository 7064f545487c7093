import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { countRows, tableOf } from './index.ts';

let t: TestContext;
let officer: string;
let admin: string;
beforeAll(async () => {
  t = await createTestContext();
  [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
});
afterAll(() => t.close());

const fields = [
  { name: 'plate', title: '号牌号码', type: 'string', key: true },
  { name: 'seats', title: '座位数', type: 'integer' },
  { name: 'owner_name', title: '所有人', type: 'string' },
  { name: 'registered', title: '登记日期', type: 'date' },
];

const publish = (code: string) =>
  publishDataset(t, { officer, admin }, { code, name: '机动车登记信息', theme: 'transport', fields });

const columns = async (code: string) =>
  (
    await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns
      where table_schema = 'data' and table_name = ${code} order by ordinal_position`.execute(t.services.db)
  ).rows;

describe('data tables of published datasets', () => {
  it('creates a typed table keyed by the key fields at publication', async () => {
    await publish('GA-CAR-01');
    expect(await columns('GA-CAR-01')).toEqual([
      { column_name: 'plate', data_type: 'text' },
      { column_name: 'seats', data_type: 'bigint' },
      { column_name: 'owner_name', data_type: 'text' },
      { column_name: 'registered', data_type: 'date' },
      { column_name: '_valid_from', data_type: 'timestamp with time zone' },
      { column_name: '_loaded_at', data_type: 'timestamp with time zone' },
      { column_name: '_import_id', data_type: 'uuid' },
      { column_name: '_seq', data_type: 'bigint' },
    ]);
    await sql
      .raw(`insert into ${tableOf('GA-CAR-01')} (plate, seats) values ('浙A12345', 5)`)
      .execute(t.services.db);
    await expect(
      sql
        .raw(`insert into ${tableOf('GA-CAR-01')} (plate, seats) values ('浙A12345', 7)`)
        .execute(t.services.db),
    ).rejects.toThrow();
  });

  it('migrates the table when the published field list changes, keeping every row', async () => {
    const id = await publish('GA-CAR-02');
    await sql
      .raw(
        `insert into ${tableOf('GA-CAR-02')} (plate, seats, owner_name) values ('浙A00001', 5, '王某'), ('浙A00002', 7, '李某')`,
      )
      .execute(t.services.db);
    const next = [
      { name: 'plate', title: '号牌号码', type: 'string', key: true },
      { name: 'seats', title: '座位数', type: 'decimal' },
      { name: 'registered', title: '登记日期', type: 'date' },
      { name: 'colour', title: '车身颜色', type: 'string' },
    ];
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/catalog/datasets/${id}`,
      headers: { cookie: officer },
      payload: { fields: next },
    });
    expect(res.statusCode).toBe(200);
    const cols = (await columns('GA-CAR-02')).map((c) => `${c.column_name}:${c.data_type}`);
    expect(cols).toEqual(
      expect.arrayContaining(['plate:text', 'seats:numeric', 'registered:date', 'colour:text']),
    );
    expect(cols.some((c) => c.startsWith('owner_name'))).toBe(false);
    expect(await countRows(t.services.db, 'GA-CAR-02')).toBe(2);
    const seats = await sql<{
      seats: string;
    }>`select seats::text from data."GA-CAR-02" order by plate`.execute(t.services.db);
    expect(seats.rows.map((r) => r.seats)).toEqual(['5', '7']);
  });

  it('refuses a change the existing data cannot take, and changes nothing', async () => {
    const id = await publish('GA-CAR-03');
    await sql
      .raw(`insert into ${tableOf('GA-CAR-03')} (plate, owner_name) values ('浙A00003', '张某')`)
      .execute(t.services.db);
    const before = (
      await t.app.inject({ url: `/api/v1/catalog/datasets/${id}`, headers: { cookie: officer } })
    ).json();
    const next = fields.map((f) => (f.name === 'owner_name' ? { ...f, type: 'integer' } : f));
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/catalog/datasets/${id}`,
      headers: { cookie: officer, 'accept-language': 'en' },
      payload: { fields: next },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('schema_change_failed');
    const after = (
      await t.app.inject({ url: `/api/v1/catalog/datasets/${id}`, headers: { cookie: officer } })
    ).json();
    expect(after.version).toBe(before.version);
    expect(after.fields).toEqual(before.fields);
    expect((await columns('GA-CAR-03')).find((c) => c.column_name === 'owner_name')?.data_type).toBe('text');
    expect(await countRows(t.services.db, 'GA-CAR-03')).toBe(1);
  });

  it('keeps an index on (field, _seq) for each field marked 筛选索引, following the field list', async () => {
    const indexedOf = async (code: string) =>
      (
        await sql<{ def: string }>`
          select indexdef as def from pg_indexes
          where schemaname = 'data' and tablename = ${code} and indexname like ${`${code}:f:%`}
          order by indexdef`.execute(t.services.db)
      ).rows.map((r) => r.def.replace(/^.*USING btree /, ''));
    const id = await publishDataset(
      t,
      { officer, admin },
      {
        code: 'GA-CAR-04',
        name: '机动车登记信息',
        theme: 'transport',
        fields: fields.map((f) => (f.name === 'seats' ? { ...f, indexed: true } : f)),
      },
    );
    expect(await indexedOf('GA-CAR-04')).toEqual(['(seats, _seq)']);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/catalog/datasets/${id}`,
      headers: { cookie: officer },
      payload: { fields: fields.map((f) => (f.name === 'registered' ? { ...f, indexed: true } : f)) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().fields.find((f: { name: string }) => f.name === 'registered').indexed).toBe(true);
    expect(await indexedOf('GA-CAR-04')).toEqual(['(registered, _seq)']);
  });
});
