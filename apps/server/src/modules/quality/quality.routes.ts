import {
  CreateRuleBody,
  DashboardQuery,
  DatasetIdParams,
  DatasetQuality,
  HistoryQuery,
  QualityDashboard,
  QualityRule,
  QualityRuleList,
  QualityRun,
  QualityRunDetail,
  QualityRunPage,
  RuleIdParams,
  RunListQuery,
  UpdateRuleBody,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import { complaintsRoutes } from './complaints.routes.ts';
import type { QualityFacade } from './index.ts';

const tags = ['quality'];

/** Rules, runs, problem lists and the dashboard; complaints and the calendar in complaints.routes.ts. */
export const qualityRoutes: FastifyPluginAsyncZod<{ quality: QualityFacade }> = async (app, { quality }) => {
  const q = quality.service;
  app.get(
    '/dashboard',
    {
      schema: {
        tags,
        summary: '数据质量看板（各机构及数据集评分、趋势、问题分布、申诉） / Quality dashboard',
        querystring: DashboardQuery,
        response: { 200: QualityDashboard, ...problems },
      },
    },
    (req) => quality.dashboard(req.actor, req.query),
  );
  app.get(
    '/datasets/:id',
    {
      schema: {
        tags,
        summary: '数据集质量评分与历史 / A dataset’s scores and their history',
        params: DatasetIdParams,
        querystring: HistoryQuery,
        response: { 200: DatasetQuality, ...problems },
      },
    },
    (req) => q.datasetQuality(req.actor, req.params.id, req.query.days),
  );
  app.get(
    '/datasets/:id/rules',
    {
      schema: {
        tags,
        summary: '数据集的质量规则 / The dataset’s quality rules',
        params: DatasetIdParams,
        response: { 200: QualityRuleList, ...problems },
      },
    },
    (req) => q.listRules(req.actor, req.params.id),
  );
  app.post(
    '/datasets/:id/rules',
    {
      schema: {
        tags,
        summary:
          '新建质量规则（自定义 SQL 仅限平台管理员） / Create a rule (custom SQL: platform admin only)',
        params: DatasetIdParams,
        body: CreateRuleBody,
        response: { 201: QualityRule, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await q.createRule(req.actor, req.params.id, req.body)),
  );
  app.post(
    '/datasets/:id/rules/suggest',
    {
      schema: {
        tags,
        summary: '按字段补充建议规则 / Add the suggested default rules it lacks',
        params: DatasetIdParams,
        response: { 200: QualityRuleList, ...problems },
      },
    },
    (req) => q.suggest(req.actor, req.params.id),
  );
  app.patch(
    '/rules/:id',
    {
      schema: {
        tags,
        summary: '修改规则（启用/停用、级别、参数） / Change a rule',
        params: RuleIdParams,
        body: UpdateRuleBody,
        response: { 200: QualityRule, ...problems },
      },
    },
    (req) => q.updateRule(req.actor, req.params.id, req.body),
  );
  app.delete(
    '/rules/:id',
    {
      schema: {
        tags,
        summary: '删除规则 / Delete a rule',
        params: RuleIdParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await q.deleteRule(req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/datasets/:id/runs',
    {
      schema: {
        tags,
        summary: '立即检查（后台任务） / Check the dataset now (a job)',
        params: DatasetIdParams,
        response: { 202: QualityRun, ...problems },
      },
    },
    async (req, reply) => reply.code(202).send(await q.startRun(req.actor, req.params.id)),
  );
  app.get(
    '/datasets/:id/runs',
    {
      schema: {
        tags,
        summary: '检查记录 / The dataset’s runs, newest first',
        params: DatasetIdParams,
        querystring: RunListQuery,
        response: { 200: QualityRunPage, ...problems },
      },
    },
    (req) => q.listRuns(req.actor, req.params.id, req.query),
  );
  app.get(
    '/datasets/:id/problems',
    {
      schema: {
        tags,
        summary:
          '最近一次检查的问题清单（含样例行，记入审计账本） / The latest run’s problems with sample rows',
        params: DatasetIdParams,
        response: { 200: QualityRunDetail.nullable(), ...problems },
      },
    },
    (req) => q.latestProblems(req.actor, req.params.id),
  );
  app.get(
    '/runs/:id',
    {
      schema: {
        tags,
        summary: '一次检查的结果与样例行（记入审计账本） / A run’s results with sample rows',
        params: z.object({ id: z.uuid() }),
        response: { 200: QualityRunDetail, ...problems },
      },
    },
    (req) => q.getRun(req.actor, req.params.id),
  );
  await app.register(complaintsRoutes, { quality });
};
