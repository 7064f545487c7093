import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';

/**
 * A first load of a dataset (its table empty) is built in a table of its own and published whole
 * (ADR 0010): readers never see it half done, the key and indexes are built once at the end, and
 * the result is what the row-by-row path gives.
 */
let t: TestContext;
let officer: string;
let admin: string;
beforeAll(async () => {
  t = await createTestContext();
  [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
});
afterAll(() => t.close());

const fields = [
  { name: 'id_number', title: '公民身份号码', type: 'string', key: true },
  { name: 'name', title: '姓名', type: 'string', indexed: true },
  { name: 'birth_date', title: '出生日期', type: 'date' },
  { name: 'income', title: '年收入', type: 'integer' },
];
const HEADER = '公民身份号码,姓名,出生日期,年收入';
const TUNING = { batchRows: 1000, pieceBytes: 20_000 };

const publish = (code: string) => publishDataset(t, { officer, admin }, { code, name: '批量载入', fields });
async function upload(id: string, lines: string[], mode = 'upsert'): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/ingest/datasets/${id}/imports?mode=${mode}&filename=bulk.csv`,
    headers: { cookie: officer, 'content-type': 'application/octet-stream' },
    payload: Buffer.from([HEADER, ...lines].join('\n')),
  });
  expect(res.statusCode).toBe(202);
  return res.json().id;
}
const run = (importId: string, progress: () => Promise<void> = async () => {}, lastAttempt = false) =>
  t.services.ingest.run(importId, progress, TUNING, lastAttempt);
/** Runs an import whose worker dies after its first commit. */
async function crashAfterFirstCommit(importId: string, lastAttempt = false): Promise<void> {
  await expect(
    run(
      importId,
      async () => {
        throw new Error('worker killed');
      },
      lastAttempt,
    ),
  ).rejects.toThrow('worker killed');
}
const rowsOf = async (code: string) =>
  (
    await sql<{ id_number: string; name: string; birth_date: string | null; income: number | null }>`
      select id_number, name, birth_date::text, income::int from ${sql.raw(`data."${code}"`)} order by id_number`.execute(
      t.services.db,
    )
  ).rows;
const indexesOf = async (code: string) =>
  (
    await sql<{ name: string }>`select indexname as name from pg_indexes
      where schemaname = 'data' and tablename = ${code} order by indexname`.execute(t.services.db)
  ).rows.map((r) => r.name);
const loadTable = async (importId: string) =>
  (
    await sql<{ t: string | null }>`select to_regclass(${`data_load."${importId}"`})::text as t`.execute(
      t.services.db,
    )
  ).rows[0]?.t ?? null;

/** 2,000 persons; every 400th has a non-canonical date the coercion reads, every 500th a bad income. */
const persons = (from = 0, n = 2000, name = '人') =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const date = i % 400 === 0 ? '1990年1月2日' : i % 7 === 0 ? '2000-02-29' : '1985-12-31';
    return `ID${String(i).padStart(6, '0')},${name}${i},${date},${i % 500 === 1 ? 'bad' : i}`;
  });

describe('a first load of a dataset', () => {
  it('is built apart, invisible until it is whole, then has its key and indexes', async () => {
    const id = await publish('BULK-FIRST');
    const before = await indexesOf('BULK-FIRST');
    const importId = await upload(id, persons());
    await crashAfterFirstCommit(importId);
    // Part of the file is loaded, but only into the load table: readers still see an empty dataset.
    expect(await loadTable(importId)).not.toBeNull();
    expect(await rowsOf('BULK-FIRST')).toEqual([]);

    const r = await run(importId);
    expect(r).toEqual({ read: 2000, loaded: 1996, rejected: 4 });
    const rows = await rowsOf('BULK-FIRST');
    expect(rows).toHaveLength(1996);
    expect(rows[0]).toEqual({ id_number: 'ID000000', name: '人0', birth_date: '1990-01-02', income: 0 });
    expect(rows.find((x) => x.id_number === 'ID000007')?.birth_date).toBe('2000-02-29');
    expect(await loadTable(importId)).toBeNull();
    // The same key, change-feed and filter indexes as the table had before it was replaced.
    expect(await indexesOf('BULK-FIRST')).toEqual(before);
    expect(before).toEqual(expect.arrayContaining(['BULK-FIRST:seq', 'BULK-FIRST_pkey']));
    expect(before.some((n) => n.startsWith('BULK-FIRST:f:'))).toBe(true);
    const dup = await t.services.db
      .insertInto('data.BULK-FIRST' as never)
      .values({ id_number: 'ID000000', name: 'x' } as never)
      .execute()
      .catch((e: { code?: string }) => e.code);
    expect(dup).toBe('23505');
  });

  it('keeps the later row of a key, within a piece and across pieces, as the row path does', async () => {
    const lines = persons();
    lines.splice(10, 0, 'ID001500,先来的,1970-01-01,1');
    lines.push('ID000003,后来的,1971-01-01,2', 'ID000003,最后的,1972-01-01,3');
    const bulkId = await upload(await publish('BULK-DUP'), lines);
    const bulk = await run(bulkId);
    // The same file into a dataset that already has a row goes row by row.
    const rowPathId = await publish('BULK-DUP-ROW');
    await run(await upload(rowPathId, ['ZZ999999,已有,1960-01-01,0']));
    const rowPath = await run(await upload(rowPathId, lines));
    expect(bulk).toEqual(rowPath);
    expect(bulk).toEqual({ read: 2003, loaded: 1999, rejected: 4 });
    const rows = await rowsOf('BULK-DUP');
    expect((await rowsOf('BULK-DUP-ROW')).filter((x) => x.id_number !== 'ZZ999999')).toEqual(rows);
    expect(rows.find((x) => x.id_number === 'ID000003')?.name).toBe('最后的');
    expect(rows.find((x) => x.id_number === 'ID001500')?.name).toBe('人1500');
  });

  it('is merged into the table when another load filled it meanwhile; the later commit wins', async () => {
    const id = await publish('BULK-RACE');
    const first = await upload(id, persons(0, 2000, '甲'));
    await crashAfterFirstCommit(first);
    // Another import of the dataset runs to its end while the first one is down.
    const second = await upload(id, persons(1500, 1000, '乙'));
    expect(await run(second)).toMatchObject({ read: 1000 });
    expect(await rowsOf('BULK-RACE')).toHaveLength(998);

    expect(await run(first)).toEqual({ read: 2000, loaded: 1996, rejected: 4 });
    const rows = await rowsOf('BULK-RACE');
    // 0…1999 from the first (some rejected), 2000…2499 from the second.
    const ids = new Set(rows.map((x) => x.id_number));
    expect(ids.has('ID002499')).toBe(true);
    expect(rows.find((x) => x.id_number === 'ID001600')?.name).toBe('甲1600');
    expect(rows.find((x) => x.id_number === 'ID002100')?.name).toBe('乙2100');
    expect(await loadTable(first)).toBeNull();
    expect(await indexesOf('BULK-RACE')).toEqual(expect.arrayContaining(['BULK-RACE:seq', 'BULK-RACE_pkey']));
  });
  it('publishes what it loaded when its last attempt fails, as its counts say', async () => {
    const id = await publish('BULK-LAST');
    const importId = await upload(id, persons());
    await crashAfterFirstCommit(importId, true);
    const imp = (
      await t.app.inject({ url: `/api/v1/ingest/imports/${importId}`, headers: { cookie: officer } })
    ).json();
    expect(imp.status).toBe('failed');
    expect(imp.rowsLoaded).toBeGreaterThan(0);
    expect(await rowsOf('BULK-LAST')).toHaveLength(imp.rowsLoaded);
    expect(await loadTable(importId)).toBeNull();
    expect(await indexesOf('BULK-LAST')).toEqual(expect.arrayContaining(['BULK-LAST_pkey']));
  });

  // Two transactions at once need a server: PGlite runs one statement at a time.
  it.runIf(process.env.DATABASE_URL)(
    'is published whole when the dataset was emptied while it waited for its turn',
    async () => {
      const id = await publish('BULK-EMPTIED');
      const first = await upload(id, [...persons(0, 2000, '甲'), ...persons(10, 5, '后')]);
      await crashAfterFirstCommit(first);
      // Another import fills the dataset, so the first finds rows there when it comes to publish…
      expect(await run(await upload(id, persons(5000, 5, '乙')))).toMatchObject({ read: 5 });
      const db = t.services.db;
      let resumed: Promise<unknown> = Promise.resolve();
      await db.transaction().execute(async (trx) => {
        // …and a writer empties it while the first waits for its turn to publish.
        await sql`select pg_advisory_xact_lock(hashtext(${'ingest:BULK-EMPTIED'}))`.execute(trx);
        await sql`delete from data."BULK-EMPTIED"`.execute(trx);
        resumed = run(first);
        for (let waiting = false; !waiting; ) {
          await new Promise((r) => setTimeout(r, 20));
          const w = await sql`select 1 from pg_locks where locktype = 'advisory' and not granted`.execute(db);
          waiting = w.rows.length > 0;
        }
      });
      expect(await resumed).toEqual({ read: 2005, loaded: 2001, rejected: 4 });
      const rows = await rowsOf('BULK-EMPTIED');
      expect(rows).toHaveLength(1996);
      expect(rows.find((x) => x.id_number === 'ID000012')?.name).toBe('后12');
      expect(rows.some((x) => x.name.startsWith('乙'))).toBe(false);
      expect(await loadTable(first)).toBeNull();
      expect(await indexesOf('BULK-EMPTIED')).toEqual(
        expect.arrayContaining(['BULK-EMPTIED:seq', 'BULK-EMPTIED_pkey']),
      );
    },
  );
});
