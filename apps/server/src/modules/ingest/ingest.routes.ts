import type { Readable } from 'node:stream';
import {
  DataImport,
  DataImportPage,
  DatasetIdParams,
  ImportIdParams,
  ImportListQuery,
  ImportPreview,
  ImportQuery,
  RejectedRowPage,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import { pickLocale } from '../../platform/locale.ts';
import type { IngestService } from './ingest.service.ts';
import { mappingRoutes } from './mapping.routes.ts';
import { sourcesRoutes } from './sources/sources.routes.ts';

const tags = ['ingest'];

const uploadRoutes: FastifyPluginAsyncZod<{ ingest: IngestService }> = async (app, { ingest }) => {
  // Uploads are streamed to disk as they arrive, whatever their type: no parser buffers them.
  // (In a scope of their own, so the other routes keep their JSON bodies.)
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

  app.post(
    '/datasets/:id/imports',
    {
      schema: {
        tags,
        summary:
          '上传文件导入数据集（原始文件作为请求体；stage=true 先预览并确认列映射） / Upload a file into a dataset (raw file as the body; stage=true to check the column mapping on a preview first)',
        params: DatasetIdParams,
        querystring: ImportQuery,
        body: z.any(),
        response: { 200: DataImport, 201: ImportPreview, 202: DataImport, ...problems },
      },
    },
    async (req, reply) => {
      const upload = { body: req.body as Readable, fileName: req.query.filename, mode: req.query.mode };
      if (req.query.stage) {
        const staged = await ingest.stageImport(
          req.actor,
          req.params.id,
          upload,
          pickLocale(req.headers['accept-language']),
        );
        return reply.code(201).send(staged);
      }
      const r = await ingest.startImport(req.actor, req.params.id, upload);
      return reply.code(r.repeated ? 200 : 202).send(r.import);
    },
  );
};

export const ingestRoutes: FastifyPluginAsyncZod<{ ingest: IngestService }> = async (app, { ingest }) => {
  await app.register(uploadRoutes, { ingest });
  await app.register(mappingRoutes, { mappings: ingest.mappings });
  await app.register(sourcesRoutes, { sources: ingest.sources });
  app.get(
    '/datasets/:id/imports',
    {
      schema: {
        tags,
        summary: '导入记录 / Imports of a dataset',
        params: DatasetIdParams,
        querystring: ImportListQuery,
        response: { 200: DataImportPage, ...problems },
      },
    },
    (req) => ingest.listImports(req.actor, req.params.id, req.query),
  );
  app.get(
    '/imports/:importId',
    {
      schema: {
        tags,
        summary: '导入进度与结果 / An import’s progress and report',
        params: ImportIdParams,
        response: { 200: DataImport, ...problems },
      },
    },
    (req) => ingest.getImport(req.actor, req.params.importId),
  );
  app.get(
    '/imports/:importId/rejects',
    {
      schema: {
        tags,
        summary: '被拒绝的行及原因 / Rejected rows with reasons',
        params: ImportIdParams,
        querystring: ImportListQuery,
        response: { 200: RejectedRowPage, ...problems },
      },
    },
    (req) =>
      ingest.listRejects(
        req.actor,
        req.params.importId,
        req.query,
        pickLocale(req.headers['accept-language']),
      ),
  );
  app.get(
    '/imports/:importId/rejects.csv',
    {
      schema: {
        tags,
        summary: '下载被拒绝的行（CSV） / Download rejected rows (CSV)',
        params: ImportIdParams,
        response: { 200: z.any(), ...problems },
      },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rejects-${req.params.importId}.csv"`)
        .send(
          await ingest.rejectsCsv(req.actor, req.params.importId, pickLocale(req.headers['accept-language'])),
        ),
  );
  app.post(
    '/imports/:importId/cancel',
    {
      schema: {
        tags,
        summary: '取消导入 / Cancel an import',
        params: ImportIdParams,
        response: { 200: DataImport, ...problems },
      },
    },
    (req) => ingest.cancelImport(req.actor, req.params.importId),
  );
};
