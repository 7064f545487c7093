import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './tables.ts';

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded engine, when there is one (tests clone it). */
  pglite?: PGlite;
  close: () => Promise<void>;
};

// Counts and sizes come back as int8; they stay below 2^53 at any scale we plan for.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Statements hot paths run thousands of times a second (a gateway lookup), kept parsed and planned on
 * each server connection as named prepared statements: on this machine that halves PostgreSQL's work
 * per call (about 100 µs to 35 µs for a lookup with its grant check). Registered by their exact text;
 * any query with that text then runs prepared. Capped, because each connection keeps every statement
 * it has prepared. PGlite has no round trip to save and ignores the registry.
 */
const prepared = new Map<string, string>();
const PREPARED_MAX = 1000;
// Names are never reused: a connection refuses a known name with another text.
let named = 0;
export function keepPrepared(text: string): void {
  if (!prepared.has(text) && prepared.size < PREPARED_MAX) prepared.set(text, `shuzhi_${++named}`);
}

// A column whose type changed under a prepared statement (a dataset's schema migration) makes
// PostgreSQL refuse the cached plan; the statement then runs unprepared from then on.
const PLAN_CHANGED = '0A000';

/**
 * Statements that start with this mark are COPY … FROM STDIN, their one parameter the data to send
 * (see copyIn): Kysely hands every statement to the client's query, which sends these through the
 * COPY protocol on the same connection, inside whatever transaction it is in.
 */
const COPY_IN = '/* shuzhi:copy-in */ ';

/**
 * Sends `data` (rows in the statement's format) by `statement`, a COPY … FROM STDIN, on the
 * connection of `db` (a transaction's, when it is one). A PostgreSQL server only: PGlite has no
 * COPY protocol on this path.
 */
export async function copyIn(db: Db, statement: string, data: Buffer): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(COPY_IN + statement, [data]));
}

async function copying(client: pg.PoolClient, text: string, data: Buffer) {
  const stream = client.query(copyFrom(text));
  stream.end(data);
  await finished(stream);
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}

function preparing(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const asPrepared = async (text: string, values: unknown[]) => {
    try {
      return await query({ name: prepared.get(text), text, values });
    } catch (err) {
      if ((err as { code?: string }).code !== PLAN_CHANGED) throw err;
      prepared.delete(text);
      return query(text, values);
    }
  };
  client.query = ((...args: unknown[]) =>
    typeof args[0] === 'string' && Array.isArray(args[1]) && args.length === 2 && prepared.has(args[0])
      ? asPrepared(args[0], args[1])
      : typeof args[0] === 'string' && args[0].startsWith(COPY_IN) && Array.isArray(args[1])
        ? copying(client, args[0], args[1][0] as Buffer)
        : query(...args)) as typeof client.query;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize: number }
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'pglite-instance'; instance: PGlite };

/** Opens the database: PGlite in a folder (or in memory), or a PostgreSQL server through `pg`. */
export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize });
    pool.on('error', () => {
      // An idle client lost its server; the pool replaces it on next use.
    });
    pool.on('connect', preparing);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let instance: PGlite;
  if (opts.kind === 'pglite-instance') instance = opts.instance;
  else if (opts.dataDir === null) instance = new PGlite();
  else {
    const dir = join(opts.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    instance = new PGlite(dir);
  }
  await instance.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(instance) });
  return { db, kind: 'pglite', pglite: instance, close: () => db.destroy() };
}
