import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../../testing/harness.ts';
import { createWorker } from '../../jobs/index.ts';

/*
 * A real PostgreSQL server as the source. @electric-sql/pglite-socket would serve PGlite on a
 * loopback port with nothing installed, but its releases pin @electric-sql/pglite to an older exact
 * version than ours (0.5.17), so the local server is used, in a database of this test's own.
 */
const SERVER = 'postgres://postgres@127.0.0.1:5432';
const dbName = `shuzhi_src_${process.pid}`;

async function serverReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres`, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}
const available = await serverReachable();
if (!available) {
  console.warn(
    `PostgreSQL pull tests skipped: no PostgreSQL server answers at ${SERVER} (trust auth expected)`,
  );
}

async function onServer(db: string, statements: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: `${SERVER}/${db}` });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}

let t: TestContext;
let officer: string;
let admin: string;
let datasetId: string;
let closedPort: number;
const conn = (db = dbName, user = 'postgres') => `postgres://${user}:Secr3t%21pw@127.0.0.1:5432/${db}`;

const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/api/v1/ingest/datasets/${datasetId}/sources${url}`,
    headers: { cookie: officer, 'accept-language': 'en' },
    ...(payload ? { payload } : {}),
  });
const create = async (name: string, config: object, more: object = {}) => {
  const res = await api('POST', '', { name, config: { kind: 'postgres', ...config }, ...more });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; config: { connectionString: string } };
};
const run = async (id: string) => {
  expect((await api('POST', `/${id}/run`)).statusCode).toBe(202);
  const w = createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
  while (await w.runOnce()) {}
  return (await api('GET', `/${id}`)).json();
};
const importOf = async (importId: string) =>
  (await t.app.inject({ url: `/api/v1/ingest/imports/${importId}`, headers: { cookie: officer } })).json();
const countIn = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from data."GA-PGPULL-01"`.execute(t.services.db))
    .rows[0]?.n;

