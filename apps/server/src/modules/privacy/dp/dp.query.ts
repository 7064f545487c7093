import type { DatasetField, DpQueryBody } from '@shuzhi/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../platform/errors.ts';
import { tableOf } from '../../datastore/index.ts';

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);
const numeric = (f: DatasetField) => f.type === 'integer' || f.type === 'decimal';

export const invalid = (zh: string, en: string) =>
  new AppError('dp_query_invalid', { reason_zh: zh, reason_en: en });

/** The true aggregate of one group: rows (or non-null values) counted and their clamped sum. */
export type TrueGroup = { group: string | null; count: bigint; sum: bigint };

/** The public list of groups a query releases, in order; `null` is the `other` bucket. */
export function groupLabels(q: DpQueryBody): (string | null)[] {
  if (!q.groupBy) return [null];
  if (q.groupBy.values) return [...new Set(q.groupBy.values), null];
  const b = q.groupBy.bins as { start: number; width: number; count: number };
  return [
    ...Array.from(
      { length: b.count },
      (_, i) => `[${b.start + i * b.width}, ${b.start + (i + 1) * b.width})`,
    ),
    null,
  ];
}

/** Checks the query against the dataset's fields (a 4xx before anything is read or spent). */
export function validateQuery(fields: DatasetField[], q: DpQueryBody): void {
  const field = (name: string) => {
    const f = fields.find((x) => x.name === name);
    if (!f) throw invalid(`没有字段 ${name}`, `no field ${name}`);
    return f;
  };
  if (q.kind === 'sum' || q.kind === 'mean') {
    const f = field(q.field as string);
    if (!numeric(f))
      throw invalid(
        `求和或平均只适用于数值字段，${f.name} 是 ${f.type}`,
        `sum and mean need a numeric field; ${f.name} is ${f.type}`,
      );
  }
  if (q.kind === 'mean' && Math.round(q.epsilon * 1e6) < 2)
    throw invalid(
      '平均值把 ε 分给求和与计数，至少需要 0.000002',
      'a mean splits ε between a sum and a count; it needs at least 0.000002',
    );
  if (q.groupBy) {
    const g = field(q.groupBy.field);
    if (q.groupBy.bins && !numeric(g))
      throw invalid(
        `分箱只适用于数值字段，${g.name} 是 ${g.type}`,
        `bins need a numeric field; ${g.name} is ${g.type}`,
      );
  }
}

function groupExpression(q: DpQueryBody): RawBuilder<unknown> {
  if (!q.groupBy) return sql`null::text`;
  const c = ident(q.groupBy.field);
  if (q.groupBy.values) {
    const values = [...new Set(q.groupBy.values)];
    return sql`case when ${c}::text in (${sql.join(values)}) then ${c}::text end`;
  }
  const b = q.groupBy.bins as { start: number; width: number; count: number };
  const i = sql`floor((${c}::numeric - ${b.start}::numeric) / ${b.width}::numeric)`;
  return sql`case when ${i} >= 0 and ${i} < ${b.count} then ${i}::int::text end`;
}

/**
 * The exact per-group counts and clamped sums, computed where the rows are. Never released as they are:
 * the service adds noise before anything leaves.
 */
export async function trueAggregates(
  db: Db,
  code: string,
  q: DpQueryBody,
): Promise<Map<string | null, TrueGroup>> {
  const g = groupExpression(q);
  const measure = q.kind === 'sum' || q.kind === 'mean';
  const v = measure ? ident(q.field as string) : null;
  const bounds = q.bounds ?? { lower: 0, upper: 0 };
  const count = v ? sql`count(${v})` : sql`count(*)`;
  const sum = v
    ? sql`coalesce(sum(least(greatest(round(${v}::numeric), ${bounds.lower}::numeric), ${bounds.upper}::numeric)), 0)`
    : sql`0`;
  const r = await sql<{
    g: string | null;
    n: string;
    s: string;
  }>`select ${g} as g, ${count}::bigint as n, ${sum}::text as s
    from ${sql.raw(tableOf(code))} group by 1`.execute(db);
  const labels = groupLabels(q);
  const byLabel = new Map<string | null, TrueGroup>(labels.map((l) => [l, { group: l, count: 0n, sum: 0n }]));
  for (const row of r.rows) {
    // Bins come back as their index; their label is what is released.
    const label = row.g === null ? null : q.groupBy?.bins ? (labels[Number(row.g)] ?? null) : row.g;
    const t = byLabel.get(label) as TrueGroup;
    t.count += BigInt(row.n);
    t.sum += BigInt(row.s.split('.')[0] as string);
  }
  return byLabel;
}
