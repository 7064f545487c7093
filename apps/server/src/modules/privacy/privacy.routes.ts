import {
  DatasetIdParams,
  DpBudget,
  DpQueryBody,
  DpRelease,
  DpReleaseList,
  KanonCheck,
  KanonCheckList,
  PageQuery,
  PrivacySettings,
  PutDpBudgetBody,
  PutQuasiIdentifiersBody,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import type { DpService } from './dp/dp.service.ts';
import type { KanonService } from './kanon/kanon.service.ts';
import { psiRoutes } from './psi/psi.routes.ts';
import type { PsiService } from './psi/psi.service.ts';

type Opts = { kanon: KanonService; dp: DpService; psi: PsiService; maxKeys: number };
const CheckParams = z.object({ id: z.uuid(), checkId: z.uuid() });

/** Dataset routes: quasi-identifiers, k-anonymity checks, DP budget and releases. */
const datasetRoutes: FastifyPluginAsyncZod<Opts> = async (app, { kanon, dp }) => {
  const tags = ['privacy'];
  app.get(
    '/datasets/:id/settings',
    {
      schema: {
        tags,
        summary:
          '隐私设置：准标识符与可用的泛化 / Privacy settings: quasi-identifiers and their generalisations',
        params: DatasetIdParams,
        response: { 200: PrivacySettings, ...problems },
      },
    },
    (req) => kanon.getSettings(req.actor, req.params.id),
  );
  app.put(
    '/datasets/:id/quasi-identifiers',
    {
      schema: {
        tags,
        summary: '标记准标识符 / Mark the quasi-identifiers',
        params: DatasetIdParams,
        body: PutQuasiIdentifiersBody,
        response: { 200: PrivacySettings, ...problems },
      },
    },
    (req) => kanon.putQuasiIdentifiers(req.actor, req.params.id, req.body),
  );
  app.post(
    '/datasets/:id/kanon/checks',
    {
      schema: {
        tags,
        summary: '检查 k-匿名（后台任务） / Check k-anonymity (a background job)',
        params: DatasetIdParams,
        response: { 202: KanonCheck, ...problems },
      },
    },
    async (req, reply) => reply.code(202).send(await kanon.startCheck(req.actor, req.params.id)),
  );
  app.get(
    '/datasets/:id/kanon/checks',
    {
      schema: {
        tags,
        summary: '最近的 k-匿名检查 / Recent k-anonymity checks',
        params: DatasetIdParams,
        response: { 200: KanonCheckList, ...problems },
      },
    },
    (req) => kanon.listChecks(req.actor, req.params.id),
  );
  app.get(
    '/datasets/:id/kanon/checks/:checkId',
    {
      schema: {
        tags,
        summary: '一次 k-匿名检查的报告 / One k-anonymity check’s report',
        params: CheckParams,
        response: { 200: KanonCheck, ...problems },
      },
    },
    (req) => kanon.getCheck(req.actor, req.params.id, req.params.checkId),
  );
  app.get(
    '/datasets/:id/dp/budget',
    {
      schema: {
        tags,
        summary: '差分隐私预算 / Differential privacy budget',
        params: DatasetIdParams,
        response: { 200: DpBudget, ...problems },
      },
    },
    (req) => dp.getBudget(req.actor, req.params.id),
  );
  app.put(
    '/datasets/:id/dp/budget',
    {
      schema: {
        tags,
        summary: '设置 ε 总预算 / Set the total ε budget',
        params: DatasetIdParams,
        body: PutDpBudgetBody,
        response: { 200: DpBudget, ...problems },
      },
    },
    (req) => dp.putBudget(req.actor, req.params.id, req.body),
  );
  app.post(
    '/datasets/:id/dp/releases',
    {
      schema: {
        tags,
        summary: '发布差分隐私统计（花费 ε） / Release a differentially private statistic (spends ε)',
        params: DatasetIdParams,
        body: DpQueryBody,
        response: { 201: DpRelease, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await dp.release(req.actor, req.params.id, req.body)),
  );
  app.get(
    '/datasets/:id/dp/releases',
    {
      schema: {
        tags,
        summary: '已发布的统计 / Released statistics',
        params: DatasetIdParams,
        querystring: PageQuery,
        response: { 200: DpReleaseList, ...problems },
      },
    },
    (req) => dp.listReleases(req.actor, req.params.id, req.query),
  );
};

export const privacyRoutes: FastifyPluginAsyncZod<Opts> = async (app, { kanon, dp, psi, maxKeys }) => {
  // Only the services go on: passing the whole options would repeat this plugin's prefix.
  const opts = { kanon, dp, psi, maxKeys };
  await app.register(datasetRoutes, opts);
  await app.register(psiRoutes, opts);
};
