import type { DataImport, PullSource, SourceSchedule, SourceScheduleInput } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import type { Actor, SignedInActor } from '../../../platform/actor.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import type { Locale } from '../../../platform/locale.ts';
import { decodeCursor, toPage } from '../../../platform/pagination.ts';
import { createSecretBox } from '../../../platform/secret-box.ts';
import type { JobsService } from '../../jobs/index.ts';
import type { IngestAccess } from '../ingest.access.ts';
import { toImport } from '../ingest.dto.ts';
import type { DatasetLookup } from '../ingest.service.ts';
import type { MappingService } from '../mapping.service.ts';
import { createHostPolicy } from './host-policy.ts';
import { createPullRunner, PULL_MAX_ATTEMPTS } from './pull-run.ts';
import { createSourceScheduler } from './schedule.service.ts';
import { checkSchedule } from './schedule.ts';
import { prepareConfig, type SourceSecrets, type StoredConfig, whereOf } from './sources.config.ts';
import * as repo from './sources.repo.ts';
import { ACTIVE_RUN, createSourceView } from './sources.view.ts';

type Input = {
  name: string;
  mode: PullSource['mode'];
  watermarkColumn: string | null;
  resetWatermark?: boolean;
  config: Parameters<typeof prepareConfig>[0];
  /** Left out on an update: the schedule stays as it is. */
  schedule?: SourceScheduleInput | null;
};

const byOf = (a: SignedInActor): repo.RunBy => ({
  kind: a.kind,
  id: a.id,
  name: a.name,
  orgId: a.orgId,
  orgName: a.orgName,
});

/**
 * Pull sources of a dataset: a PostgreSQL table or query, or an HTTP JSON API, pulled on request
 * or on a schedule by a job into an ordinary import. Their secrets are sealed at rest and never answered.
 */
