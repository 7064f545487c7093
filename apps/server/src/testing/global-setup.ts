import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';

/** Drops the per-test databases (and any a killed run left) when tests run against a PostgreSQL server. */
async function dropTestDatabases(url: string): Promise<void> {
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  try {
    const rows = await sql<{ datname: string }>`
      select datname from pg_database where datname like 'shuzhi\\_t\\_%' or datname like 'shuzhi\\_tpl\\_%'`.execute(
      db,
    );
    for (const r of rows.rows) await sql.raw(`drop database if exists ${r.datname} with (force)`).execute(db);
  } finally {
    await db.destroy();
  }
}

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  await dropTestDatabases(url);
  return () => dropTestDatabases(url);
}
