import { OpenDatasetCodeParams, OpenOrgParams, OpenUsageReport } from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../../platform/http/route-schema.ts';
import type { UsageService } from './usage.service.ts';

const tags = ['open'];

/**
 * Usage statistics of open data, under /api/v1/open: per dataset and per organisation. The portal's
 * home figures are the portal summary's (/api/v1/open/portal/summary), which reads these counters.
 */
export const usageRoutes: FastifyPluginAsyncZod<{ usage: UsageService; perMinute: number }> = async (
  app,
  { usage, perMinute },
) => {
  const config = { rateLimit: { max: perMinute, timeWindow: '1 minute' } };
  app.get(
    '/datasets/:code/usage',
    {
      config,
      schema: {
        tags,
        summary: '数据集近 30 天及累计的浏览、下载、接口调用 / A dataset’s views, downloads, API calls',
        security: [],
        params: OpenDatasetCodeParams,
        response: { 200: OpenUsageReport, ...problems },
      },
    },
    (req) => usage.datasetUsage(req.params.code),
  );
  app.post(
    '/datasets/:code/views',
    {
      config,
      schema: {
        tags,
        summary: '记录一次数据集页面浏览（门户调用）/ Count a view of a dataset page (the portal calls it)',
        security: [],
        params: OpenDatasetCodeParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await usage.countCode('view', req.params.code);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/orgs/:id/usage',
    {
      config,
      schema: {
        tags,
        summary: '机构开放数据近 30 天及累计使用量 / An organisation’s open data usage',
        security: [],
        params: OpenOrgParams,
        response: { 200: OpenUsageReport, ...problems },
      },
    },
    (req) => usage.orgUsage(req.params.id),
  );
};
