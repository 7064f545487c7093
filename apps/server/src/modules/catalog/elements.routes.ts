import {
  ConflictListQuery,
  ConflictPage,
  ConflictSummary,
  ConflictSummaryQuery,
  CreateElementBindingBody,
  DataElement,
  ElementBinding,
  ElementBindingParams,
  ElementCodeParams,
  ElementConflict,
  IdParams,
  Job,
  ResolveConflictBody,
  UpdateDataElementBody,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import type { CatalogFacade } from './index.ts';

const tags = ['catalog'];

/** Data elements' details, bindings and single-source (一数一源) conflicts, under /api/v1/catalog. */
export const elementsRoutes: FastifyPluginAsyncZod<{ catalog: CatalogFacade }> = async (app, { catalog }) => {
  app.get(
    '/elements/:code',
    {
      schema: {
        tags,
        summary: '数据元详情（含绑定的数据集） / A data element with its bindings',
        params: ElementCodeParams,
        response: { 200: DataElement, ...problems },
      },
    },
    (req) => catalog.elements.getElement(req.actor, req.params.code),
  );
  app.patch(
    '/elements/:code',
    {
      schema: {
        tags,
        summary: '修改数据元（名称、说明、主体标识） / Update a data element (names, subject key)',
        params: ElementCodeParams,
        body: UpdateDataElementBody,
        response: { 200: DataElement, ...problems },
      },
    },
    (req) => catalog.elements.updateElement(req.actor, req.params.code, req.body),
  );
  app.post(
    '/elements/:code/bindings',
    {
      schema: {
        tags,
        summary: '声明另一个数据集也承载该数据元 / Declare that another dataset carries the element',
        params: ElementCodeParams,
        body: CreateElementBindingBody,
        response: { 201: ElementBinding, ...problems },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await catalog.elements.addBinding(req.actor, req.params.code, req.body)),
  );
  app.delete(
    '/elements/:code/bindings/:bindingId',
    {
      schema: {
        tags,
        summary: '删除绑定（连同其冲突记录） / Remove a binding and its conflicts',
        params: ElementBindingParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await catalog.elements.removeBinding(req.actor, req.params.code, req.params.bindingId);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/elements/:code/check',
    {
      schema: {
        tags,
        summary: '立即比对该数据元的各来源（后台任务） / Check the element for conflicts now (a job)',
        params: ElementCodeParams,
        response: { 202: Job, ...problems },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await catalog.conflicts.startCheck(req.actor, req.params.code)),
  );
  app.get(
    '/conflicts',
    {
      schema: {
        tags,
        summary:
          '一数一源冲突（本机构参与的；每次读取记入审计账本） / Source conflicts involving your organisation (each read is in the ledger)',
        querystring: ConflictListQuery,
        response: { 200: ConflictPage, ...problems },
      },
    },
    (req) => catalog.conflicts.listConflicts(req.actor, req.query),
  );
  app.get(
    '/conflicts/summary',
    {
      schema: {
        tags,
        summary: '冲突统计（按数据元、数据集） / Conflict counts per element and dataset',
        querystring: ConflictSummaryQuery,
        response: { 200: ConflictSummary, ...problems },
      },
    },
    (req) => catalog.conflicts.summary(req.actor, req.query),
  );
  app.post(
    '/conflicts/:id/resolve',
    {
      schema: {
        tags,
        summary: '标记冲突已处理（附说明） / Mark a conflict resolved with a note',
        params: IdParams,
        body: ResolveConflictBody,
        response: { 200: ElementConflict, ...problems },
      },
    },
    (req) => catalog.conflicts.resolve(req.actor, req.params.id, req.body.note),
  );
};
