import { rmSync } from 'node:fs';
import type { Db } from '../../../db/connection.ts';
import type { SignedInActor } from '../../../platform/actor.ts';
import { AppError, renderMessage } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import type { JobContext } from '../../jobs/index.ts';
import { missingKeys } from '../ingest.mapping.ts';
import * as imports from '../ingest.repo.ts';
import type { DatasetLookup } from '../ingest.service.ts';
import type { MappingService } from '../mapping.service.ts';
import type { HostPolicy } from './host-policy.ts';
import { createPullFile } from './pull-file.ts';
import { pullHttp } from './pull-http.ts';
import { pullPostgres } from './pull-postgres.ts';
import { httpSettings, postgresSettings, type SourceSecrets, type StoredConfig } from './sources.config.ts';
import * as repo from './sources.repo.ts';

const MAX_ATTEMPTS = 3;

/**
 * The body of an `ingest.pull` job: pull the source into an NDJSON file, make an ordinary import
 * of it and run the import pipeline, so rejects, reports, progress and resume all apply. A retry
 * after a crash finds the import this job already made and resumes it rather than pulling again.
 * The watermark moves only when the import has succeeded.
 */
export function createPullRunner(deps: {
  db: Db;
  ledger: Ledger;
  datasets: DatasetLookup;
  mappings: MappingService;
  run: (importId: string, progress: (read: number) => Promise<void>) => Promise<unknown>;
  uploadDir: string;
  policy: HostPolicy;
  secretsOf: (row: repo.SourceRow) => SourceSecrets;
}) {
  const { db, ledger, datasets, mappings, policy } = deps;

  /** Pulls into a file and records the import; null when there was nothing new. */
  async function fetch(src: repo.SourceRow, ctx: JobContext<{ sourceId: string; by: repo.RunBy }>) {
    const ds = await datasets.findDatasetById(src.dataset_id);
    if (ds?.status !== 'published') {
      throw new AppError('wrong_status', { status: ds?.status ?? 'missing', need: 'published' });
    }
    const config = src.config as StoredConfig;
    const secrets = deps.secretsOf(src);
    const file = createPullFile(deps.uploadDir);
    const watermark = src.watermark_column ? { column: src.watermark_column, after: src.watermark } : null;
    const options = {
      policy,
      watermark,
      file,
      progress: (n: number) => ctx.progress(n, null, `已拉取 ${n} 条记录 / ${n} records pulled`),
    };
    let pulled: Awaited<ReturnType<typeof file.finish>>;
    let newMark: string | null;
    try {
      const r =
        config.kind === 'postgres'
          ? await pullPostgres(postgresSettings(config, secrets), options)
          : await pullHttp(httpSettings(config, secrets), options);
      newMark = r.watermark;
      if (file.records === 0) {
        file.abort();
        return null;
      }
      pulled = await file.finish();
    } catch (e) {
      file.abort();
      throw e;
    }
    const mapping = await mappings.propose(ds.id, pulled.header, ds.fields);
    const missing = missingKeys(mapping, ds.fields);
    const problem =
      missing.length > 0
        ? new AppError('key_columns_missing', { fields: missing.join('、') })
        : watermark && !pulled.header.includes(watermark.column)
          ? new AppError('source_config_invalid', {
              reason_zh: `记录中没有增量字段「${watermark.column}」`,
              reason_en: `the records have no watermark column "${watermark.column}"`,
            })
          : null;
    if (problem) {
      rmSync(pulled.path, { force: true });
      throw problem;
    }
    const by = ctx.payload.by;
    const actor = { ...by, roles: [], areaCode: '', areaPath: '' } as SignedInActor;
    return db.transaction().execute(async (trx) => {
      const imp = await imports.insertImport(trx, {
        id: newId(),
        dataset_id: ds.id,
        dataset_code: ds.code,
        org_id: ds.ownerOrgId,
        created_by: by.id,
        created_by_name: by.name,
        file_name: `pull:${src.name}`,
        file_path: pulled.path,
        file_sha256: pulled.sha,
        file_bytes: pulled.bytes,
        format: 'ndjson',
        mode: src.mode,
        mapping,
        status: 'queued',
        error: null,
        job_id: ctx.id,
        source_id: src.id,
        watermark_to: newMark,
      });
      await repo.setRun(trx, src.id, ctx.id, { last_run_records: pulled.records, last_import_id: imp.id });
      await ledger.record(
        {
          actor,
          action: 'ingest.import',
          result: 'ok',
          dataset: ds.code,
          details: {
            import: imp.id,
            source: src.id,
            records: pulled.records,
            mode: src.mode,
            sha256: pulled.sha,
          },
        },
        trx,
      );
      return imp;
    });
  }

  const failed = (src: repo.SourceRow, jobId: string, zh: string, en: string) =>
    repo.setRun(db, src.id, jobId, {
      last_run_status: 'failed',
      last_run_finished_at: new Date(),
      last_error_zh: zh,
      last_error_en: en,
    });

  return {
    async pull(ctx: JobContext<{ sourceId: string; by: repo.RunBy }>) {
      const src = await repo.findSource(db, ctx.payload.sourceId);
      if (!src) return { skipped: 'the source was deleted' };
      try {
        let imp = await repo.findImportOfJob(db, ctx.id);
        if (!imp) {
          await repo.setRun(db, src.id, ctx.id, { last_run_status: 'running' });
          const made = await fetch(src, ctx);
          if (!made) {
            await repo.setRun(db, src.id, ctx.id, {
              last_run_status: 'succeeded',
              last_run_finished_at: new Date(),
              last_run_records: 0,
            });
            return { records: 0 };
          }
          imp = made;
        }
        await deps.run(imp.id, (n) => ctx.progress(n, null, `已读取 ${n} 行 / ${n} rows read`));
        const done = (await imports.findImport(db, imp.id)) as imports.ImportRow;
        if (done.status === 'succeeded') {
          await repo.setRun(db, src.id, ctx.id, {
            last_run_status: 'succeeded',
            last_run_finished_at: new Date(),
            ...(done.watermark_to !== null ? { watermark: done.watermark_to, watermark_at: new Date() } : {}),
          });
        } else {
          // The import could not read the file it was given (its reason is in the report).
          const reason = done.error ?? done.status;
          await failed(src, ctx.id, reason, reason);
        }
        return { importId: imp.id, status: done.status };
      } catch (e) {
        if (e instanceof AppError) {
          // The source's answer or its settings are wrong: a retry would fail the same way (and
          // repeated bad logins can lock the account on the source), so the run ends here.
          await failed(src, ctx.id, renderMessage(e, 'zh-CN'), renderMessage(e, 'en'));
          return { error: e.code, message: renderMessage(e, 'en') };
        }
        if ((e as Error).message === 'cancelled' || ctx.signal.aborted) {
          await repo.setRun(db, src.id, ctx.id, {
            last_run_status: 'cancelled',
            last_run_finished_at: new Date(),
          });
        } else if (ctx.attempt >= MAX_ATTEMPTS) {
          const message = (e as Error).message ?? String(e);
          await failed(src, ctx.id, message, message);
        }
        throw e;
      }
    },
  };
}

export const PULL_MAX_ATTEMPTS = MAX_ATTEMPTS;
