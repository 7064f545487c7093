import type { Dataset } from '@shuzhi/contracts';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { type SignedInActor, systemActor } from '../../platform/actor.ts';
import { AppError, renderMessage } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { JobContext, JobsService } from '../jobs/index.ts';
import { chinaDay } from './calendar.ts';
import { emptyOutcome, type Outcome, rowCount, tableExists } from './quality.checks.ts';
import { type ConsistencyBinding, evaluate } from './quality.evaluate.ts';
import { dimensionOf, suggestRules } from './quality.params.ts';
import * as repo from './quality.repo.ts';
import { SCANNED_KINDS, type ScannedRule, scanChecksums } from './quality.scan.ts';
import { aggregate, scoreRun } from './quality.scores.ts';
import type { RuleResultTable } from './quality.tables.ts';

/** The job kind of a quality run: one dataset, all its enabled rules. */
export const QUALITY_RUN_JOB = 'quality.run';
type RunPayload = { runId: string };

export type RunnerDeps = {
  db: Db;
  jobs: JobsService;
  findDataset: (id: string) => Promise<Dataset | undefined>;
  consistency: (datasetId: string) => Promise<ConsistencyBinding[]>;
  sqlTimeoutMs: number;
  /** Called after each successful run: keeps the schedule chain alive (started by the first run). */
  afterRun?: () => Promise<void>;
};

const bilingual = (e: AppError) => `${renderMessage(e, 'zh-CN')} / ${renderMessage(e, 'en')}`;
const isScanned = (kind: string): kind is ScannedRule['kind'] =>
  (SCANNED_KINDS as readonly string[]).includes(kind);

