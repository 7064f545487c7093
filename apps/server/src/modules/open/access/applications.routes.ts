import {
  ApplicableDataset,
  Application,
  ApplicationList,
  ApplyBody,
  ApproveBody,
  IdParams,
  InboxQuery,
  OpenCodeParams,
  RejectBody,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../../platform/http/route-schema.ts';
import type { OpenAccessFacade } from './index.ts';

export type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

const tags = ['open'];
const session = [{ openSession: [] }];

/** Applications for conditionally open data: the applicant's side and the owner's inbox. */
export function applicationRoutes(app: ZodApp, access: OpenAccessFacade): void {
  const s = access.applications;
  app.get(
    '/access/datasets/:code',
    {
      schema: {
        tags,
        summary: '申请表所需的数据集信息 / A dataset as the application form shows it',
        security: [],
        params: OpenCodeParams,
        response: { 200: ApplicableDataset, ...problems },
      },
    },
    (req) => s.applicable(req.params.code),
  );
  app.post(
    '/access/applications',
    {
      schema: {
        tags,
        summary: '申请使用有条件开放的数据 / Apply for conditionally open data',
        security: session,
        body: ApplyBody,
        response: { 201: Application, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await s.apply(req.openAccount, req.body)),
  );
  app.get(
    '/access/applications',
    {
      schema: {
        tags,
        summary: '我的申请 / My applications',
        security: session,
        response: { 200: ApplicationList, ...problems },
      },
    },
    (req) => s.mine(req.openAccount),
  );
  app.get(
    '/access/applications/:id',
    {
      schema: {
        tags,
        summary: '我的一份申请 / One of my applications',
        security: session,
        params: IdParams,
        response: { 200: Application, ...problems },
      },
    },
    (req) => s.getMine(req.openAccount, req.params.id),
  );
  app.post(
    '/access/applications/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回待审核的申请 / Withdraw a pending application',
        security: session,
        params: IdParams,
        response: { 200: Application, ...problems },
      },
    },
    (req) => s.withdraw(req.openAccount, req.params.id),
  );

  app.get(
    '/access/inbox',
    {
      schema: {
        tags,
        summary: '待审核的使用申请（数据所属机构的数据专员）/ Applications to decide (owner’s data officer)',
        querystring: InboxQuery,
        response: { 200: ApplicationList, ...problems },
      },
    },
    (req) => s.inbox(req.actor, req.query),
  );
  app.get(
    '/access/inbox/:id',
    {
      schema: {
        tags,
        summary: '一份使用申请 / One application',
        params: IdParams,
        response: { 200: Application, ...problems },
      },
    },
    (req) => s.getForOwner(req.actor, req.params.id),
  );
  app.post(
    '/access/inbox/:id/approve',
    {
      schema: {
        tags,
        summary: '批准（可减少字段、缩短期限）/ Approve (possibly fewer fields, a shorter period)',
        params: IdParams,
        body: ApproveBody,
        response: { 200: Application, ...problems },
      },
    },
    (req) => s.approve(req.actor, req.params.id, req.body),
  );
  app.post(
    '/access/inbox/:id/reject',
    {
      schema: {
        tags,
        summary: '驳回并说明理由 / Reject with a reason',
        params: IdParams,
        body: RejectBody,
        response: { 200: Application, ...problems },
      },
    },
    (req) => s.reject(req.actor, req.params.id, req.body.reason),
  );
}
