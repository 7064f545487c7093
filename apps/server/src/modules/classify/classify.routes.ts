import type { Readable } from 'node:stream';
import {
  ClassifyFileQuery,
  ClassifyRun,
  ClassifyRunBody,
  ClassifyRunParams,
  ConfirmClassifyBody,
  DatasetIdParams,
  FileClassification,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import type { ClassifyService } from './classify.service.ts';
import { columnsOf } from './classify-file.ts';

const tags = ['classify'];

// Files stream through the detector as they arrive: in their own scope, where no parser buffers them.
const fileRoutes: FastifyPluginAsyncZod<{ classify: ClassifyService }> = async (files, { classify }) => {
  files.removeAllContentTypeParsers();
  files.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
  files.post(
    '/files',
    {
      schema: {
        tags,
        summary:
          '识别文件中的个人与敏感数据（原始文件作为请求体） / Detect personal data in a file (raw file as the body)',
        description:
          'The same array as `shuzhi classify FILE --json`. Headers `x-suggested-level` (the dataset level ' +
          'the columns together suggest), `x-rows-examined` and `x-rows-skipped` tell the rest.',
        querystring: ClassifyFileQuery,
        body: z.any(),
        response: { 200: FileClassification, ...problems },
      },
    },
    async (req, reply) => {
      const r = await classify.classifyUpload(req.actor, {
        body: req.body as Readable,
        fileName: req.query.filename,
        sample: req.query.sample,
      });
      return reply
        .header('x-suggested-level', r.level)
        .header('x-rows-examined', String(r.rowsExamined))
        .header('x-rows-skipped', String(r.rowsSkipped))
        .send(columnsOf(r));
    },
  );
};

export const classifyRoutes: FastifyPluginAsyncZod<{ classify: ClassifyService }> = async (
  app,
  { classify },
) => {
  await app.register(fileRoutes, { classify });

  app.post(
    '/datasets/:id/runs',
    {
      schema: {
        tags,
        summary:
          '抽样识别数据集已载入数据中的个人信息 / Detect personal data in a sample of a dataset’s rows',
        params: DatasetIdParams,
        body: ClassifyRunBody,
        response: { 201: ClassifyRun, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await classify.runDataset(req.actor, req.params.id, req.body)),
  );
  app.get(
    '/datasets/:id/runs/latest',
    {
      schema: {
        tags,
        summary: '最新的识别建议 / The latest suggestion',
        params: DatasetIdParams,
        response: { 200: ClassifyRun, ...problems },
      },
    },
    (req) => classify.latestRun(req.actor, req.params.id),
  );
  app.post(
    '/datasets/:id/runs/:runId/confirm',
    {
      schema: {
        tags,
        summary:
          '确认或修正字段敏感度与数据集分级（写入目录新版本） / Confirm or correct sensitivities and the level (a new catalog version)',
        params: ClassifyRunParams,
        body: ConfirmClassifyBody,
        response: { 200: ClassifyRun, ...problems },
      },
    },
    (req) => classify.confirm(req.actor, req.params.id, req.params.runId, req.body),
  );
};
