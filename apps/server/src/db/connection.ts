import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
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
