import type { DatasetField } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../platform/errors.ts';
import { columnExpr, ident, tableOf } from '../datastore/index.ts';
import { ROWS_MAX } from './open.datastore.ts';
import { openFields, resourceIdOf, slugOf } from './open.names.ts';
import type { OpenDatasetRow } from './open.repo.ts';
import { checkStatement, withoutTrailingSemicolon } from './open.sql-check.ts';

export const SQL_TIMEOUT_MS = 10_000;

type PlanNode = { 'Relation Name'?: string; Schema?: string; Plans?: PlanNode[] };

function relations(node: PlanNode, out: { schema: string; name: string }[] = []) {
  if (node['Relation Name']) out.push({ schema: node.Schema ?? '', name: node['Relation Name'] });
  for (const p of node.Plans ?? []) relations(p, out);
  return out;
}

/** CKAN's `fields` of a SQL answer, from the values (the driver does not hand out column types). */
function inferFields(rows: Record<string, unknown>[]) {
  const names = rows[0] ? Object.keys(rows[0]) : [];
  return names.map((id) => {
    const values = rows.map((r) => r[id]).filter((v) => v !== null && v !== undefined);
    let type = 'text';
    if (values.length > 0 && values.every((v) => typeof v === 'boolean')) type = 'bool';
    else if (values.length > 0 && values.every((v) => typeof v === 'number'))
      type = values.every((v) => Number.isInteger(v)) ? 'int' : 'numeric';
    return { id, type };
  });
}

/**
 * datastore_search_sql: one SELECT over open resources, named by their resource id or CKAN name in
 * double quotes. Each name becomes a CTE over the dataset's open columns; the statement runs inside
 * a subquery in a READ ONLY transaction with a statement timeout, after its plan shows that it reads
 * no table but those CTEs' tables.
 */
export async function searchSql(
  db: Db,
  statement: string,
  open: OpenDatasetRow[],
  /** Throws for a dataset whose rows may not leave now (privacy's release gate). */
  release: (d: OpenDatasetRow) => Promise<void>,
) {
  const schemas = new Set(
    (await sql<{ n: string }>`select nspname as n from pg_namespace`.execute(db)).rows.map((r) => r.n),
  );
  const { quoted } = checkStatement(statement, schemas);
  const byName = new Map<string, OpenDatasetRow>();
  for (const d of open) {
    byName.set(resourceIdOf(d.id), d);
    byName.set(slugOf(d.code), d);
  }
  const used = [...quoted].flatMap((q) => {
    const d = byName.get(q);
    return d ? [{ name: q, d }] : [];
  });
  if (used.length === 0)
    throw new AppError('open_sql_forbidden', { reason: 'the statement names no open resource' });
  for (const u of used) await release(u.d);
  const ctes = used.map(
    ({ name, d }) =>
      `${ident(name)} as (select ${openFields(d.fields as DatasetField[])
        .map(columnExpr)
        .join(', ')} from ${tableOf(d.code)})`,
  );
  const wrapped = `with ${ctes.join(', ')} select * from (\n${withoutTrailingSemicolon(statement)}\n) as _ckan_q limit ${ROWS_MAX + 1}`;
  const allowed = new Set(used.map((u) => u.d.code));
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      await sql.raw(`set local statement_timeout = ${SQL_TIMEOUT_MS}`).execute(trx);
      const plan = await sql<{
        'QUERY PLAN': unknown;
      }>`explain (verbose, format json) ${sql.raw(wrapped)}`.execute(trx);
      const raw = plan.rows[0]?.['QUERY PLAN'];
      const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
      for (const r of relations(doc[0]?.Plan ?? {}))
        if (r.schema !== 'data' || !allowed.has(r.name))
          throw new AppError('open_sql_forbidden', { reason: `the statement reads ${r.schema}.${r.name}` });
      const rows = (await sql<Record<string, unknown>>`${sql.raw(wrapped)}`.execute(trx)).rows;
      const truncated = rows.length > ROWS_MAX;
      const records = rows.slice(0, ROWS_MAX);
      return { used: used.map((u) => u.d), records, fields: inferFields(records), truncated };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    const msg = (e as Error).message ?? '';
    if (/statement timeout/i.test(msg))
      throw new AppError('open_sql_invalid', { reason: `query took longer than ${SQL_TIMEOUT_MS} ms` });
    throw new AppError('open_sql_invalid', { reason: msg.slice(0, 300) });
  }
}
