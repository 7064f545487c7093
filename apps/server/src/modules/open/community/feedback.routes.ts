import {
  CommentReplyBody,
  DatasetComment,
  DatasetCommentBody,
  DatasetCommentListQuery,
  DatasetCommentPage,
  DatasetRatingSummary,
  HideCommentBody,
  IdParams,
  OpenDatasetCodeParams,
  PutDatasetRatingBody,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../../platform/http/route-schema.ts';
import type { FeedbackService } from './feedback.service.ts';

const tags = ['open'];

/** Ratings and comments written per IP in ten minutes. */
export const WRITES_PER_10_MIN = 30;

/** Ratings and comments on open datasets, under /api/v1/open. */
export const feedbackRoutes: FastifyPluginAsyncZod<{ feedback: FeedbackService; perMinute: number }> = async (
  app,
  { feedback, perMinute },
) => {
  const read = { rateLimit: { max: perMinute, timeWindow: '1 minute' } };
  const write = { rateLimit: { max: WRITES_PER_10_MIN, timeWindow: '10 minutes' } };
  app.get(
    '/datasets/:code/rating',
    {
      config: read,
      schema: {
        tags,
        summary: '数据集评分（平均分、人数、分布）/ A dataset’s rating: average, count, distribution',
        security: [],
        params: OpenDatasetCodeParams,
        response: { 200: DatasetRatingSummary, ...problems },
      },
    },
    (req) => feedback.rating(req.actor, req.params.code),
  );
  app.put(
    '/datasets/:code/rating',
    {
      config: write,
      schema: {
        tags,
        summary: '评分 1–5 星（每人每数据集一个，可修改）/ Rate 1–5 (one per user, changeable)',
        params: OpenDatasetCodeParams,
        body: PutDatasetRatingBody,
        response: { 200: DatasetRatingSummary, ...problems },
      },
    },
    (req) => feedback.rate(req.actor, req.params.code, req.body.stars),
  );
  app.delete(
    '/datasets/:code/rating',
    {
      config: write,
      schema: {
        tags,
        summary: '撤回我的评分 / Withdraw my rating',
        params: OpenDatasetCodeParams,
        response: { 200: DatasetRatingSummary, ...problems },
      },
    },
    (req) => feedback.unrate(req.actor, req.params.code),
  );
  app.get(
    '/datasets/:code/comments',
    {
      config: read,
      schema: {
        tags,
        summary: '数据集评论及所属机构回复 / Comments on a dataset, with the owner’s replies',
        security: [],
        params: OpenDatasetCodeParams,
        querystring: DatasetCommentListQuery,
        response: { 200: DatasetCommentPage, ...problems },
      },
    },
    (req) => feedback.listComments(req.actor, req.params.code, req.query),
  );
  app.post(
    '/datasets/:code/comments',
    {
      config: write,
      schema: {
        tags,
        summary: '发表评论 / Comment on a dataset',
        params: OpenDatasetCodeParams,
        body: DatasetCommentBody,
        response: { 201: DatasetComment, ...problems },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await feedback.comment(req.actor, req.params.code, req.body.text)),
  );
  app.post(
    '/comments/:id/reply',
    {
      config: write,
      schema: {
        tags,
        summary: '回复评论（数据集所属机构的数据专员）/ Reply (the owner’s data officer)',
        params: IdParams,
        body: CommentReplyBody,
        response: { 200: DatasetComment, ...problems },
      },
    },
    (req) => feedback.reply(req.actor, req.params.id, req.body.text),
  );
  app.post(
    '/comments/:id/hide',
    {
      schema: {
        tags,
        summary: '隐藏评论并说明理由（平台管理员）/ Hide a comment, with a reason (admin)',
        params: IdParams,
        body: HideCommentBody,
        response: { 200: DatasetComment, ...problems },
      },
    },
    (req) => feedback.hide(req.actor, req.params.id, req.body.reason),
  );
};
