import type { PullSource } from '@shuzhi/contracts';
import { systemActor } from '../../../platform/actor.ts';
import type { Locale } from '../../../platform/locale.ts';
import type { JobsService } from '../../jobs/index.ts';
import { publicConfig, type StoredConfig } from './sources.config.ts';
import type * as repo from './sources.repo.ts';

export const ACTIVE_RUN = ['queued', 'running'];

/** A source as the API answers it: secrets masked, its last run and its schedule as they really are. */
export function createSourceView(deps: { jobs: JobsService }) {
  const { jobs } = deps;
  const jobStatus = async (id: string) => (await jobs.getJob(systemActor, id).catch(() => null))?.status;

  /** A run the row says is active but whose job has ended (cancelled while queued, worker gone). */
  async function runStatus(row: repo.SourceRow) {
    if (!row.last_job_id || !row.last_run_status || !ACTIVE_RUN.includes(row.last_run_status))
      return row.last_run_status;
    const job = await jobStatus(row.last_job_id);
    if (!job) return 'failed';
    return ACTIVE_RUN.includes(job) ? row.last_run_status : job;
  }

  /** Null when no run waits: no schedule, switched off, or the due run is under way. */
  async function nextRunAt(row: repo.SourceRow): Promise<string | null> {
    if (!row.schedule?.enabled || !row.next_run_at || !row.schedule_job_id) return null;
    return (await jobStatus(row.schedule_job_id)) === 'queued' ? row.next_run_at.toISOString() : null;
  }

  async function toSource(row: repo.SourceRow, locale: Locale): Promise<PullSource> {
    const status = await runStatus(row);
    const next = await nextRunAt(row);
    const en = locale === 'en';
    return {
      id: row.id,
      datasetId: row.dataset_id,
      datasetCode: row.dataset_code,
      name: row.name,
      mode: row.mode,
      watermarkColumn: row.watermark_column,
      watermark: row.watermark,
      watermarkAt: row.watermark_at?.toISOString() ?? null,
      config: publicConfig(row.config as StoredConfig),
      createdBy: row.created_by_name,
      createdAt: row.created_at.toISOString(),
      updatedBy: row.updated_by_name,
      updatedAt: row.updated_at.toISOString(),
      lastRun:
        row.last_job_id && status && row.last_run_at
          ? {
              status,
              jobId: row.last_job_id,
              startedAt: row.last_run_at.toISOString(),
              finishedAt: row.last_run_finished_at?.toISOString() ?? null,
              records: row.last_run_records === null ? null : Number(row.last_run_records),
              importId: row.last_import_id,
              error: (en ? row.last_error_en : row.last_error_zh) ?? null,
            }
          : null,
      schedule: row.schedule,
      nextRunAt: next,
      lastScheduledRun:
        row.scheduled_run_at && row.scheduled_status
          ? {
              at: row.scheduled_run_at.toISOString(),
              status: row.scheduled_status,
              importId: row.scheduled_import_id,
              error: (en ? row.scheduled_error_en : row.scheduled_error_zh) ?? null,
            }
          : null,
    };
  }

  return { runStatus, toSource };
}
