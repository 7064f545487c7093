import type { DatasetField, Generalisation } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import { tableOf, tombstoneVersion } from '../../datastore/index.ts';
import type { SizeBucket, SuggestionRow } from '../privacy.tables.ts';
import { expressionOf, generalisationsOf } from './kanon.levels.ts';

/** Class sizes are reported in these buckets (and never a class's values). */
const BUCKETS: [number, number | null][] = [
  [1, 1],
  [2, 2],
  [3, 4],
  [5, 9],
  [10, 19],
  [20, 49],
  [50, 99],
  [100, null],
];

export type Stats = { classes: number; smallest: number | null; classesBelow: number; rowsBelow: number };
export type Analysis = Stats & {
  rows: number;
  maxSeq: number | null;
  /** The data version the counts describe (see dataVersion). */
  version: number | null;
  histogram: SizeBucket[];
  suggestions: SuggestionRow[];
};

type Qi = { field: DatasetField; levels: (Generalisation | null)[] };
/** Column of quasi-identifier i at level l in the working tables. */
const col = (i: number, l: number) => `g${i}_${l}`;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const greatest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** Equivalence-class statistics of several candidate groupings of a working table, one scan each. */
async function evaluate(trx: Db, table: string, groupings: string[][], k: number): Promise<Stats[]> {
  const parts = groupings.map(
    (cols, i) => `select ${i} as cand, count(*)::bigint as classes, min(n)::bigint as smallest,
      count(*) filter (where n < ${k})::bigint as cb, coalesce(sum(n) filter (where n < ${k}), 0)::bigint as rb
      from (select sum(n) as n from ${table}${cols.length ? ` group by ${cols.join(', ')}` : ''}) g`,
  );
  const r = await sql<{
    cand: number;
    classes: string;
    smallest: string | null;
    cb: string;
    rb: string;
  }>`${sql.raw(parts.join(' union all '))}`.execute(trx);
  const out: Stats[] = [];
  for (const row of r.rows) {
    out[Number(row.cand)] = {
      classes: Number(row.classes),
      // An empty table has no classes: its smallest class is null, and nothing is below k.
      smallest: Number(row.classes) === 0 ? null : num(row.smallest),
      classesBelow: Number(row.cb),
      rowsBelow: Number(row.rb),
    };
  }
  return out;
}

/**
 * k-anonymity of a dataset's table over its quasi-identifiers, and generalisations that reach k.
 * Runs in the caller's transaction: the table is aggregated once into a temporary table of distinct
 * quasi-identifier combinations (with every generalisation computed once per combination), and the
 * search coarsens one quasi-identifier a step at a time, re-aggregating as it goes, so that 10M rows are
 * scanned once.
 */
export async function analyse(trx: Db, code: string, fields: DatasetField[], k: number): Promise<Analysis> {
  const qis: Qi[] = fields.map((field) => ({ field, levels: [null, ...generalisationsOf(field)] }));
  // Read before the scan: a deletion committed in between then leaves the check stale, never seemingly
  // fresh while its counts still include the deleted rows.
  const tomb = await tombstoneVersion(trx, code);
  const originals = qis.map((q, i) => `${expressionOf(q.field, null)} as q${i}`);
  const levelCols = qis.flatMap((q, i) =>
    q.levels.map((g, l) => `${expressionOf({ ...q.field, name: `q${i}` }, g)} as ${col(i, l)}`),
  );
  await sql
    .raw(
      `create temp table kanon_0 on commit drop as
       select ${levelCols.join(', ')}, n, s from (
         select ${originals.join(', ')}, count(*)::bigint as n, max(_seq) as s
         from ${tableOf(code)} group by ${qis.map((_, i) => i + 1).join(', ')}) c`,
    )
    .execute(trx);

  const bucketCols = BUCKETS.map(
    ([from, to], b) =>
      `count(*) filter (where n >= ${from}${to === null ? '' : ` and n <= ${to}`})::bigint as c${b},
       coalesce(sum(n) filter (where n >= ${from}${to === null ? '' : ` and n <= ${to}`}), 0)::bigint as r${b}`,
  );
  const base = await sql<Record<string, string | null>>`${sql.raw(
    `select count(*)::bigint as classes, coalesce(sum(n), 0)::bigint as rows, min(n)::bigint as smallest,
       count(*) filter (where n < ${k})::bigint as cb, coalesce(sum(n) filter (where n < ${k}), 0)::bigint as rb,
       max(s) as max_seq, ${bucketCols.join(', ')} from kanon_0`,
  )}`.execute(trx);
  const b = base.rows[0] ?? {};
  const histogram = BUCKETS.map(([from, to], i) => ({
    from,
    to,
    classes: Number(b[`c${i}`] ?? 0),
    rows: Number(b[`r${i}`] ?? 0),
  })).filter((x) => x.classes > 0);
  const stats: Stats = {
    classes: Number(b.classes ?? 0),
    smallest: Number(b.classes ?? 0) === 0 ? null : num(b.smallest),
    classesBelow: Number(b.cb ?? 0),
    rowsBelow: Number(b.rb ?? 0),
  };
  const suggestions = stats.rowsBelow === 0 ? [] : await search(trx, qis, k);
  const maxSeq = num(b.max_seq);
  return {
    ...stats,
    rows: Number(b.rows ?? 0),
    maxSeq,
    version: greatest(maxSeq, tomb),
    histogram,
    suggestions,
  };
}

