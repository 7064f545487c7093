import type { DatasetField } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { tableOf } from './datastore.ts';

export type FeedRow = {
  seq: string;
  op: 'upsert' | 'delete';
  key: Record<string, unknown>;
  record: Record<string, unknown> | null;
  changedAt: Date;
};

/**
 * A dataset's changes after `after`, oldest first: rows whose values last changed there (see
 * writeBatch: re-delivering the same values does not move a row) and rows removed by a full
 * replace. Imports into a dataset take turns, so a change is never committed behind a cursor
 * already handed out.
 */
export async function readChanges(
  db: Db,
  code: string,
  fields: DatasetField[],
  after: string,
  limit: number,
): Promise<FeedRow[]> {
  const names = fields.map((f) => f.name);
  const keys = fields.filter((f) => f.key).map((f) => f.name);
  const record = sql.join(names.map((n) => sql`${n}::text, t.${sql.id(n)}`));
  const r = await sql<{
    seq: string;
    op: 'upsert' | 'delete';
    record: Record<string, unknown> | null;
    key: unknown[] | null;
    at: Date;
  }>`
    select * from (
      (select t._seq::text as seq, 'upsert' as op, jsonb_build_object(${record}) as record,
              null::jsonb as key, t._loaded_at as at
       from ${sql.raw(tableOf(code))} t where t._seq > ${after}::bigint order by t._seq limit ${limit})
      union all
      (select seq::text, 'delete', null, key, deleted_at from datastore.tombstone
       where dataset_code = ${code} and seq > ${after}::bigint order by seq limit ${limit})
    ) c order by seq::bigint limit ${limit}`.execute(db);
  return r.rows.map((x) => {
    const key: Record<string, unknown> = {};
    keys.forEach((k, i) => {
      key[k] = x.record ? x.record[k] : (x.key?.[i] ?? null);
    });
    return { seq: x.seq, op: x.op, key, record: x.record, changedAt: new Date(x.at) };
  });
}
