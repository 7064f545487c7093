import type { Dataset, KanonCheck, PrivacySettings, PutQuasiIdentifiersBody } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { type Actor, systemActor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import { dataVersion } from '../../datastore/index.ts';
import type { JobsService } from '../../jobs/index.ts';
import { assertMayManage } from '../privacy.policy.ts';
import { isStale, judge, personalFields } from './kanon.gate.ts';
import { generalisationsOf } from './kanon.levels.ts';
import * as repo from './kanon.repo.ts';
import { analyse } from './kanon.sql.ts';

export const KANON_CHECK_JOB = 'privacy.kanon_check';

/** What privacy needs of the catalog (given by the composition root, so the modules stay apart). */
export type DatasetAccess = {
  getDataset: (actor: Actor, id: string) => Promise<Dataset>;
  findDatasetById: (id: string) => Promise<Dataset | undefined>;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toCheck(r: repo.CheckRow, stale: boolean): KanonCheck {
  return {
    id: r.id,
    datasetId: r.dataset_id,
    datasetCode: r.dataset_code,
    quasiIdentifiers: r.quasi_identifiers,
    k: r.k,
    status: r.status,
    jobId: r.job_id,
    rows: r.rows,
    classes: r.classes,
    smallestClass: r.smallest_class,
    classesBelowK: r.classes_below_k,
    rowsBelowK: r.rows_below_k,
    passed: r.passed,
    stale,
    sizeHistogram: r.size_histogram ?? [],
    suggestions: r.suggestions ?? [],
    error: r.error,
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    finishedAt: iso(r.finished_at),
  };
}

/** k-anonymity of datasets before release: quasi-identifiers, checks (as jobs) and their reports. */
export function createKanonService(deps: {
  db: Db;
  jobs: JobsService;
  ledger: Ledger;
  datasets: DatasetAccess;
  minK: number;
}) {
  const { db, jobs, ledger, datasets, minK } = deps;

  async function managed(actor: Actor, id: string) {
    const ds = await datasets.getDataset(actor, id);
    return { ds, actor: assertMayManage(actor, ds) };
  }

  const qiFields = (ds: Dataset, names: string[]) => {
    const missing = names.filter((n) => !ds.fields.some((f) => f.name === n));
    if (missing.length)
      throw new AppError('privacy_unknown_field', { dataset: ds.code, fields: missing.join(', ') });
    return names.map((n) => ds.fields.find((f) => f.name === n) as Dataset['fields'][number]);
  };

  jobs.register<{ checkId: string }>(
    KANON_CHECK_JOB,
    async (ctx) => {
      const check = await repo.findCheck(db, ctx.payload.checkId);
      if (check?.status !== 'running') return { skipped: true };
      try {
        const ds = await datasets.findDatasetById(check.dataset_id);
        if (!ds) throw new Error(`dataset ${check.dataset_code} is gone`);
        const fields = qiFields(ds, check.quasi_identifiers);
        await ctx.progress(0, 1, '统计等价类 / counting equivalence classes');
        const a = await db.transaction().execute((trx) => analyse(trx, ds.code, fields, check.k));
        await repo.updateCheck(db, check.id, {
          status: 'done',
          rows: a.rows,
          classes: a.classes,
          smallest_class: a.smallest,
          classes_below_k: a.classesBelow,
          rows_below_k: a.rowsBelow,
          passed: a.rowsBelow === 0,
          size_histogram: JSON.stringify(a.histogram),
          suggestions: JSON.stringify(a.suggestions),
          data_rows: a.rows,
          data_max_seq: a.maxSeq,
          data_version: a.version,
          finished_at: new Date(),
        });
        return { passed: a.rowsBelow === 0, smallestClass: a.smallest, rowsBelowK: a.rowsBelow };
      } catch (e) {
        const message = e instanceof AppError ? e.code : (e as Error).message;
        await repo.updateCheck(db, check.id, { status: 'failed', error: message, finished_at: new Date() });
        throw e;
      }
    },
    { maxAttempts: 1 },
  );

  /** What open data does with the rows now: the release gate's verdict, for the officer to see. */
  async function releaseStatus(ds: Dataset): Promise<PrivacySettings['release']> {
    if (ds.status !== 'published' || ds.openType === 'none' || ds.level === 'L4')
      return { status: 'not_open', reasonZh: null, reasonEn: null };
    if (personalFields(ds.fields).length === 0) return { status: 'released', reasonZh: null, reasonEn: null };
    const v = await judge(db, ds, minK);
    return v.ok
      ? { status: 'released', reasonZh: null, reasonEn: null }
      : { status: 'withheld', reasonZh: v.zh, reasonEn: v.en };
  }

  async function staleness(ds: Dataset) {
    const [config, version] = await Promise.all([repo.findConfig(db, ds.id), dataVersion(db, ds.code)]);
    return (c: repo.CheckRow) =>
      c.status === 'done' &&
      isStale(c, { quasiIdentifiers: config?.quasi_identifiers ?? null, version, minK });
  }

  return {
    async getSettings(actor: Actor, id: string): Promise<PrivacySettings> {
      const { ds } = await managed(actor, id);
      const config = await repo.findConfig(db, id);
      const marked = new Set(config?.quasi_identifiers ?? []);
      return {
        datasetId: ds.id,
        datasetCode: ds.code,
        k: minK,
        personal: personalFields(ds.fields).length > 0,
        fields: ds.fields.map((f) => ({
          field: f.name,
          title: f.title,
          type: f.type,
          sensitivity: f.sensitivity,
          marked: marked.has(f.name),
          generalisations: generalisationsOf(f),
        })),
        updatedBy: config?.updated_by_name ?? null,
        updatedAt: iso(config?.updated_at ?? null),
        release: await releaseStatus(ds),
      };
    },

    async putQuasiIdentifiers(
      actor: Actor,
      id: string,
      body: PutQuasiIdentifiersBody,
    ): Promise<PrivacySettings> {
      const { ds, actor: a } = await managed(actor, id);
      qiFields(ds, body.quasiIdentifiers);
      await db.transaction().execute(async (trx) => {
        await repo.upsertConfig(trx, {
          dataset_id: ds.id,
          dataset_code: ds.code,
          org_id: ds.ownerOrgId,
          quasi_identifiers: body.quasiIdentifiers,
          updated_by: a.id,
          updated_by_name: a.name,
        });
        await ledger.record(
          {
            actor: a,
            action: 'privacy.quasi_identifiers',
            result: 'ok',
            dataset: ds.code,
            fields: body.quasiIdentifiers,
          },
          trx,
        );
      });
      return this.getSettings(actor, id);
    },

    /**
     * After a load into an open dataset with personal fields and marked quasi-identifiers, its last
     * check no longer describes the rows: a new one is queued, so the privacy page shows the verdict
     * on what is now published without the officer having to remember it.
     */
    async afterImport(datasetId: string): Promise<void> {
      const ds = await datasets.findDatasetById(datasetId);
      if (ds?.status !== 'published' || ds.openType === 'none') return;
      if (personalFields(ds.fields).length === 0 || !(await repo.findConfig(db, ds.id))) return;
      await this.startCheck(systemActor, ds.id);
    },

    /** Queues a check of the dataset's current rows over its marked quasi-identifiers, at the configured k. */
    async startCheck(actor: Actor, id: string): Promise<KanonCheck> {
      const { ds, actor: a } = await managed(actor, id);
      if (ds.status !== 'published') throw new AppError('dataset_no_table', { dataset: ds.code });
      const config = await repo.findConfig(db, id);
      if (!config) throw new AppError('privacy_no_quasi_identifiers', { dataset: ds.code });
      qiFields(ds, config.quasi_identifiers);
      const row = await db.transaction().execute(async (trx) => {
        const check = await repo.insertCheck(trx, {
          id: newId(),
          dataset_id: ds.id,
          dataset_code: ds.code,
          org_id: ds.ownerOrgId,
          quasi_identifiers: config.quasi_identifiers,
          k: minK,
          status: 'running',
          job_id: null,
          created_by: a.id,
          created_by_name: a.name,
        });
        const job = await jobs.enqueue(a, KANON_CHECK_JOB, { checkId: check.id }, trx);
        await repo.updateCheck(trx, check.id, { job_id: job.id });
        // The check reads personal rows (in aggregate: only counts leave the database).
        await ledger.record(
          {
            actor: a,
            action: 'privacy.kanon_check',
            result: 'ok',
            dataset: ds.code,
            fields: config.quasi_identifiers,
            details: { check: check.id, k: minK },
          },
          trx,
        );
        return { ...check, job_id: job.id };
      });
      return toCheck(row, false);
    },

    async listChecks(actor: Actor, id: string): Promise<{ items: KanonCheck[] }> {
      const { ds } = await managed(actor, id);
      const [rows, stale] = await Promise.all([repo.listChecks(db, id, 20), staleness(ds)]);
      return { items: rows.map((r) => toCheck(r, stale(r))) };
    },

    async getCheck(actor: Actor, id: string, checkId: string): Promise<KanonCheck> {
      const { ds } = await managed(actor, id);
      const row = await repo.findCheck(db, checkId);
      if (!row || row.dataset_id !== id)
        throw new AppError('not_found', { resource: 'privacy_check', id: checkId });
      return toCheck(row, (await staleness(ds))(row));
    },
  };
}

export type KanonService = ReturnType<typeof createKanonService>;