/** Columns a state groups by: each quasi-identifier at its level, none for a dropped one. */
const groupingOf = (qis: Qi[], state: number[]) =>
  qis.flatMap((q, i) => (q.levels[state[i] as number] === 'drop' ? [] : [col(i, state[i] as number)]));

const stepsOf = (qis: Qi[], state: number[]) =>
  qis.flatMap((q, i) =>
    (state[i] as number) > 0
      ? [{ field: q.field.name, generalisation: q.levels[state[i] as number] as Generalisation }]
      : [],
  );

const suggestion = (qis: Qi[], state: number[], s: Stats): SuggestionRow => ({
  steps: stepsOf(qis, state),
  smallestClass: s.smallest,
  classesBelowK: s.classesBelow,
  rowsBelowK: s.rowsBelow,
  passes: s.rowsBelow === 0,
});

/**
 * Greedy search up the generalisation lattice: at each step, coarsen the one quasi-identifier whose next
 * level leaves the fewest rows in classes below k (preferring to keep a field over dropping it, then the
 * finer partition). Single steps that pass on their own are suggested too.
 */
async function search(trx: Db, qis: Qi[], k: number): Promise<SuggestionRow[]> {
  const out: SuggestionRow[] = [];
  let state = qis.map(() => 0);
  let table = 'kanon_0';
  let last: { c: number[]; s: Stats } | null = null;
  for (let step = 1; ; step++) {
    const candidates = qis.flatMap((q, i) =>
      (state[i] as number) + 1 < q.levels.length ? [state.map((l, j) => (j === i ? l + 1 : l))] : [],
    );
    if (candidates.length === 0) break;
    const stats = await evaluate(
      trx,
      table,
      candidates.map((c) => groupingOf(qis, c)),
      k,
    );
    const isDrop = (c: number[]) => c.some((l, i) => l !== state[i] && qis[i]?.levels[l] === 'drop');
    const order = candidates
      .map((c, i) => ({ c, s: stats[i] as Stats }))
      .sort(
        (x, y) =>
          x.s.rowsBelow - y.s.rowsBelow ||
          Number(isDrop(x.c)) - Number(isDrop(y.c)) ||
          y.s.classes - x.s.classes,
      );
    if (step === 1) {
      for (const { c, s } of order) if (s.rowsBelow === 0) out.push(suggestion(qis, c, s));
    }
    last = order[0] as { c: number[]; s: Stats };
    state = last.c;
    if (last.s.rowsBelow === 0) break;
    // Keep only the columns the coarser states can still use, summed: the next scans read less.
    const keep = qis.flatMap((q, i) =>
      q.levels.flatMap((g, l) => (l >= (state[i] as number) && g !== 'drop' ? [col(i, l)] : [])),
    );
    const next = `kanon_${step}`;
    await sql
      .raw(
        `create temp table ${next} on commit drop as select ${[...keep, 'sum(n)::bigint as n'].join(', ')}
         from ${table}${keep.length ? ` group by ${keep.join(', ')}` : ''}`,
      )
      .execute(trx);
    table = next;
  }
  // Where the walk ended: passing, or the closest it came with every field dropped.
  if (
    last &&
    !out.some((x) => JSON.stringify(x.steps) === JSON.stringify(stepsOf(qis, (last as { c: number[] }).c)))
  )
    out.push(suggestion(qis, last.c, last.s));
  return out;
}
