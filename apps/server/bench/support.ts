import pg from 'pg';

/**
 * With DATABASE_URL set, a benchmark works in a database of its own on that server, dropped by
 * `drop()`; without, it runs on the embedded PGlite (databaseUrl undefined).
 */
export async function benchDatabase(
  name: string,
): Promise<{ databaseUrl: string | undefined; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { databaseUrl: undefined, drop: async () => {} };
  const db = `shuzhi_bench_${name}_${process.pid}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  await admin(`create database ${db}`);
  const u = new URL(serverUrl);
  u.pathname = `/${db}`;
  return { databaseUrl: u.toString(), drop: () => admin(`drop database if exists ${db} with (force)`) };
}
