import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, keepPrepared, openDatabase } from './connection.ts';

// A database of this test's own on the local server (as the PostgreSQL source tests do).
const serverOf = (url: string) => {
  const u = new URL(url);
  return `${u.protocol}//${u.username ? `${u.username}${u.password ? `:${u.password}` : ''}@` : ''}${u.host}`;
};
const SERVER = serverOf(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const dbName = `shuzhi_prep_${process.pid}`;

async function onServer(statement: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres`, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query(statement);
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}
const available = await onServer('select 1');

const run = (h: DatabaseHandle, text: string, params: unknown[]) =>
  h.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params));

describe.skipIf(!available)('statements kept prepared on a PostgreSQL server', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    await onServer(`create database ${dbName}`);
    // One connection, so that every statement below meets the same server session.
    h = await openDatabase({ kind: 'postgres', url: `${SERVER}/${dbName}`, poolSize: 1 });
    await h.db.executeQuery(CompiledQuery.raw('create table t (id int primary key, v int)'));
    await h.db.executeQuery(CompiledQuery.raw('insert into t values (1, 10), (2, 20)'));
  });
  afterAll(async () => {
    await h?.close();
    await onServer(`drop database if exists ${dbName} with (force)`);
  });

  const preparedTexts = async () =>
    (await run(h, 'select statement from pg_prepared_statements', [])).rows.map((r) => r.statement);

  it('prepares a registered text once per connection and runs it with each call’s parameters', async () => {
    const text = 'select v from t where id = $1';
    keepPrepared(text);
    expect((await run(h, text, [1])).rows).toEqual([{ v: 10 }]);
    expect((await run(h, text, [2])).rows).toEqual([{ v: 20 }]);
    expect(await preparedTexts()).toEqual([text]);
    // Other texts run unprepared.
    expect((await run(h, 'select v + 1 as w from t where id = $1', [1])).rows).toEqual([{ w: 11 }]);
    expect(await preparedTexts()).toEqual([text]);
  });

  it('runs a statement whose result type changed under it (a schema migration) unprepared instead of failing', async () => {
    const text = 'select * from t where id = $1';
    keepPrepared(text);
    expect((await run(h, text, [1])).rows).toEqual([{ id: 1, v: 10 }]);
    await h.db.executeQuery(CompiledQuery.raw('alter table t alter column v type text'));
    expect((await run(h, text, [1])).rows).toEqual([{ id: 1, v: '10' }]);
    expect((await run(h, text, [2])).rows).toEqual([{ id: 2, v: '20' }]);
  });
});

describe('statements kept prepared on the embedded database', () => {
  it('runs registered texts as any other (PGlite has no round trip to save)', async () => {
    const h = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      const text = 'select $1::int + 1 as n';
      keepPrepared(text);
      expect((await run(h, text, [41])).rows).toEqual([{ n: 42 }]);
      expect((await run(h, text, [1])).rows).toEqual([{ n: 2 }]);
    } finally {
      await h.close();
    }
  });
});
