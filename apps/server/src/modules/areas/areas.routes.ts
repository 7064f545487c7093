import {
  Area,
  AreaCodeParams,
  AreaList,
  AreaNode,
  AreaPath,
  AreaSearchQuery,
  AreaSearchResult,
  AreaTreeQuery,
  CreateGridBody,
  Job,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../platform/http/route-schema.ts';
import type { AreasService } from './areas.service.ts';

const tags = ['areas'];
const CITY = '330100';

export const areasRoutes: FastifyPluginAsyncZod<{ areas: AreasService }> = async (app, { areas }) => {
  app.get(
    '/tree',
    {
      schema: {
        tags,
        summary: '行政区划树 / Area tree from a root, to a depth',
        querystring: AreaTreeQuery,
        response: { 200: AreaNode, ...problems },
      },
    },
    (req) => areas.tree(req.query.root ?? CITY, req.query.depth),
  );
  app.get(
    '/search',
    {
      schema: {
        tags,
        summary: '按名称搜索 / Search areas by name or code',
        querystring: AreaSearchQuery,
        response: { 200: AreaSearchResult, ...problems },
      },
    },
    async (req) => ({ items: await areas.search(req.query) }),
  );
  app.get(
    '/:code',
    {
      schema: {
        tags,
        summary: '区划详情 / Get an area',
        params: AreaCodeParams,
        response: { 200: Area, ...problems },
      },
    },
    (req) => areas.getArea(req.params.code),
  );
  app.get(
    '/:code/children',
    {
      schema: {
        tags,
        summary: '下级区划 / Children of an area',
        params: AreaCodeParams,
        response: { 200: AreaList, ...problems },
      },
    },
    async (req) => ({ items: await areas.listChildren(req.params.code) }),
  );
  app.get(
    '/:code/path',
    {
      schema: {
        tags,
        summary: '从市到该区划的路径 / Path from the city down to an area',
        params: AreaCodeParams,
        response: { 200: AreaPath, ...problems },
      },
    },
    async (req) => ({ items: await areas.getPath(req.params.code) }),
  );
  app.post(
    '/:code/grids',
    {
      schema: {
        tags,
        summary: '在社区下新建网格 / Create a grid under a community',
        params: AreaCodeParams,
        body: CreateGridBody,
        response: { 201: Area, ...problems },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await areas.createGrid(req.actor, req.params.code, req.body.name)),
  );
  app.post(
    '/import',
    {
      schema: {
        tags,
        summary: '重新导入行政区划参考数据（后台任务） / Re-import the reference divisions as a job',
        response: { 202: Job, ...problems },
      },
    },
    async (req, reply) => reply.code(202).send(await areas.startImport(req.actor)),
  );
};
