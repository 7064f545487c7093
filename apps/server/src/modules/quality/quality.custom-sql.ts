import type { Dataset } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../platform/errors.ts';
import { tableOf } from '../datastore/index.ts';
import { col, emptyOutcome, keyFields, type Outcome, rowCount, SAMPLE_LIMIT } from './quality.checks.ts';

/**
 * The platform admin's custom checks. The text must be one SELECT (or WITH … SELECT) returning the key
 * columns of the offending rows. It runs in a READ ONLY transaction with a statement timeout, wrapped
 * as a subquery on lines of its own (so a trailing `--` comment cannot swallow the wrapper), and only
 * rows of the dataset's own table come back out: the keys it returns are joined to that table.
 */
export function assertSelectOnly(text: string): void {
  const body = text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/--[^\n]*/g, ' ')
    .trim()
    .replace(/;\s*$/, '');
  if (!/^(select|with)\b/i.test(body))
    throw new AppError('quality_sql_invalid', { reason: 'must start with SELECT or WITH' });
  if (body.includes(';')) throw new AppError('quality_sql_invalid', { reason: 'one statement only (no ;)' });
}

const stripped = (text: string) => text.trim().replace(/;\s*$/, '');

async function readOnly<T>(db: Db, timeoutMs: number, run: (trx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      await sql.raw(`set local statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`).execute(trx);
      return run(trx);
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('quality_sql_invalid', { reason: (e as Error).message.slice(0, 300) });
  }
}

/** The offending keys of the check, as a set the dataset's rows are matched against. */
function offending(ds: Pick<Dataset, 'fields'>, text: string) {
  const keys = keyFields(ds).map((f) => sql.ref(`q.${f.name}`));
  return sql`(select distinct ${sql.join(keys)} from (\n${sql.raw(stripped(text))}\n) q)`;
}

/** Tries the check on the dataset without reading rows: refuses text that is not a valid, key-returning SELECT. */
export async function validateCustomSql(
  db: Db,
  ds: Pick<Dataset, 'code' | 'fields'>,
  text: string,
  timeoutMs: number,
) {
  assertSelectOnly(text);
  await readOnly(db, timeoutMs, async (trx) => {
    await sql`select 1 from ${offending(ds, text)} k limit 0`.execute(trx);
  });
}

export async function runCustomSql(
  db: Db,
  ds: Pick<Dataset, 'code' | 'fields'>,
  text: string,
  timeoutMs: number,
): Promise<Outcome> {
  assertSelectOnly(text);
  const keys = keyFields(ds).map((f) => f.name);
  const table = sql.raw(`${tableOf(ds.code)} t`);
  const match = sql`(${sql.join(keys.map((k) => col(k)))}) in (select * from ${offending(ds, text)} k)`;
  return readOnly(db, timeoutMs, async (trx) => {
    const out: Outcome = { ...emptyOutcome(), checked: await rowCount(trx, ds.code) };
    const n = await sql<{ n: number }>`select count(*)::float8 as n from ${table} where ${match}`.execute(
      trx,
    );
    out.failed = n.rows[0]?.n ?? 0;
    if (out.failed === 0) return out;
    const fields = ds.fields.map((f) => f.name);
    const rows = await sql<Record<string, string | null>>`
      select ${sql.join(fields.map((f) => sql`${col(f)}::text as ${sql.ref(f)}`))} from ${table} where ${match}
      order by ${sql.join(keys.map((k) => col(k)))} limit ${SAMPLE_LIMIT}`.execute(trx);
    out.samples = rows.rows.map((r) => ({
      key: Object.fromEntries(keys.map((k) => [k, r[k] ?? null])),
      values: Object.fromEntries(fields.filter((f) => !keys.includes(f)).map((f) => [f, r[f] ?? null])),
      reason: null,
    }));
    return out;
  });
}
