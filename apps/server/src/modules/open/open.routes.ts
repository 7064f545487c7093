import { Readable } from 'node:stream';
import { DcatDatasetParams, DcatFormatParams, OpenDownloadParams } from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import { baseOf } from './ckan.routes.ts';
import type { OpenService, RdfFormat } from './open.service.ts';

export type OpenRouteOptions = { open: OpenService; publicUrl: string | undefined; perMinute: number };

const RDF_TYPE: Record<RdfFormat, string> = {
  jsonld: 'application/ld+json; charset=utf-8',
  ttl: 'text/turtle; charset=utf-8',
};
const tags = ['open'];
const rdf = { 200: z.string(), ...problems };

/** Downloads and DCAT under /api/v1/open (register with that prefix). */
export const openRoutes: FastifyPluginAsyncZod<OpenRouteOptions> = async (
  app,
  { open, publicUrl, perMinute },
) => {
  const config = { rateLimit: { max: perMinute, timeWindow: '1 minute' } };
  app.get(
    '/datasets/:code/download.:format',
    {
      config,
      schema: {
        tags,
        summary: '下载开放数据集（CSV 或 JSON，流式）/ Download an open dataset (CSV or JSON, streamed)',
        security: [],
        params: OpenDownloadParams,
        response: { 200: z.any(), ...problems },
      },
    },
    async (req, reply) => {
      const { filename, chunks } = await open.download(req.actor, req.params.code, req.params.format);
      return reply
        .type(req.params.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(Readable.from(chunks));
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
