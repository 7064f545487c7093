import type { DatasetField } from '@shuzhi/contracts';
import { CompiledQuery, type RawBuilder, sql } from 'kysely';
import { type Db, keepPrepared } from '../../db/connection.ts';
import { ident, selectList, tableOf } from '../datastore/index.ts';

export type Row = Record<string, unknown>;
/** What a grant limits rows to: the area field's value starts with the area code. */
export type Area = { field: string; code: string } | null;

const UNDEFINED_TABLE = '42P01';
/** Counting matches stops here: a total beyond it is reported as this many ("at least"). */
export const COUNT_CAP = 100_000;

const areaCond = (area: Area) =>
  area ? sql<boolean>`starts_with(${sql.raw(ident(area.field))}, ${area.code})` : sql<boolean>`true`;
const keyCond = (keys: DatasetField[], values: unknown[]) =>
  sql.join(
    keys.map((k, i) => sql`${sql.raw(ident(k.name))} = ${values[i]}`),
    sql` and `,
  );

/** A dataset never loaded has no table yet: it holds no rows. */
async function orEmpty<T>(run: () => Promise<T>, empty: T): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if ((err as { code?: string }).code === UNDEFINED_TABLE) return empty;
    throw err;
  }
}

/**
 * One record by key, read only while the grant is still active (revoking an app revokes its grants):
 * the check is an uncorrelated condition of the same statement, evaluated once and cheap to plan, so a
 * revocation takes effect on the very next call without another round trip. No row means revoked, or
 * no such record. The statement is built once per grant and dataset entry; each call only binds the
 * key and the grant (its parameters come in that order: key values, area code, grant).
 */
export function lookupStatement(
  db: Db,
  q: { code: string; fields: DatasetField[]; keys: DatasetField[]; area: Area },
): (key: unknown[], grantId: string) => Promise<Row | null> {
  const text = sql<Row>`select ${selectList(q.fields)} from ${sql.raw(tableOf(q.code))}
      where ${keyCond(
        q.keys,
        q.keys.map(() => null),
      )} and ${areaCond(q.area)}
        and (select status from sharing.grant where id = ${null}) = 'active'
      limit 1`.compile(db).sql;
  keepPrepared(text);
  return (key, grantId) =>
    orEmpty(async () => {
      const params = [...key, ...(q.area ? [q.area.code] : []), grantId];
      const res = await db.executeQuery<Row>(CompiledQuery.raw(text, params));
      return res.rows[0] ?? null;
    }, null);
}

/** Whether a key exists at all, ignoring the grant's area: tells "outside your area" from "no such record". */
export async function keyExists(
  db: Db,
  code: string,
  keys: DatasetField[],
  key: unknown[],
): Promise<boolean> {
  const table = sql.raw(tableOf(code));
  return orEmpty(async () => {
    const res = await sql<{ n: number }>`select count(*)::int as n from (select 1 from ${table}
      where ${keyCond(keys, key)} limit 1) x`.execute(db);
    return (res.rows[0]?.n ?? 0) > 0;
  }, false);
}

/** Records for many keys at once (within the area), with their key values to match them up. */
export async function batchRows(
  db: Db,
  q: { code: string; fields: DatasetField[]; keys: DatasetField[]; list: unknown[][]; area: Area },
): Promise<Row[]> {
  const table = sql.raw(tableOf(q.code));
  const cols = sql.join(q.keys.map((k) => sql.raw(ident(k.name))));
  const tuples = sql.join(q.list.map((vals) => sql`(${sql.join(vals)})`));
  const extra = q.keys.filter((k) => !q.fields.includes(k));
  return orEmpty(async () => {
    const res = await sql<Row>`select ${selectList([...q.fields, ...extra])} from ${table}
      where (${cols}) in (${tuples}) and ${areaCond(q.area)}`.execute(db);
    return res.rows;
  }, []);
}

/** A page of records in load order within the area, and how many match (up to COUNT_CAP). */
export async function listRows(
  db: Db,
  q: {
    code: string;
    fields: DatasetField[];
    where: RawBuilder<boolean>[];
    area: Area;
    limit: number;
    offset: number;
  },
): Promise<{ rows: Row[]; total: number }> {
  const table = sql.raw(tableOf(q.code));
  const cond = sql.join([...q.where, areaCond(q.area)], sql` and `);
  return orEmpty(
    async () => {
      const rows = await sql<Row>`select ${selectList(q.fields)} from ${table} where ${cond}
        order by _seq limit ${q.limit} offset ${q.offset}`.execute(db);
      const n = await sql<{ n: number }>`select count(*)::int as n from
        (select 1 from ${table} where ${cond} limit ${COUNT_CAP}) x`.execute(db);
      return { rows: rows.rows, total: n.rows[0]?.n ?? 0 };
    },
    { rows: [], total: 0 },
  );
}

/** Per field, whether the record holds exactly the value given; nothing of the record itself. */
export async function verifyRow(
  db: Db,
  q: { code: string; keys: DatasetField[]; key: unknown[]; values: [DatasetField, unknown][]; area: Area },
): Promise<Record<string, boolean> | null> {
  const table = sql.raw(tableOf(q.code));
  const checks = sql.join(
    q.values.map(
      ([f, v], i) => sql`(${sql.raw(ident(f.name))} is not distinct from ${v}) as ${sql.raw(`m${i}`)}`,
    ),
  );
  return orEmpty(async () => {
    const res = await sql<Record<string, boolean>>`select ${checks} from ${table}
      where ${keyCond(q.keys, q.key)} and ${areaCond(q.area)} limit 1`.execute(db);
    const r = res.rows[0];
    if (!r) return null;
    return Object.fromEntries(q.values.map(([f], i) => [f.name, r[`m${i}`] === true]));
  }, null);
}
