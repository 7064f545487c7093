import {
  PortalDatasetParams,
  PortalDatasetProfile,
  PortalDatasetStats,
  PortalOrganization,
  PortalOrgParams,
  PortalSearchQuery,
  PortalSearchResult,
  PortalSummary,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../../platform/http/route-schema.ts';
import type { OpenPortal } from './portal.service.ts';

export type PortalRouteOptions = { portal: OpenPortal; perMinute: number };

const tags = ['open'];

/**
 * The open-data portal's public reads under /api/v1/open/portal (register with that prefix). Downloads
 * are the open module's: /api/v1/open/datasets/{code}/download.{csv,json,xlsx}.
 */
export const openPortalRoutes: FastifyPluginAsyncZod<PortalRouteOptions> = async (
  app,
  { portal, perMinute },
) => {
  const config = { rateLimit: { max: perMinute, timeWindow: '1 minute' } };
  app.get(
    '/summary',
    {
      config,
      schema: {
        tags,
        summary: '开放数据门户首页：数据集、接口、记录、机构、下载数与主题 / Portal home figures and themes',
        security: [],
        response: { 200: PortalSummary, ...problems },
      },
    },
    () => portal.summary(),
  );
  app.get(
    '/datasets',
    {
      config,
      schema: {
        tags,
        summary:
          '检索无条件与有条件开放的数据集（机构、主题、格式、开放类型、更新频率、分级分面）/ Search listed datasets with facets',
        security: [],
        querystring: PortalSearchQuery,
        response: { 200: PortalSearchResult, ...problems },
      },
    },
    (req) => portal.search(req.query),
  );
  app.get(
    '/datasets/:name',
    {
      config,
      schema: {
        tags,
        summary:
          '数据集的元数据、字段、质量评分与更新记录（有条件开放的不含数据）/ Metadata, fields, quality and history of a listed dataset',
        security: [],
        params: PortalDatasetParams,
        response: { 200: PortalDatasetProfile, ...problems },
      },
    },
    (req) => portal.profile(req.params.name),
  );
  app.get(
    '/datasets/:name/stats',
    {
      config,
      schema: {
        tags,
        summary:
          '无条件开放数据集的数值字段统计（不含个人或敏感字段）/ Numeric field statistics of an unconditionally open dataset',
        security: [],
        params: PortalDatasetParams,
        response: { 200: PortalDatasetStats, ...problems },
      },
    },
    (req) => portal.stats(req.params.name),
  );
  app.get(
    '/organizations',
    {
      config,
      schema: {
        tags,
        summary: '开放数据的机构及其数据集数 / Organisations with listed datasets, and how many',
        security: [],
        response: { 200: z.array(PortalOrganization), ...problems },
      },
    },
    () => portal.organizations(),
  );
  app.get(
    '/organizations/:name',
    {
      config,
      schema: {
        tags,
        summary: '一个开放数据的机构 / One organisation with listed datasets',
        security: [],
        params: PortalOrgParams,
        response: { 200: PortalOrganization, ...problems },
      },
    },
    (req) => portal.organization(req.params.name),
  );
};
