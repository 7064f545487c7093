import { DcatDatasetParams, DcatFormatParams, OpenDownloadParams } from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import { openRateLimit } from './access/open-keys.hook.ts';
import { baseOf } from './ckan.routes.ts';
import type { UsageCounter } from './community/index.ts';
import { DOWNLOAD_TYPES } from './open.download.ts';
import type { OpenService, RdfFormat } from './open.service.ts';

export type OpenRouteOptions = {
  open: OpenService;
  publicUrl: string | undefined;
  perMinute: number;
  /** Counts downloads for the usage statistics. */
  usage: UsageCounter;
  /** The limit per minute of a caller presenting an API key. */
  keyedPerMinute: number;
};

const RDF_TYPE: Record<RdfFormat, string> = {
  jsonld: 'application/ld+json; charset=utf-8',
  ttl: 'text/turtle; charset=utf-8',
};
const tags = ['open'];
const rdf = { 200: z.string(), ...problems };

/** Downloads and DCAT under /api/v1/open (register with that prefix). */
export const openRoutes: FastifyPluginAsyncZod<OpenRouteOptions> = async (
  app,
  { open, publicUrl, perMinute, usage, keyedPerMinute },
) => {
  const config = { rateLimit: openRateLimit(perMinute, keyedPerMinute) };
  app.get(
    '/datasets/:code/download.:format',
    {
      config,
      schema: {
        tags,
        summary:
          '下载开放数据集（CSV、JSON 或 XLSX，流式）/ Download an open dataset (CSV, JSON or XLSX, streamed)',
        security: [],
        params: OpenDownloadParams,
        response: { 200: z.any(), ...problems },
      },
    },
    async (req, reply) => {
      const { filename, stream, conditional } = await open.download(
        req.actor,
        req.params.code,
        req.params.format,
        req.openKey,
      );
      // The public usage statistics count unconditionally open data; an API key's counters count the rest.
      if (!conditional) await usage.countCode('download', req.params.code);
      return reply
        .type(DOWNLOAD_TYPES[req.params.format])
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(stream);
    },
  );
  app.get(
    '/dcat/catalog.:format',
    {
      config,
      schema: {
        tags,
        summary: 'DCAT-AP 3 开放数据目录 / DCAT-AP 3 catalogue',
        security: [],
        params: DcatFormatParams,
        response: rdf,
      },
    },
    async (req, reply) =>
      reply
        .type(RDF_TYPE[req.params.format])
        .send(await open.catalog(baseOf(req, publicUrl), req.params.format)),
  );
};

/** The stable DCAT addresses outside /api: /catalog.{jsonld,ttl} and /dataset/{name}.{jsonld,ttl}. */
export const dcatRoutes: FastifyPluginAsyncZod<OpenRouteOptions> = async (
  app,
  { open, publicUrl, perMinute },
) => {
  const config = { rateLimit: { max: perMinute, timeWindow: '1 minute' } };
  app.get(
    '/catalog.:format',
    {
      config,
      schema: {
        tags,
        summary: 'DCAT-AP 3 开放数据目录 / DCAT-AP 3 catalogue',
        security: [],
        params: DcatFormatParams,
        response: rdf,
      },
    },
    async (req, reply) =>
      reply
        .type(RDF_TYPE[req.params.format])
        .send(await open.catalog(baseOf(req, publicUrl), req.params.format)),
  );
  app.get(
    '/dataset/:name.:format',
    {
      config,
      schema: {
        tags,
        summary: '单个开放数据集的 DCAT-AP 3 描述 / DCAT-AP 3 description of one open dataset',
        security: [],
        params: DcatDatasetParams,
        response: rdf,
      },
    },
    async (req, reply) =>
      reply
        .type(RDF_TYPE[req.params.format])
        .send(await open.dataset(baseOf(req, publicUrl), req.params.name, req.params.format)),
  );
};