export function createSourcesService(deps: {
  db: Db;
  jobs: JobsService;
  ledger: Ledger;
  access: IngestAccess;
  datasets: DatasetLookup;
  mappings: MappingService;
  run: (importId: string, progress: (read: number) => Promise<void>) => Promise<unknown>;
  uploadDir: string;
  credentialKey: string;
  allowedHosts: string | undefined;
  /** The schedule's clock (tests move it instead of waiting). */
  now?: () => Date;
}) {
  const { db, jobs, ledger, access } = deps;
  const box = createSecretBox(deps.credentialKey);
  const policy = createHostPolicy(deps.allowedHosts);
  /** The source's secrets; null when they cannot be opened (the credential key was changed). */
  const openSecrets = (row: repo.SourceRow): SourceSecrets | null => {
    try {
      return JSON.parse(box.open(row.secret, row.id)) as SourceSecrets;
    } catch {
      return null;
    }
  };
  const secretsOf = (row: repo.SourceRow): SourceSecrets => {
    const opened = openSecrets(row);
    if (!opened) {
      throw new AppError('source_config_invalid', {
        reason_zh: '保存的密码或令牌无法解密（凭据密钥已更换），请重新填写',
        reason_en:
          'the stored password or token cannot be decrypted (the credential key changed); enter it again',
      });
    }
    return opened;
  };

  const view = createSourceView({ jobs });
  const { runStatus, toSource } = view;

  async function ownSource(actor: Actor, datasetId: string, sourceId: string) {
    const { a, ds } = await access.ownDataset(actor, datasetId, true);
    const row = await repo.findSource(db, sourceId);
    if (!row || row.dataset_id !== ds.id) throw notFound('source', sourceId);
    return { a, ds, row };
  }

  /** Checks what no schema can; answers the schedule as stored (undefined: keep the current one). */
  const checkInput = (input: Input): SourceSchedule | null | undefined => {
    if (input.watermarkColumn !== null && input.mode === 'replace') {
      throw new AppError('source_config_invalid', {
        reason_zh: '增量拉取只取新记录，不能用“全量替换”方式导入（会删掉其余数据）',
        reason_en:
          'an incremental pull brings only new records; it cannot load in replace mode (that would delete the rest)',
      });
    }
    return input.schedule ? checkSchedule(input.schedule) : input.schedule;
  };

  const audit = (a: SignedInActor, action: string, row: repo.SourceRow, trx: Db, extra: object = {}) =>
    ledger.record(
      {
        actor: a,
        action,
        result: 'ok',
        dataset: row.dataset_code,
        details: {
          source: row.id,
          name: row.name,
          kind: row.kind,
          at: whereOf(row.config as StoredConfig),
          ...extra,
        },
      },
      trx,
    );

  async function assertIdle(row: repo.SourceRow) {
    const status = await runStatus(row);
    if (status && ACTIVE_RUN.includes(status)) throw new AppError('pull_running', { source: row.name });
  }

  const runner = createPullRunner({
    db,
    ledger,
    datasets: deps.datasets,
    mappings: deps.mappings,
    run: deps.run,
    uploadDir: deps.uploadDir,
    policy,
    secretsOf,
  });
  jobs.register<{ sourceId: string; by: repo.RunBy }>('ingest.pull', (ctx) => runner.pull(ctx), {
    maxAttempts: PULL_MAX_ATTEMPTS,
  });
  const scheduler = createSourceScheduler({
    db,
    jobs,
    pull: (ctx) => runner.pull(ctx),
    runStatus,
    audit: (a, row, trx, extra) => audit(a, 'ingest.source_run', row, trx, extra),
    now: deps.now ?? (() => new Date()),
  });

  return {
    async listSources(actor: Actor, datasetId: string, locale: Locale) {
      const { ds } = await access.ownDataset(actor, datasetId, true);
      const rows = await repo.listSources(db, ds.id);
      return { items: await Promise.all(rows.map((r) => toSource(r, locale))) };
    },

    async getSource(actor: Actor, datasetId: string, sourceId: string, locale: Locale) {
      return toSource((await ownSource(actor, datasetId, sourceId)).row, locale);
    },

    async createSource(actor: Actor, datasetId: string, input: Input, locale: Locale): Promise<PullSource> {
      const { a, ds } = await access.mayImport(actor, datasetId);
      const schedule = checkInput(input) ?? null;
      const prepared = prepareConfig(input.config, null, policy);
      const id = newId();
      const row = await db.transaction().execute(async (trx) => {
        if (await repo.findSourceByName(trx, ds.id, input.name))
          throw new AppError('conflict', { resource: 'source', id: input.name });
        const r = await repo.insertSource(trx, {
          id,
          dataset_id: ds.id,
          dataset_code: ds.code,
          org_id: ds.ownerOrgId,
          name: input.name,
          kind: prepared.config.kind,
          mode: input.mode,
          config: prepared.config,
          secret: box.seal(JSON.stringify(prepared.secrets), id),
          watermark_column: input.watermarkColumn,
          created_by_name: a.name,
          updated_by_name: a.name,
        });
        const scheduled = schedule ? (await scheduler.apply(trx, r, schedule, byOf(a))).row : r;
        await audit(a, 'ingest.source_create', scheduled, trx, { schedule });
        return scheduled;
      });
      return toSource(row, locale);
    },

    /**
     * Replaces a source's settings. Masked secrets sent back keep the stored ones; a new watermark
     * column (or `resetWatermark`) starts the next run from the beginning.
     */
    async updateSource(actor: Actor, datasetId: string, sourceId: string, input: Input, locale: Locale) {
      const { a, row } = await ownSource(actor, datasetId, sourceId);
      await access.mayImport(a, datasetId);
      const schedule = checkInput(input);
      await assertIdle(row);
      // Saving the same schedule again keeps its waiting run (an interval is not pushed back).
      const keep = schedule === undefined || (await scheduler.unchanged(row, schedule));
      // Secrets that no longer open count as absent: a masked value must then be entered again.
      const previous = openSecrets(row);
      const prepared = prepareConfig(
        input.config,
        previous ? { config: row.config as StoredConfig, secrets: previous } : null,
        policy,
      );
      const reset = input.resetWatermark || input.watermarkColumn !== row.watermark_column;
      const { updated, replaced } = await db.transaction().execute(async (trx) => {
        const clash = await repo.findSourceByName(trx, row.dataset_id, input.name);
        if (clash && clash.id !== row.id)
          throw new AppError('conflict', { resource: 'source', id: input.name });
        const r = await repo.updateSource(trx, row.id, {
          name: input.name,
          kind: prepared.config.kind,
          mode: input.mode,
          config: prepared.config,
          secret: box.seal(JSON.stringify(prepared.secrets), row.id),
          watermark_column: input.watermarkColumn,
          ...(reset ? { watermark: null, watermark_at: null } : {}),
          updated_by_name: a.name,
          updated_at: new Date(),
        });
        const s = keep
          ? { row: r, replaced: null }
          : await scheduler.apply(trx, r, schedule ?? null, byOf(a));
        await audit(a, 'ingest.source_update', s.row, trx, {
          watermarkReset: reset,
          ...(keep ? {} : { schedule }),
        });
        return { updated: s.row, replaced: s.replaced };
      });
      await scheduler.cancel(replaced);
      return toSource(updated, locale);
    },

    async deleteSource(actor: Actor, datasetId: string, sourceId: string): Promise<void> {
      const { a, row } = await ownSource(actor, datasetId, sourceId);
      await assertIdle(row);
      await db.transaction().execute(async (trx) => {
        await repo.deleteSource(trx, row.id);
        await audit(a, 'ingest.source_delete', row, trx);
      });
      await scheduler.cancel(row.schedule_job_id);
    },

    /** Queues a run: the job pulls the records into a file and imports it like an upload. */
    async runSource(actor: Actor, datasetId: string, sourceId: string, locale: Locale): Promise<PullSource> {
      const { a, row: seen } = await ownSource(actor, datasetId, sourceId);
      await access.mayImport(a, datasetId);
      // Checked outside the transaction (the job's state is the jobs module's to tell); the lock
      // then makes sure no other request started a run since.
      await assertIdle(seen);
      const row = await db.transaction().execute(async (trx) => {
        const locked = await repo.lockSource(trx, sourceId);
        if (!locked) throw notFound('source', sourceId);
        if (locked.last_job_id !== seen.last_job_id)
          throw new AppError('pull_running', { source: locked.name });
        const job = await jobs.enqueue(a, 'ingest.pull', { sourceId, by: byOf(a) }, trx);
        const r = await repo.updateSource(trx, sourceId, {
          last_job_id: job.id,
          last_run_status: 'queued',
          last_run_at: new Date(),
          last_run_finished_at: null,
          last_run_records: null,
          last_import_id: null,
          last_error_zh: null,
          last_error_en: null,
        });
        await audit(a, 'ingest.source_run', r, trx, { job: job.id, watermark: r.watermark });
        return r;
      });
      return toSource(row, locale);
    },

    /** The imports a source's runs made, newest first. */
    async listRuns(actor: Actor, datasetId: string, sourceId: string, q: { cursor?: string; limit: number }) {
      const { row } = await ownSource(actor, datasetId, sourceId);
      const after = decodeCursor(q.cursor, 1);
      const rows = await repo.listSourceImports(db, row.id, (after?.[0] as string) ?? null, q.limit);
      const p = toPage(rows, q.limit, (r) => [r.id]);
      return { items: p.items.map(toImport) as DataImport[], nextCursor: p.nextCursor };
    },

    /** Gives switched-on schedules whose waiting run was lost a new one; at every server start. */
    ensureSchedules: () => scheduler.ensure(),
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
