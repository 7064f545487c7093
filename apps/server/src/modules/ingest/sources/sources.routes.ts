import {
  DataImportPage,
  DatasetIdParams,
  ImportListQuery,
  PullSource,
  PullSourceInput,
  PullSourceList,
  PullSourceUpdate,
  SourceParams,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../../platform/http/route-schema.ts';
import { pickLocale } from '../../../platform/locale.ts';
import type { SourcesService } from './sources.service.ts';

const tags = ['ingest'];

/** Pull sources of a dataset: settings (secrets masked), runs, and the imports they made. */
export const sourcesRoutes: FastifyPluginAsyncZod<{ sources: SourcesService }> = async (app, { sources }) => {
  const base = '/datasets/:id/sources';
  app.get(
    base,
    {
      schema: {
        tags,
        summary: '数据集的拉取数据源 / The dataset’s pull sources',
        params: DatasetIdParams,
        response: { 200: PullSourceList, ...problems },
      },
    },
    (req) => sources.listSources(req.actor, req.params.id, pickLocale(req.headers['accept-language'])),
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          '新建拉取数据源（PostgreSQL 或 HTTP JSON API，可定时拉取） / Add a pull source (PostgreSQL or HTTP JSON API, optionally on a schedule)',
        params: DatasetIdParams,
        body: PullSourceInput,
        response: { 201: PullSource, ...problems },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await sources.createSource(
            req.actor,
            req.params.id,
            req.body,
            pickLocale(req.headers['accept-language']),
          ),
        ),
  );
  app.get(
    `${base}/:sourceId`,
    {
      schema: {
        tags,
        summary: '拉取数据源 / A pull source',
        params: SourceParams,
        response: { 200: PullSource, ...problems },
      },
    },
    (req) =>
      sources.getSource(
        req.actor,
        req.params.id,
        req.params.sourceId,
        pickLocale(req.headers['accept-language']),
      ),
  );
  app.put(
    `${base}/:sourceId`,
    {
      schema: {
        tags,
        summary:
          '修改拉取数据源（密码与请求头值填 **** 表示保持不变；不传 schedule 则定时不变） / Change a pull source (**** keeps a stored password or header value; no `schedule` keeps the schedule)',
        params: SourceParams,
        body: PullSourceUpdate,
        response: { 200: PullSource, ...problems },
      },
    },
    (req) =>
      sources.updateSource(
        req.actor,
        req.params.id,
        req.params.sourceId,
        req.body,
        pickLocale(req.headers['accept-language']),
      ),
  );
  app.delete(
    `${base}/:sourceId`,
    {
      schema: {
        tags,
        summary: '删除拉取数据源（其导入记录保留） / Delete a pull source (its imports stay)',
        params: SourceParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await sources.deleteSource(req.actor, req.params.id, req.params.sourceId);
      return reply.code(204).send(null);
    },
  );
  app.post(
    `${base}/:sourceId/run`,
    {
      schema: {
        tags,
        summary:
          '立即拉取（后台任务，结果为一条普通导入） / Pull now (a background job that makes an ordinary import)',
        params: SourceParams,
        response: { 202: PullSource, ...problems },
      },
    },
    async (req, reply) =>
      reply
        .code(202)
        .send(
          await sources.runSource(
            req.actor,
            req.params.id,
            req.params.sourceId,
            pickLocale(req.headers['accept-language']),
          ),
        ),
  );
  app.get(
    `${base}/:sourceId/runs`,
    {
      schema: {
        tags,
        summary: '数据源各次拉取产生的导入 / The imports made by the source’s runs',
        params: SourceParams,
        querystring: ImportListQuery,
        response: { 200: DataImportPage, ...problems },
      },
    },
    (req) => sources.listRuns(req.actor, req.params.id, req.params.sourceId, req.query),
  );
};
