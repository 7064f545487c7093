import {
  IdParams,
  ShareAnswerBody,
  ShareAppList,
  ShareApproveBody,
  ShareAskBody,
  ShareableDataset,
  ShareGrant,
  ShareGrantList,
  ShareGrantQuery,
  ShareReasonBody,
  ShareRequest,
  ShareRequestBody,
  ShareRequestList,
  ShareRequestQuery,
  ShareUsage,
  ShareUsageQuery,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import type { GrantsService } from './grants.service.ts';
import type { RequestsService } from './requests.service.ts';

const tags = ['sharing'];
const Code = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,39}$/, 'code: 3–40 letters, digits, _ . -'),
});

/** Requests, decisions, grants and usage of sharing between departments (staff sessions). */
export const sharingRoutes: FastifyPluginAsyncZod<{
  requests: RequestsService;
  grants: GrantsService;
}> = async (app, { requests: r, grants: g }) => {
  const verb = (
    path: string,
    summary: string,
    body: z.ZodType | undefined,
    run: (actor: Parameters<RequestsService['get']>[0], id: string, body: never) => Promise<unknown>,
  ) =>
    app.post(
      `/requests/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          ...(body ? { body } : {}),
          response: { 200: ShareRequest, ...problems },
        },
      },
      (req) => run(req.actor, req.params.id, req.body as never) as Promise<ShareRequest>,
    );

  app.get(
    '/apps',
    {
      schema: {
        tags,
        summary: '本单位的应用 / My organisation’s apps',
        response: { 200: ShareAppList, ...problems },
      },
    },
    (req) => r.apps(req.actor),
  );
  app.get(
    '/datasets/:code',
    {
      schema: {
        tags,
        summary: '申请表所需的共享数据集 / A shared dataset as the request form shows it',
        params: Code,
        response: { 200: ShareableDataset, ...problems },
      },
    },
    (req) => r.shareable(req.actor, req.params.code),
  );
  app.post(
    '/requests',
    {
      schema: {
        tags,
        summary: '申请共享数据 / Request another department’s data',
        body: ShareRequestBody,
        response: { 201: ShareRequest, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await r.create(req.actor, req.body)),
  );
  app.get(
    '/requests',
    {
      schema: {
        tags,
        summary: '共享申请（我方申请、待我审批、全部）/ Sharing requests by side',
        querystring: ShareRequestQuery,
        response: { 200: ShareRequestList, ...problems },
      },
    },
    (req) => r.list(req.actor, req.query),
  );
  app.get(
    '/requests/:id',
    {
      schema: {
        tags,
        summary: '一份共享申请 / One sharing request',
        params: IdParams,
        response: { 200: ShareRequest, ...problems },
      },
    },
    (req) => r.get(req.actor, req.params.id),
  );
  verb(
    'approve',
    '批准（可缩小范围）/ Approve, possibly narrower',
    ShareApproveBody,
    (a, id, b: z.infer<typeof ShareApproveBody>) => r.approve(a, id, b),
  );
  verb(
    'reject',
    '驳回 / Reject with a reason',
    ShareReasonBody,
    (a, id, b: z.infer<typeof ShareReasonBody>) => r.reject(a, id, b.reason),
  );
  verb(
    'ask',
    '要求补充材料 / Ask the consumer for more',
    ShareAskBody,
    (a, id, b: z.infer<typeof ShareAskBody>) => r.ask(a, id, b.question),
  );
  verb(
    'answer',
    '补充材料 / Answer the approver',
    ShareAnswerBody,
    (a, id, b: z.infer<typeof ShareAnswerBody>) => r.answer(a, id, b.answer),
  );
  verb('withdraw', '撤回申请 / Withdraw the request', undefined, (a, id) => r.withdraw(a, id));
  app.get(
    '/grants',
    {
      schema: {
        tags,
        summary: '共享授权 / Sharing grants by side',
        querystring: ShareGrantQuery,
        response: { 200: ShareGrantList, ...problems },
      },
    },
    (req) => g.list(req.actor, req.query.side),
  );
  app.post(
    '/grants/:id/revoke',
    {
      schema: {
        tags,
        summary: '撤销授权（下一次调用即生效）/ Revoke a grant (the next call is refused)',
        params: IdParams,
        body: ShareReasonBody,
        response: { 200: ShareGrant, ...problems },
      },
    },
    (req) => g.revoke(req.actor, req.params.id, req.body.reason),
  );
  app.get(
    '/usage',
    {
      schema: {
        tags,
        summary: '共享使用情况 / Sharing usage',
        querystring: ShareUsageQuery,
        response: { 200: ShareUsage, ...problems },
      },
    },
    (req) => g.usage(req.actor, req.query.side, req.query.days),
  );
};
