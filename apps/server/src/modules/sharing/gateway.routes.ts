import {
  ShareBatch,
  ShareBatchBody,
  ShareListQuery,
  ShareRecord,
  ShareRecords,
  ShareVerify,
  ShareVerifyBody,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { problems } from '../../platform/http/route-schema.ts';
import type { Gateway } from './gateway.service.ts';
import { datasetOpenApi } from './openapi.ts';

const tags = ['sharing gateway'];
/**
 * Answers are built by the gateway from the grant's fields, so they are serialised as they are: the
 * response schemas document them, validating each answer again would cost the hot path (ADR 0009).
 */
const serializerCompiler = () => (data: unknown) => JSON.stringify(data);
const security = [{ bearer: [] }];
const Code = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,39}$/, 'code: 3–40 letters, digits, _ . -'),
});

/** The sharing gateway: each shared dataset's data APIs, called by apps with a client-credentials token. */
export const gatewayRoutes: FastifyPluginAsyncZod<{ gateway: Gateway; publicUrl?: string }> = async (
  app,
  { gateway, publicUrl },
) => {
  app.get(
    '/:code/lookup',
    {
      serializerCompiler,
      schema: {
        tags,
        summary: '按键查询一条记录 / One record by key',
        security,
        params: Code,
        querystring: z.record(z.string(), z.string()),
        response: { 200: ShareRecord, ...problems },
      },
    },
    (req) => gateway.lookup(req.actor, req.params.code, req.query),
  );
  app.get(
    '/:code/records',
    {
      serializerCompiler,
      schema: {
        tags,
        summary: '按条件分页查询 / Records by filter, paged',
        security,
        params: Code,
        querystring: ShareListQuery,
        response: { 200: ShareRecords, ...problems },
      },
    },
    (req) => gateway.records(req.actor, req.params.code, req.query),
  );
  app.post(
    '/:code/batch',
    {
      serializerCompiler,
      schema: {
        tags,
        summary: '批量按键查询 / Records for up to 100 keys',
        security,
        params: Code,
        body: ShareBatchBody,
        response: { 200: ShareBatch, ...problems },
      },
    },
    (req) => gateway.batch(req.actor, req.params.code, req.body.keys),
  );
  app.post(
    '/:code/verify',
    {
      serializerCompiler,
      schema: {
        tags,
        summary: '核验（逐字段是/否）/ Verify values field by field',
        security,
        params: Code,
        body: ShareVerifyBody,
        response: { 200: ShareVerify, ...problems },
      },
    },
    (req) => gateway.verify(req.actor, req.params.code, req.body),
  );
  app.get(
    '/:code/openapi.json',
    {
      schema: {
        tags,
        summary: '数据集共享接口的 OpenAPI 描述 / The dataset’s OpenAPI description',
        params: Code,
      },
    },
    async (req) => {
      if (req.actor.kind === 'anonymous') throw new AppError('unauthenticated');
      const ds = await gateway.dataset(req.params.code);
      return datasetOpenApi(ds, publicUrl ?? `${req.protocol}://${req.host}`);
    },
  );
};
