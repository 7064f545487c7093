import {
  DataImport,
  DatasetIdParams,
  DatasetMapping,
  DatasetMappingInput,
  ImportIdParams,
  ImportMappingInput,
  ImportPreview,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../platform/http/route-schema.ts';
import { pickLocale } from '../../platform/locale.ts';
import type { MappingService } from './mapping.service.ts';

const tags = ['ingest'];

/** The dataset's saved column mapping, and the mapping step of staged imports. */
export const mappingRoutes: FastifyPluginAsyncZod<{ mappings: MappingService }> = async (
  app,
  { mappings },
) => {
  app.get(
    '/datasets/:id/mapping',
    {
      schema: {
        tags,
        summary: '数据集保存的列映射 / The dataset’s saved column mapping',
        params: DatasetIdParams,
        response: { 200: DatasetMapping, ...problems },
      },
    },
    (req) => mappings.getDatasetMapping(req.actor, req.params.id),
  );
  app.put(
    '/datasets/:id/mapping',
    {
      schema: {
        tags,
        summary:
          '保存数据集的列映射（文件列 → 字段，null 表示不导入） / Save the dataset’s column mapping (file column → field, null: not imported)',
        params: DatasetIdParams,
        body: DatasetMappingInput,
        response: { 200: DatasetMapping, ...problems },
      },
    },
    (req) => mappings.putDatasetMapping(req.actor, req.params.id, req.body.mapping),
  );
  app.get(
    '/imports/:importId/preview',
    {
      schema: {
        tags,
        summary: '待确认导入的表头、映射与前 20 行预览 / A staged import’s header, mapping and first 20 rows',
        params: ImportIdParams,
        response: { 200: ImportPreview, ...problems },
      },
    },
    (req) => mappings.getPreview(req.actor, req.params.importId, pickLocale(req.headers['accept-language'])),
  );
  app.put(
    '/imports/:importId/mapping',
    {
      schema: {
        tags,
        summary:
          '修改待确认导入的列映射（可另存为数据集映射），返回新的预览 / Change a staged import’s mapping (optionally saving it for the dataset); answers the new preview',
        params: ImportIdParams,
        body: ImportMappingInput,
        response: { 200: ImportPreview, ...problems },
      },
    },
    (req) =>
      mappings.setImportMapping(
        req.actor,
        req.params.importId,
        req.body,
        pickLocale(req.headers['accept-language']),
      ),
  );
  app.post(
    '/imports/:importId/start',
    {
      schema: {
        tags,
        summary: '开始待确认的导入（加入任务队列） / Start a staged import (queue its job)',
        params: ImportIdParams,
        response: { 200: DataImport, 202: DataImport, ...problems },
      },
    },
    async (req, reply) => {
      const r = await mappings.start(req.actor, req.params.importId);
      return reply.code(r.repeated ? 200 : 202).send(r.import);
    },
  );
};
