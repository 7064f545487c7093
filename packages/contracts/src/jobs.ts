import { z } from 'zod';
import { PageQuery, page } from './common.ts';

export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof JobStatus>;

export const Job = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: JobStatus,
  progress: z.object({
    done: z.number().int(),
    total: z.number().int().nullable(),
    message: z.string().nullable(),
  }),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  error: z.string().nullable(),
  result: z.unknown().nullable(),
  cancelRequested: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;
export const JobPage = page(Job);
export const JobListQuery = PageQuery.extend({
  status: JobStatus.optional(),
  kind: z.string().max(60).optional(),
});
