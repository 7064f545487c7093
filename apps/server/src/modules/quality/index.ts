import type { Dataset } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { JobsService } from '../jobs/index.ts';
import { createCalendarService } from './calendar.service.ts';
import { createComplaintsService } from './complaints.service.ts';
import { createDashboard } from './quality.dashboard.ts';
import type { ConsistencyBinding } from './quality.evaluate.ts';
import { createRunner } from './quality.runner.ts';
import { createScheduler } from './quality.schedule.ts';
import { createQualityService } from './quality.service.ts';

export { addWorkingDays, type Calendar, chinaDay, isWorkingDay } from './calendar.ts';
export { type ComplaintsService, createComplaintsService } from './complaints.service.ts';
export { qualityMigrations } from './migrations/index.ts';
export type { ConsistencyBinding } from './quality.evaluate.ts';
export { creditCodeVerdict, mobileVerdict, residentIdVerdict } from './quality.formats.ts';
export { qualityRoutes } from './quality.routes.ts';
export { QUALITY_RUN_JOB } from './quality.runner.ts';
export { QUALITY_SCHEDULE_JOB } from './quality.schedule.ts';
export type { QualityTables } from './quality.tables.ts';

export type QualityDeps = {
  db: Db;
  jobs: JobsService;
  ledger: Ledger;
  datasets: {
    getDataset: (actor: Actor, id: string) => Promise<Dataset>;
    findDatasetById: (id: string) => Promise<Dataset | undefined>;
    /** Every published dataset, for the scheduler. */
    listPublished: () => Promise<Dataset[]>;
  };
  /** 一数一源 bindings where a dataset is the non-authoritative side, with their open conflicts. */
  consistency: (datasetId: string) => Promise<ConsistencyBinding[]>;
  orgNames: (ids: string[]) => Promise<Map<string, string>>;
  settings: { sqlTimeoutMs: number; scheduleMinutes: number; complaintDays: number; salt: string };
  now?: () => Date;
};

/**
 * The quality module (数据质量): rules per field, runs after imports and on schedule, scores per
 * dataset and organisation, problem lists, complaints with working-day deadlines, the dashboard.
 */
export function createQuality(deps: QualityDeps) {
  const { db, jobs, ledger, datasets, settings } = deps;
  // The runner starts the schedule after its first run (a platform with data to check needs one);
  // the scheduler queues runs: each needs the other.
  let ensureSchedule = async () => {};
  const runner = createRunner({
    db,
    jobs,
    findDataset: datasets.findDatasetById,
    consistency: deps.consistency,
    sqlTimeoutMs: settings.sqlTimeoutMs,
    afterRun: () => ensureSchedule(),
  });
  const scheduler = createScheduler({
    db,
    jobs,
    runner,
    listPublished: datasets.listPublished,
    everyMinutes: settings.scheduleMinutes,
    now: deps.now,
  });
  ensureSchedule = () => scheduler.ensure();
  const service = createQualityService({
    db,
    ledger,
    runner,
    getDataset: datasets.getDataset,
    findDataset: datasets.findDatasetById,
    boundToElement: async (id) => (await deps.consistency(id)).length > 0,
    salt: settings.salt,
    sqlTimeoutMs: settings.sqlTimeoutMs,
  });
  const complaints = createComplaintsService({
    db,
    ledger,
    runner,
    getDataset: datasets.getDataset,
    findDataset: datasets.findDatasetById,
    orgNames: deps.orgNames,
    workingDays: settings.complaintDays,
    salt: settings.salt,
    now: deps.now,
  });
  const calendar = createCalendarService({ db, ledger });
  const dashboard = createDashboard({
    db,
    complaints,
    findDataset: datasets.findDatasetById,
    orgNames: deps.orgNames,
  });

  return {
    service,
    complaints,
    calendar,
    dashboard,
    runner,
    scheduler,
    /** After a successful import: queue a run of the dataset (runs waiting already are shared). */
    async afterImport(datasetId: string): Promise<void> {
      const ds = await datasets.findDatasetById(datasetId);
      if (ds?.status === 'published') await runner.enqueue(ds, 'import', null);
    },
    /** Starts the recurring schedule unless it runs already: at every server start. */
    ensureSchedule: () => scheduler.ensure(),
  };
}

export type QualityFacade = ReturnType<typeof createQuality>;
