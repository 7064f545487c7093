import {
  AnswerDataRequestBody,
  AskDataRequestBody,
  AssignDataRequestBody,
  DataRequest,
  DataRequestContact,
  DataRequestInboxQuery,
  DataRequestListQuery,
  DataRequestPage,
  IdParams,
  RejectDataRequestBody,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../../platform/http/route-schema.ts';
import type { RequestsService } from './requests.service.ts';

const tags = ['open'];

/** Requests per IP and hour: enough for a person, too few for a flood. */
export const ASK_PER_HOUR = 10;

/** 点单式开放 under /api/v1/open/requests: public reading and asking, the owner's inbox and answers. */
export const requestsRoutes: FastifyPluginAsyncZod<{ requests: RequestsService; perMinute: number }> = async (
  app,
  { requests, perMinute },
) => {
  const read = { rateLimit: { max: perMinute, timeWindow: '1 minute' } };
  app.post(
    '/requests',
    {
      config: { rateLimit: { max: ASK_PER_HOUR, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: '提出数据开放需求（匿名须留邮箱）/ Ask for data not yet open (anonymous: give an e-mail)',
        security: [],
        body: AskDataRequestBody,
        response: { 201: DataRequest, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await requests.ask(req.actor, req.body)),
  );
  app.get(
    '/requests',
    {
      config: read,
      schema: {
        tags,
        summary: '公开的数据需求及答复 / Data requests and their answers (public)',
        security: [],
        querystring: DataRequestListQuery,
        response: { 200: DataRequestPage, ...problems },
      },
    },
    (req) => requests.list(req.actor, req.query),
  );
  app.get(
    '/requests/inbox',
    {
      schema: {
        tags,
        summary: '本机构待指派、待答复的需求（数据专员；平台管理员看全部）/ The owner’s inbox',
        querystring: DataRequestInboxQuery,
        response: { 200: DataRequestPage, ...problems },
      },
    },
    (req) => requests.inbox(req.actor, req.query),
  );
  app.get(
    '/requests/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '数据需求详情 / A data request',
        security: [],
        params: IdParams,
        response: { 200: DataRequest, ...problems },
      },
    },
    (req) => requests.get(req.actor, req.params.id),
  );
  app.post(
    '/requests/:id/assign',
    {
      schema: {
        tags,
        summary: '指派给数据所属机构（平台管理员，或建议机构的数据专员）/ Route to the owning organisation',
        params: IdParams,
        body: AssignDataRequestBody,
        response: { 200: DataRequest, ...problems },
      },
    },
    (req) => requests.assign(req.actor, req.params.id, req.body.orgId),
  );
  app.post(
    '/requests/:id/answer',
    {
      schema: {
        tags,
        summary: '答复：将开放 / 已开放 / 不能开放（被指派机构的数据专员）/ Answer (assigned owner)',
        params: IdParams,
        body: AnswerDataRequestBody,
        response: { 200: DataRequest, ...problems },
      },
    },
    (req) => requests.answer(req.actor, req.params.id, req.body),
  );
  app.post(
    '/requests/:id/reject',
    {
      schema: {
        tags,
        summary: '作为垃圾或滥用信息撤下（平台管理员）/ Withdraw as spam or abuse (admin)',
        params: IdParams,
        body: RejectDataRequestBody,
        response: { 200: DataRequest, ...problems },
      },
    },
    (req) => requests.reject(req.actor, req.params.id, req.body.reason),
  );
  app.get(
    '/requests/:id/contact',
    {
      schema: {
        tags,
        summary:
          '需求人的联系方式（被指派机构的数据专员、平台管理员；记入审计账本）/ The requester’s contact',
        params: IdParams,
        response: { 200: DataRequestContact, ...problems },
      },
    },
    (req) => requests.contact(req.actor, req.params.id),
  );
};
