import { ChangesPage, ChangesQuery, DatasetIdParams } from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../platform/http/route-schema.ts';
import type { FeedService } from './feed.service.ts';

export const datastoreRoutes: FastifyPluginAsyncZod<{ feed: FeedService }> = async (app, { feed }) => {
  app.get(
    '/datasets/:id/changes',
    {
      schema: {
        tags: ['datastore'],
        summary:
          '变更订阅：游标之后变化的记录（含删除），按变化顺序 / Change feed: records changed (and deleted) after a cursor, in order',
        params: DatasetIdParams,
        querystring: ChangesQuery,
        response: { 200: ChangesPage, ...problems },
      },
    },
    async (req) => feed.changes(req.actor, req.params.id, req.query),
  );
};
