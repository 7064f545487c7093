import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { RuleResultTable, RuleTable, RunTable, ScoreColumns } from './quality.tables.ts';

export type RuleRow = Selectable<RuleTable>;
export type RunRow = Selectable<RunTable>;
export type ResultRow = Selectable<RuleResultTable>;

const json = (v: unknown) => JSON.stringify(v);

// Rules

export const listRules = (db: Db, datasetId: string) =>
  db
    .selectFrom('quality.rule')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findRule = (db: Db, id: string) =>
  db.selectFrom('quality.rule').selectAll().where('id', '=', id).executeTakeFirst();

export const insertRules = (db: Db, rows: (Omit<Insertable<RuleTable>, 'params'> & { params: unknown })[]) =>
  rows.length === 0
    ? Promise.resolve([] as RuleRow[])
    : db
        .insertInto('quality.rule')
        .values(rows.map((r) => ({ ...r, params: json(r.params) })))
        .returningAll()
        .execute();

export const updateRule = (
  db: Db,
  id: string,
  patch: {
    severity?: RuleRow['severity'];
    enabled?: boolean;
    params?: unknown;
    dimension?: RuleRow['dimension'];
  },
) =>
  db
    .updateTable('quality.rule')
    .set({
      ...(patch.severity ? { severity: patch.severity } : {}),
      ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
      ...(patch.params === undefined ? {} : { params: json(patch.params) }),
      ...(patch.dimension ? { dimension: patch.dimension } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteRule = (db: Db, id: string) =>
  db.deleteFrom('quality.rule').where('id', '=', id).execute();

/** Marks the dataset's default rules as proposed; false when they already were (someone else got there first). */
export async function claimSuggestion(db: Db, datasetId: string): Promise<boolean> {
  const r = await db
    .insertInto('quality.dataset_state')
    .values({ dataset_id: datasetId, suggested_at: new Date() })
    .onConflict((oc) => oc.column('dataset_id').doNothing())
    .returning('dataset_id')
    .executeTakeFirst();
  return r !== undefined;
}

// Runs

export const insertRun = (db: Db, row: Insertable<RunTable>) =>
  db.insertInto('quality.run').values(row).returningAll().executeTakeFirstOrThrow();

export const findRun = (db: Db, id: string) =>
  db.selectFrom('quality.run').selectAll().where('id', '=', id).executeTakeFirst();

/** A run of the dataset still waiting for its worker, queued within the hour (older ones were abandoned). */
export const findWaitingRun = (db: Db, datasetId: string) =>
  db
    .selectFrom('quality.run')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('status', '=', 'queued')
    .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirst();

/** Runs queued over an hour ago never ran (their job was cancelled or lost): say so, so they stop looking pending. */
export const abandonStale = (db: Db, datasetId: string) =>
  db
    .updateTable('quality.run')
    .set({
      status: 'failed',
      error: '未执行（任务已取消或丢失）/ never ran (its job was cancelled or lost)',
      finished_at: sql`now()`,
    })
    .where('dataset_id', '=', datasetId)
    .where('status', '=', 'queued')
    .where('created_at', '<=', sql<Date>`now() - interval '1 hour'`)
    .execute();

export const setRunJob = (db: Db, id: string, jobId: string) =>
  db.updateTable('quality.run').set({ job_id: jobId }).where('id', '=', id).execute();

/** Claims a queued (or a crashed running) run for the worker; undefined when it already finished. */
export const startRun = (db: Db, id: string) =>
  db
    .updateTable('quality.run')
    .set({ status: 'running', started_at: sql`now()`, error: null })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();

export async function finishRun(
  db: Db,
  id: string,
  done: { rowCount: number; problems: number; scores: ScoreColumns; results: Insertable<RuleResultTable>[] },
): Promise<void> {
  await db.deleteFrom('quality.rule_result').where('run_id', '=', id).execute();
  if (done.results.length > 0) await db.insertInto('quality.rule_result').values(done.results).execute();
  await db
    .updateTable('quality.run')
    .set({
      ...done.scores,
      status: 'succeeded',
      row_count: done.rowCount,
      problems: done.problems,
      finished_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export const failRun = (db: Db, id: string, error: string) =>
  db
    .updateTable('quality.run')
    .set({ status: 'failed', error, finished_at: sql`now()` })
    .where('id', '=', id)
    .execute();

export const listRuns = (db: Db, datasetId: string, afterId: string | null, limit: number) => {
  let q = db.selectFrom('quality.run').selectAll().where('dataset_id', '=', datasetId);
  if (afterId) q = q.where('id', '<', afterId);
  return q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
};

export const latestRun = (db: Db, datasetId: string) =>
  db
    .selectFrom('quality.run')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('status', '=', 'succeeded')
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Succeeded runs of the last `days`, oldest first: a dataset's score history. */
export const runHistory = (db: Db, datasetId: string, days: number) =>
  db
    .selectFrom('quality.run')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('status', '=', 'succeeded')
    .where('finished_at', '>', sql<Date>`now() - make_interval(days => ${days})`)
    .orderBy('finished_at')
    .limit(1000)
    .execute();

export const listResults = (db: Db, runId: string) =>
  db.selectFrom('quality.rule_result').selectAll().where('run_id', '=', runId).execute();

/** When each of these datasets last got a run queued or done (for the scheduler). */
export async function lastRunTimes(db: Db, datasetIds: string[]): Promise<Map<string, Date>> {
  if (datasetIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('quality.run')
    .select(['dataset_id', sql<Date>`max(created_at)`.as('at')])
    .where('dataset_id', 'in', datasetIds)
    .where('status', '!=', 'failed')
    .groupBy('dataset_id')
    .execute();
  return new Map(rows.map((r) => [r.dataset_id, new Date(r.at)]));
}

// Organisation scores

/** The latest succeeded run of each dataset (of one organisation, or all), for aggregates. */
export async function latestRuns(db: Db, orgId: string | null): Promise<RunRow[]> {
  const r = await sql<RunRow>`
    select distinct on (dataset_id) * from quality.run
    where status = 'succeeded' ${orgId ? sql`and org_id = ${orgId}` : sql``}
    order by dataset_id, finished_at desc`.execute(db);
  return r.rows;
}

export const upsertOrgDay = (
  db: Db,
  row: ScoreColumns & { org_id: string; day: string; datasets: number; problems: number },
) =>
  db
    .insertInto('quality.org_day')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'day']).doUpdateSet({
        overall: row.overall,
        completeness: row.completeness,
        validity: row.validity,
        uniqueness: row.uniqueness,
        consistency: row.consistency,
        timeliness: row.timeliness,
        datasets: row.datasets,
        problems: row.problems,
      }),
    )
    .execute();

export const orgDays = (db: Db, orgId: string | null, days: number) => {
  let q = db
    .selectFrom('quality.org_day')
    .select([
      'org_id',
      sql<string>`day::text`.as('day'),
      'datasets',
      'problems',
      'overall',
      'completeness',
      'validity',
      'uniqueness',
      'consistency',
      'timeliness',
    ])
    .where('day', '>', sql<string>`current_date - ${days}::int`);
  if (orgId) q = q.where('org_id', '=', orgId);
  return q.orderBy('day').orderBy('org_id').execute();
};

/** Offending rows of the given runs per rule kind. */
export async function problemsByKind(db: Db, runIds: string[]) {
  if (runIds.length === 0) return [];
  return db
    .selectFrom('quality.rule_result')
    .select(['run_id', 'kind', sql<number>`sum(failed)::float8`.as('failed')])
    .where('run_id', 'in', runIds)
    .where('error', 'is', null)
    .groupBy(['run_id', 'kind'])
    .execute();
}
