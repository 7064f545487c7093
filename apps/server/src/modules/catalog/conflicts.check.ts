import type { DatasetField } from '@shuzhi/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { tableOf } from '../datastore/index.ts';
import type { BindingStats } from './catalog.tables.ts';

/** Blanks trimmed from keys and values: ASCII whitespace and the ideographic space of Chinese files. */
const BLANKS = ' \t\r\n\u3000';

export type Side = { code: string; key: DatasetField; value: DatasetField };

export type CheckSpec = {
  element: string;
  keyType: 'resident_id' | 'credit_code' | 'other';
  authoritativeId: string;
  authoritative: Side;
  otherId: string;
  other: Side;
  /** The other dataset's codes → the authoritative vocabulary. */
  valueMap: Record<string, string>;
  checkId: string;
};

/** A value as comparable text: decimals lose trailing zeros (1.50 = 1.5), blanks are trimmed. */
function valueText(f: DatasetField): RawBuilder<unknown> {
  const col = sql.ref(f.name);
  const text = f.type === 'decimal' ? sql`trim_scale(${col})::text` : sql`${col}::text`;
  return sql`btrim(${text}, ${BLANKS})`;
}

/** ID numbers and credit codes compare case-blind (a final x is an X); other keys as written. */
function keyText(f: DatasetField, keyType: CheckSpec['keyType']): RawBuilder<unknown> {
  const t = sql`btrim(${sql.ref(f.name)}::text, ${BLANKS})`;
  return keyType === 'other' ? t : sql`upper(${t})`;
}

/** One value per normalised key; `distinct on` guards against keys that differ only in case or blanks. */
function side(s: Side, keyType: CheckSpec['keyType'], map: Record<string, string> | null) {
  const v = valueText(s.value);
  const mapped = map ? sql`coalesce(${JSON.stringify(map)}::jsonb ->> ${v}, ${v})` : v;
  return sql`select distinct on (k) k, v from (
      select ${keyText(s.key, keyType)} as k, nullif(btrim(${mapped}, ${BLANKS}), '') as v
      from ${sql.raw(tableOf(s.code))}
    ) s where k is not null and k <> '' order by k, v nulls last`;
}

export async function tableExists(db: Db, code: string): Promise<boolean> {
  const r = await sql<{ t: string | null }>`select to_regclass(${tableOf(code)}) as t`.execute(db);
  return !!r.rows[0]?.t;
}

/**
 * Compares one bound dataset with the element's authoritative dataset, set-based in one pass of each
 * table (hash join on the normalised key), and brings the conflicts table up to date:
 *   - a subject with a value on both sides that differ is an open conflict (first seen kept, last seen now);
 *   - an owner's manual resolution stands while the two values stay what they were; changed, it reopens;
 *   - an open conflict this check no longer finds (values agree, the row or a value is gone) is
 *     resolved automatically.
 * Missing values are counted, never reported as conflicts. Runs in one transaction under an advisory
 * lock, so two workers checking the same pair cannot interleave.
 */
export async function checkPair(db: Db, spec: CheckSpec): Promise<BindingStats> {
  const { element, otherId, checkId } = spec;
  const map = Object.keys(spec.valueMap).length > 0 ? spec.valueMap : null;
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`element-check:${element}:${otherId}`}))`.execute(trx);
    // An owner's resolution stands while both values are still what they were when it was made.
    const manualSame = sql`(c.status = 'resolved' and c.resolution = 'manual'
      and c.authoritative_value = excluded.authoritative_value and c.other_value = excluded.other_value)`;
    const keep = (col: string) => sql`case when ${manualSame} then c.${sql.raw(col)} else null end`;
    const counted = await sql<Omit<BindingStats, 'resolved'>>`
      with a as (${side(spec.authoritative, spec.keyType, null)}),
      b as (${side(spec.other, spec.keyType, map)}),
      j as materialized (
        select b.k, a.v as av, b.v as bv from b left join a on a.k = b.k
      ),
      upsert as (
        insert into catalog.element_conflict as c (id, element_code, authoritative_dataset_id, dataset_id,
          subject_key, authoritative_value, other_value, status, first_seen_at, last_seen_at, check_id)
        select catalog.uuid_v7(), ${element}::text, ${spec.authoritativeId}::uuid, ${otherId}::uuid,
          k, av, bv, 'open', now(), now(), ${checkId}::uuid
        from j where av is not null and bv is not null and av <> bv
        on conflict (element_code, dataset_id, subject_key) do update set
          authoritative_dataset_id = excluded.authoritative_dataset_id,
          authoritative_value = excluded.authoritative_value,
          other_value = excluded.other_value,
          last_seen_at = excluded.last_seen_at,
          check_id = excluded.check_id,
          status = case when ${manualSame} then 'resolved' else 'open' end,
          first_seen_at = case when c.status = 'open' or ${manualSame}
            then c.first_seen_at else excluded.first_seen_at end,
          resolution = ${keep('resolution')},
          note = ${keep('note')},
          resolved_by = ${keep('resolved_by')},
          resolved_by_name = ${keep('resolved_by_name')},
          resolved_at = ${keep('resolved_at')}
        returning 1
      )
      select
        count(*) filter (where av is not null and bv is not null)::int as "compared",
        count(*) filter (where av = bv)::int as "agree",
        count(*) filter (where av <> bv)::int as "conflicts",
        count(*) filter (where bv is not null and av is null)::int as "missingInAuthoritative",
        count(*) filter (where bv is null and av is not null)::int as "missingInOther"
      from j`.execute(trx);
    const resolved = await trx
      .updateTable('catalog.element_conflict')
      .set({ status: 'resolved', resolution: 'auto', resolved_at: sql`now()`, check_id: checkId })
      .where('element_code', '=', element)
      .where('dataset_id', '=', otherId)
      .where('status', '=', 'open')
      .where('check_id', '<>', checkId)
      .executeTakeFirst();
    const row = counted.rows[0] as Omit<BindingStats, 'resolved'>;
    return { ...row, resolved: Number(resolved.numUpdatedRows) };
  });
}
