import type { Readable } from 'node:stream';
import {
  DataImport,
  DataImportPage,
  DatasetIdParams,
  ImportIdParams,
  ImportListQuery,
  ImportQuery,
  RejectedRowPage,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import { pickLocale } from '../../platform/locale.ts';
import type { IngestService } from './ingest.service.ts';

const tags = ['ingest'];

export const ingestRoutes: FastifyPluginAsyncZod<{ ingest: IngestService }> = async (app, { ingest }) => {
  // Uploads are streamed to disk as they arrive, whatever their type: no parser buffers them.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

  app.post(
    '/datasets/:id/imports',
    {
      schema: {
        tags,
        summary:
          '上传文件导入数据集（原始文件作为请求体） / Upload a file into a dataset (raw file as the body)',
        params: DatasetIdParams,
        querystring: ImportQuery,
        body: z.any(),
        response: { 200: DataImport, 202: DataImport, ...problems },
      },
    },
    async (req, reply) => {
      const r = await ingest.startImport(req.actor, req.params.id, {
        body: req.body as Readable,
        fileName: req.query.filename,
        mode: req.query.mode,
      });
      return reply.code(r.repeated ? 200 : 202).send(r.import);
    },
  );
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