/** Queues runs, executes them (as the `quality.run` job) and keeps organisation scores per day. */
export function createRunner(deps: RunnerDeps) {
  const { db, jobs, findDataset } = deps;

  /** Proposes the default rules the first time a dataset is checked; the officer may disable them. */
  async function ensureSuggestions(ds: Dataset): Promise<void> {
    if (!(await repo.claimSuggestion(db, ds.id))) return;
    const bound = (await deps.consistency(ds.id)).length > 0;
    await repo.insertRules(
      db,
      suggestRules(ds, bound).map((s) => ({
        id: newId(),
        dataset_id: ds.id,
        field: s.field,
        kind: s.kind,
        dimension: dimensionOf(s.kind, s.params),
        params: s.params,
        severity: 'error',
        enabled: true,
        suggested: true,
        created_by: systemActor.id,
        created_by_name: '数智平台 / Shuzhi',
      })),
    );
  }

  async function updateOrgDay(orgId: string): Promise<void> {
    const latest = await repo.latestRuns(db, orgId);
    await repo.upsertOrgDay(db, {
      org_id: orgId,
      day: chinaDay(new Date()),
      datasets: latest.length,
      problems: latest.reduce((n, r) => n + Number(r.problems), 0),
      ...aggregate(latest),
    });
  }

  async function execute(runId: string, progress: JobContext<RunPayload>['progress']) {
    const run = await repo.startRun(db, runId);
    if (!run) return { runId, skipped: 'finished already' };
    const ds = await findDataset(run.dataset_id);
    if (ds?.status !== 'published' || !(await tableExists(db, ds.code))) {
      await repo.failRun(
        db,
        runId,
        '数据集未发布或没有数据表 / the dataset is not published or has no table',
      );
      return { runId, skipped: 'not published' };
    }
    await ensureSuggestions(ds);
    const rules = (await repo.listRules(db, ds.id)).filter((r) => r.enabled);
    const rows = await rowCount(db, ds.code);
    const outcomes = new Map<string, Outcome & { error: string | null }>();
    const total = rules.length + 1;
    await progress(0, total, `0/${rules.length}`);

    const scanned = rules.filter((r) => isScanned(r.kind) && ds.fields.some((f) => f.name === r.field));
    const scan = await scanChecksums(
      db,
      ds,
      scanned.map((r) => ({
        id: r.id,
        kind: r.kind as ScannedRule['kind'],
        field: r.field as string,
        params: r.params,
      })),
      { onBatch: async (n) => progress(0, total, `已校验 ${n} 行 / ${n} rows checked`) },
    );
    for (const [id, o] of scan) outcomes.set(id, { ...o, error: null });
    for (const [i, rule] of rules.entries()) {
      if (!outcomes.has(rule.id)) {
        try {
          if (isScanned(rule.kind))
            throw new AppError('quality_field_gone', { field: String(rule.field), dataset: ds.code });
          outcomes.set(rule.id, { ...(await evaluate(deps, ds, rule)), error: null });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          outcomes.set(rule.id, { ...emptyOutcome(), error: bilingual(e) });
        }
      }
      await progress(i + 1, total, `${i + 1}/${rules.length}`);
    }

    const results: Insertable<RuleResultTable>[] = rules.map((r) => {
      const o = outcomes.get(r.id) as Outcome & { error: string | null };
      return {
        run_id: runId,
        rule_id: r.id,
        kind: r.kind,
        field: r.field,
        dimension: r.dimension,
        severity: r.severity,
        checked: o.checked,
        failed: o.failed,
        error: o.error,
        reasons: JSON.stringify(o.reasons),
        samples: JSON.stringify(o.samples),
        details: JSON.stringify(o.details),
      };
    });
    const scores = scoreRun(
      results.map((r) => ({
        dimension: r.dimension,
        severity: r.severity,
        checked: r.checked,
        failed: r.failed,
        error: r.error ?? null,
      })),
    );
    const problems = results.reduce((n, r) => n + (r.error ? 0 : r.failed), 0);
    await db
      .transaction()
      .execute((trx) => repo.finishRun(trx, runId, { rowCount: rows, problems, scores, results }));
    await updateOrgDay(run.org_id);
    await deps.afterRun?.();
    await progress(total, total, '完成 / done');
    return { runId, dataset: ds.code, rows, problems, overall: scores.overall };
  }

  jobs.register<RunPayload>(
    QUALITY_RUN_JOB,
    async (ctx) => {
      try {
        return await execute(ctx.payload.runId, ctx.progress);
      } catch (e) {
        // A cancelled run or the last attempt leaves a failed run behind; earlier attempts leave it
        // running for the retry, which takes it over.
        if (ctx.signal.aborted) await repo.failRun(db, ctx.payload.runId, '已取消 / cancelled');
        else if (ctx.attempt >= 2)
          await repo.failRun(db, ctx.payload.runId, (e as Error).message.slice(0, 500));
        throw e;
      }
    },
    { maxAttempts: 2, backoffSeconds: 30 },
  );

  return {
    /**
     * Queues a run of the dataset unless one is already waiting for a worker (imports in quick
     * succession share it). Answers the waiting or new run.
     */
    async enqueue(
      ds: Pick<Dataset, 'id' | 'code' | 'ownerOrgId'>,
      trigger: repo.RunRow['trigger'],
      actor: SignedInActor | null,
    ) {
      const waiting = await repo.findWaitingRun(db, ds.id);
      if (waiting) return waiting;
      await repo.abandonStale(db, ds.id);
      return db.transaction().execute(async (trx) => {
        const run = await repo.insertRun(trx, {
          id: newId(),
          dataset_id: ds.id,
          dataset_code: ds.code,
          org_id: ds.ownerOrgId,
          trigger,
          status: 'queued',
          job_id: null,
          row_count: null,
          error: null,
          started_at: null,
          finished_at: null,
          overall: null,
          completeness: null,
          validity: null,
          uniqueness: null,
          consistency: null,
          timeliness: null,
        });
        const job = await jobs.enqueue(actor, QUALITY_RUN_JOB, { runId: run.id } satisfies RunPayload, trx);
        await repo.setRunJob(trx, run.id, job.id);
        return { ...run, job_id: job.id };
      });
    },
    execute,
    ensureSuggestions,
  };
}

export type Runner = ReturnType<typeof createRunner>;
