import {
  CatalogExportQuery,
  CatalogImportResult,
  CreateDataElementBody,
  CreateDatasetBody,
  DataElement,
  DataElementList,
  Dataset,
  DatasetSearchQuery,
  DatasetSearchResult,
  DatasetVersions,
  IdParams,
  ReviewBody,
  UpdateDatasetBody,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import { elementsRoutes } from './elements.routes.ts';
import type { CatalogFacade } from './index.ts';

const tags = ['catalog'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const catalogRoutes: FastifyPluginAsyncZod<{ catalog: CatalogFacade }> = async (app, { catalog }) => {
  // Spreadsheet uploads arrive as raw bytes; JSON keeps Fastify's own parser.
  app.addContentTypeParser(XLSX, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.get(
    '/datasets',
    {
      schema: {
        tags,
        summary:
          '检索数据目录（资源/共享/开放三类视图） / Search the catalog (resource, share and open views)',
        querystring: DatasetSearchQuery,
        response: { 200: DatasetSearchResult, ...problems },
      },
    },
    (req) => catalog.search(req.actor, req.query),
  );
  app.post(
    '/datasets',
    {
      schema: {
        tags,
        summary: '新建数据集（草稿） / Create a dataset (draft)',
        body: CreateDatasetBody,
        response: { 201: Dataset, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await catalog.service.createDataset(req.actor, req.body)),
  );
  app.get(
    '/datasets/:id',
    {
      schema: {
        tags,
        summary: '数据集详情 / Get a dataset',
        params: IdParams,
        response: { 200: Dataset, ...problems },
      },
    },
    (req) => catalog.service.getDataset(req.actor, req.params.id),
  );
  app.patch(
    '/datasets/:id',
    {
      schema: {
        tags,
        summary: '修改数据集 / Update a dataset',
        params: IdParams,
        body: UpdateDatasetBody,
        response: { 200: Dataset, ...problems },
      },
    },
    (req) => catalog.service.updateDataset(req.actor, req.params.id, req.body),
  );
  const lifecycle = [
    ['submit', '提交审核 / Submit for review'],
    ['approve', '审核通过并发布 / Approve and publish'],
    ['reject', '驳回 / Reject back to draft'],
    ['retire', '退役 / Retire'],
  ] as const;
  for (const [action, summary] of lifecycle) {
    app.post(
      `/datasets/:id/${action}`,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          body: ReviewBody.optional(),
          response: { 200: Dataset, ...problems },
        },
      },
      (req) => {
        const comment = req.body?.comment ?? '';
        if (action === 'submit') return catalog.service.submit(req.actor, req.params.id);
        if (action === 'approve') return catalog.service.approve(req.actor, req.params.id, comment);
        if (action === 'reject') return catalog.service.reject(req.actor, req.params.id, comment);
        return catalog.service.retire(req.actor, req.params.id);
      },
    );
  }
  app.get(
    '/datasets/:id/versions',
    {
      schema: {
        tags,
        summary: '版本历史 / Version history',
        params: IdParams,
        response: { 200: DatasetVersions, ...problems },
      },
    },
    (req) => catalog.service.listVersions(req.actor, req.params.id),
  );
  app.get(
    '/export',
    {
      schema: {
        tags,
        summary: '导出目录（JSON 或 XLSX） / Export the catalog as JSON or XLSX',
        querystring: CatalogExportQuery,
        response: { 200: z.any(), ...problems },
      },
    },
    async (req, reply) => {
      const file = await catalog.exportCatalog(req.actor, req.query.view, req.query.format);
      const name = `shuzhi-catalog-${req.query.view}.${req.query.format}`;
      return reply
        .type(req.query.format === 'xlsx' ? XLSX : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(file);
    },
  );
  app.post(
    '/import',
    {
      schema: {
        tags,
        summary:
          '导入目录（JSON 数组或 XLSX，全部校验通过才导入） / Import entries (JSON array or XLSX; all or nothing)',
        body: z.any(),
        response: { 200: CatalogImportResult, ...problems },
      },
    },
    (req) => catalog.importFile(req.actor, req.body, req.headers['content-type'] ?? ''),
  );
  app.get(
    '/elements',
    {
      schema: {
        tags,
        summary: '数据元（一数一源） / Data elements',
        response: { 200: DataElementList, ...problems },
      },
    },
    (req) => catalog.elements.listElements(req.actor),
  );
  app.post(
    '/elements',
    {
      schema: {
        tags,
        summary: '声明数据元及其权威来源 / Declare a data element and its authoritative source',
        body: CreateDataElementBody,
        response: { 201: DataElement, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await catalog.elements.createElement(req.actor, req.body)),
  );
  await app.register(elementsRoutes, { catalog });
};
