import { OpenCodeParams, RecordsPage, RecordsQuery } from '@shuzhi/contracts';
import { problems } from '../../../platform/http/route-schema.ts';
import type { ZodApp } from './applications.routes.ts';
import type { OpenAccessFacade } from './index.ts';
import { openRateLimit } from './open-keys.hook.ts';

/** The records API of open datasets: `GET /api/v1/open/datasets/{code}/records`. */
export function recordsRoutes(
  app: ZodApp,
  access: OpenAccessFacade,
  limits: { perMinute: number; keyedPerMinute: number },
): void {
  app.get(
    '/datasets/:code/records',
    {
      config: { rateLimit: openRateLimit(limits.perMinute, limits.keyedPerMinute) },
      schema: {
        tags: ['open'],
        summary:
          '开放数据集的记录（有条件开放的数据需 API 密钥和已批准的申请）/ Records of an open dataset (conditionally open ones need an API key and an approved application)',
        description:
          '`filters`: JSON object of field: value or field: [values]; `fields`: comma-separated names. Conditionally open data arrives masked per field grading. See docs/open-data.md.',
        security: [{ apiKey: [] }, {}],
        params: OpenCodeParams,
        querystring: RecordsQuery,
        response: { 200: RecordsPage, ...problems },
      },
    },
    (req) => access.records.records(req.actor, req.openKey, req.params.code, req.query),
  );
}
