import { IdParams, Job, JobListQuery, JobPage } from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../platform/http/route-schema.ts';
import type { JobsService } from './jobs.service.ts';

const tags = ['jobs'];

export const jobsRoutes: FastifyPluginAsyncZod<{ jobs: JobsService }> = async (app, { jobs }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: '任务列表 / List jobs',
        querystring: JobListQuery,
        response: { 200: JobPage, ...problems },
      },
    },
    (req) => jobs.listJobs(req.actor, req.query),
  );
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: '任务详情 / Get a job',
        params: IdParams,
        response: { 200: Job, ...problems },
      },
    },
    (req) => jobs.getJob(req.actor, req.params.id),
  );
  app.post(
    '/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消任务 / Cancel a job',
        params: IdParams,
        response: { 200: Job, ...problems },
      },
    },
    (req) => jobs.cancel(req.actor, req.params.id),
  );
};