describe.skipIf(!available)('pulling a PostgreSQL source', () => {
  beforeAll(async () => {
    await onServer('postgres', [
      `drop database if exists ${dbName} with (force)`,
      `create database ${dbName}`,
    ]);
    await onServer(dbName, [
      `create table person (id_number text primary key, name text, income int, updated_at timestamptz not null)`,
      `insert into person select 'P' || lpad(g::text, 5, '0'), '人' || g, g * 10,
         timestamptz '2026-01-01 00:00:00+08' + g * interval '1 minute' from generate_series(1, 2500) g`,
      'create schema "户籍"',
      'create table "户籍"."常住人口" (公民身份号码 text, 姓名 text)',
      `insert into "户籍"."常住人口" values ('H1', '户一'), ('H2', '户二')`,
      'create sequence tick',
    ]);
    t = await createTestContext({ SHUZHI_PULL_ALLOWED_HOSTS: '127.0.0.1' });
    [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
    datasetId = await publishDataset(
      t,
      { officer, admin },
      {
        code: 'GA-PGPULL-01',
        name: '数据库拉取',
        fields: [
          { name: 'id_number', title: '公民身份号码', type: 'string', key: true },
          { name: 'name', title: '姓名', type: 'string' },
          { name: 'income', title: '年收入', type: 'integer' },
          { name: 'updated_at', title: '更新时间', type: 'datetime' },
        ],
      },
    );
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    closedPort = (spare.address() as AddressInfo).port;
    await new Promise((resolve) => spare.close(resolve));
  });
  afterAll(async () => {
    await t?.close();
    await onServer('postgres', [`drop database if exists ${dbName} with (force)`]);
  });

  it('streams a whole table through a cursor, and never shows or stores the password in clear', async () => {
    const src = await create('person', { connectionString: conn(), table: 'public.person' });
    expect(src.config.connectionString).toBe(`postgres://postgres:****@127.0.0.1:5432/${dbName}`);
    const stored = await sql`select secret, config from ingest.source where id = ${src.id}`.execute(
      t.services.db,
    );
    expect(JSON.stringify(stored.rows)).not.toContain('Secr3t');
    const after = await run(src.id);
    expect(after.lastRun).toMatchObject({ status: 'succeeded', records: 2500, error: null });
    expect(await importOf(after.lastRun.importId)).toMatchObject({
      status: 'succeeded',
      fileName: 'pull:person',
      rowsRead: 2500,
      rowsLoaded: 2500,
      rowsRejected: 0,
    });
    const row = await sql<{
      income: number;
      at: number;
    }>`select income::int, extract(epoch from updated_at)::int as at from data."GA-PGPULL-01" where id_number = 'P00002'`.execute(
      t.services.db,
    );
    expect(row.rows[0]).toEqual({ income: 20, at: Date.parse('2026-01-01T00:02:00+08:00') / 1000 });
    // Quoted names (here Chinese) are taken as written.
    const hj = await create('hj', { connectionString: conn(), table: '户籍.常住人口' }, { mode: 'append' });
    expect(await importOf((await run(hj.id)).lastRun.importId)).toMatchObject({ rowsRead: 2, rowsLoaded: 2 });
  });

  it('pulls a query incrementally: rows past the watermark only, which moves after a successful import', async () => {
    const src = await create(
      'changes',
      {
        connectionString: conn(),
        query: 'select id_number, name, updated_at from person where income >= 0;',
      },
      { watermarkColumn: 'updated_at' },
    );
    const first = await run(src.id);
    expect(first.lastRun).toMatchObject({ status: 'succeeded', records: 2500 });
    const mark = first.watermark as string;
    // As the source server prints it (its own time zone), e.g. `2026-01-02 09:40:00+00`.
    expect(Date.parse(mark.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'))).toBe(
      Date.parse('2026-01-01T00:00:00+08:00') + 2500 * 60_000,
    );
    await onServer(dbName, [
      `insert into person values ('P90001', '新一', 1, timestamptz '2026-02-01 00:00:00+08'),
         ('P90002', '新二', 2, timestamptz '2026-02-02 00:00:00+08')`,
      `update person set name = '改名', updated_at = timestamptz '2026-02-03 00:00:00+08' where id_number = 'P00007'`,
    ]);
    const second = await run(src.id);
    expect(second.lastRun).toMatchObject({ status: 'succeeded', records: 3 });
    expect(await importOf(second.lastRun.importId)).toMatchObject({ rowsRead: 3, rowsLoaded: 3 });
    expect(second.watermark).not.toBe(mark);
    const renamed = await sql<{
      name: string;
    }>`select name from data."GA-PGPULL-01" where id_number = 'P00007'`.execute(t.services.db);
    expect(renamed.rows[0]?.name).toBe('改名');
    const third = await run(src.id);
    expect(third).toMatchObject({
      watermark: second.watermark,
      lastRun: { status: 'succeeded', records: 0, importId: null },
    });
    expect(await countIn()).toBe(2504); // 2500 + the two of 户籍.常住人口 + the two new ones
  });

  it('runs only one read-only SELECT, within the statement timeout', async () => {
    const refused = await api('POST', '', {
      name: 'delete',
      config: { kind: 'postgres', connectionString: conn(), query: 'delete from person' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('source_config_invalid');
    const failing = async (name: string, query: string, timeoutSeconds = 30) => {
      const src = await create(name, { connectionString: conn(), query, timeoutSeconds });
      const after = await run(src.id);
      expect(after.lastRun.status, name).toBe('failed');
      expect(after.lastRun.importId).toBeNull();
      return after.lastRun.error as string;
    };
    expect(await failing('two', 'select 1 as id_number; delete from person')).toMatch(
      /^The query is invalid \(it must be one read-only SELECT\): syntax error at or near ";"/,
    );
    // Even a query written to close the wrapping parenthesis is one statement or nothing.
    expect(await failing('escape', 'select 1) as x; delete from person; select * from (select 1')).toMatch(
      /cannot insert multiple commands into a prepared statement/,
    );
    expect(await failing('writes', "select nextval('tick')::text as id_number")).toMatch(
      /read-only transaction/,
    );
    expect(await failing('missing', 'select * from nobody')).toMatch(/relation "nobody" does not exist/);
    expect(await failing('slow', 'select pg_sleep(5)::text as id_number', 1)).toMatch(/statement timeout/);
    const c = new pg.Client({ connectionString: `${SERVER}/${dbName}` });
    await c.connect();
    const count = await c.query(
      'select count(*)::int as n, (select is_called from tick) as tick from person',
    );
    await c.end();
    expect(count.rows[0]).toEqual({ n: 2502, tick: false }); // the source is as it was: nextval never ran
  });

  it('says when the server cannot be reached or refuses the login', async () => {
    const failing = async (name: string, connectionString: string) => {
      const src = await create(name, { connectionString, table: 'person' });
      const after = await run(src.id);
      expect(after.lastRun.status, name).toBe('failed');
      return after.lastRun.error as string;
    };
    expect(await failing('down', `postgres://postgres:x@127.0.0.1:${closedPort}/${dbName}`)).toMatch(
      /^The source cannot be reached: 127\.0\.0\.1, .*ECONNREFUSED/,
    );
    expect(await failing('no-db', conn(`${dbName}_none`))).toMatch(
      /^The source cannot be reached: 127\.0\.0\.1, .*does not exist/,
    );
    expect(await failing('nobody', conn(dbName, `nobody_${process.pid}`))).toMatch(
      /^The source refused the credentials: 127\.0\.0\.1, .*role "nobody_\d+" does not exist/,
    );
  });
});
