import { CkanActionParams, CkanBody, CkanEnvelope, CkanQuery } from '@shuzhi/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anonymous } from '../../platform/actor.ts';
import { type AppError, renderMessage } from '../../platform/errors.ts';
import { toAppError } from '../../platform/http/problem.ts';
import { pickLocale } from '../../platform/locale.ts';
import { openRateLimit } from './access/open-keys.hook.ts';
import type { CkanService } from './ckan.service.ts';
import type { UsageCounter } from './community/index.ts';

export type CkanRouteOptions = {
  ckan: CkanService;
  publicUrl: string | undefined;
  perMinute: number;
  /** Counts each dataset an action reads for the usage statistics. */
  usage: UsageCounter;
  /** The limit per minute of a caller presenting an API key. */
  keyedPerMinute: number;
};

const JSON_TYPE = 'application/json;charset=utf-8';

/** The site's address as clients reach it: the configured public URL, else the request's own. */
export const baseOf = (req: FastifyRequest, publicUrl: string | undefined) =>
  (publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');

const helpUrl = (base: string, action: string) =>
  `${base}/api/3/action/help_show?name=${encodeURIComponent(action)}`;

/** CKAN's error dicts and status codes (ckan/views/api.py) for the platform's errors. */
function ckanError(
  err: AppError,
  locale: 'zh-CN' | 'en',
): { status: number; error: Record<string, unknown> } {
  const message = renderMessage(err, locale);
  switch (err.code) {
    case 'ckan_search_query':
      return {
        status: 400,
        error: { __type: 'Search Query Error', message: `Search Query is invalid: ${message}` },
      };
    case 'ckan_param_invalid':
      return { status: 409, error: { [String(err.params.field)]: [message], __type: 'Validation Error' } };
    case 'open_sql_invalid':
      return { status: 409, error: { query: [message], __type: 'Validation Error' } };
    case 'api_key_invalid':
    case 'api_key_revoked':
      // Unlike CKAN's 403, a bad key is 401 across the platform's open APIs, so clients can tell it apart.
      return { status: 401, error: { __type: 'Authorization Error', message: `Access denied: ${message}` } };
    case 'validation_failed':
      return {
        status: 409,
        error: {
          ...Object.fromEntries((err.fieldErrors ?? []).map((f) => [f.field, [f.message]])),
          __type: 'Validation Error',
        },
      };
  }
  switch (err.kind) {
    case 'not_found':
      return { status: 404, error: { __type: 'Not Found Error', message: `Not found: ${message}` } };
    case 'forbidden':
    case 'unauthenticated':
      return { status: 403, error: { __type: 'Authorization Error', message: `Access denied: ${message}` } };
    case 'rate_limited':
      return { status: 429, error: { __type: 'Rate Limit Error', message } };
    case 'invalid':
      return { status: 409, error: { __type: 'Validation Error', message: [message] } };
    default:
      return { status: 500, error: { __type: 'Internal Server Error', message: 'Internal Server Error' } };
  }
}

/** CKAN's answer to a request it cannot read: status 400 and a bare JSON string. */
const badRequest = (reply: FastifyReply, extra: string) =>
  reply
    .code(400)
    .type(JSON_TYPE)
    .send(JSON.stringify(`Bad request - ${extra}`));

/**
 * CKAN Action API v3 at /api/3/action/{action} and /api/action/{action}, by GET (query string) and
 * POST (JSON or form body), answering with CKAN's envelope and CKAN's errors. Anonymous: only open
 * data is served here, whoever asks.
 */
export const ckanRoutes: FastifyPluginAsyncZod<CkanRouteOptions> = async (
  app,
  { ckan, publicUrl, perMinute, usage, keyedPerMinute },
) => {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const locale = pickLocale(req.headers['accept-language']);
    if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
      (error.validation && (error as { validationContext?: string }).validationContext === 'body')
    )
      return badRequest(reply, `JSON Error: ${error.message}`);
    const err = toAppError(error, locale);
    if (err.kind === 'internal') req.log.error({ err: error }, 'CKAN action failed');
    const action = (req.params as { action?: string } | undefined)?.action ?? '';
    const { status, error: body } = ckanError(err, locale);
    return reply
      .code(status)
      .type(JSON_TYPE)
      .send(JSON.stringify({ help: helpUrl(baseOf(req, publicUrl), action), success: false, error: body }));
  });

  const run = async (
    req: FastifyRequest,
    reply: FastifyReply,
    action: string,
    params: Record<string, unknown>,
  ) => {
    if (!ckan.has(action)) return badRequest(reply, `Action name not known: ${action}`);
    const base = baseOf(req, publicUrl);
    const path = req.url.split('?')[0] as string;
    const key = req.openKey;
    const count = (d: { id: string; code: string; owner_org_id: string }) => {
      key?.datasets.add(d.code);
      return usage.count('api', d);
    };
    const result = await ckan.call(action, params, { actor: anonymous, base, path, count, key });
    return reply.type(JSON_TYPE).send(JSON.stringify({ help: helpUrl(base, action), success: true, result }));
  };

  const schema = (method: 'GET' | 'POST') => ({
    tags: ['open'],
    summary:
      method === 'GET'
        ? 'CKAN Action API v3（查询参数）/ CKAN Action API v3 by query string'
        : 'CKAN Action API v3（JSON 请求体）/ CKAN Action API v3 by JSON body',
    description:
      '只读动作 / read actions: status_show, site_read, help_show, package_list, package_search, package_show, organization_list, organization_show, group_list, group_show, tag_list, resource_show, datastore_search, datastore_search_sql. 仅无条件开放的数据 / open data only. See docs/open-data.md.',
    security: [],
    params: CkanActionParams,
    response: { 200: CkanEnvelope, '4xx': CkanEnvelope.or(z.string()), '5xx': CkanEnvelope },
  });
  const config = { rateLimit: openRateLimit(perMinute, keyedPerMinute) };

  for (const prefix of ['/api/3/action', '/api/action']) {
    app.get(
      `${prefix}/:action`,
      { config, schema: { ...schema('GET'), querystring: CkanQuery } },
      async (req, reply) => run(req, reply, req.params.action, req.query),
    );
    app.post(
      `${prefix}/:action`,
      { config, schema: { ...schema('POST'), body: CkanBody.optional() } },
      async (req, reply) => run(req, reply, req.params.action, (req.body as Record<string, unknown>) ?? {}),
    );
  }
};
