export { jobsRoutes } from './jobs.routes.ts';
export { createJobsService, type JobContext, type JobHandler, type JobsService } from './jobs.service.ts';
export type { JobsTables } from './jobs.tables.ts';
export { createWorker } from './jobs.worker.ts';
export { jobsMigrations } from './migrations/index.ts';
