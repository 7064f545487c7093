import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type ErrorKind, type FieldError, renderMessage } from '../errors.ts';
import { type Locale, pickLocale } from '../locale.ts';

const statusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
  too_large: 413,
  unsupported: 415,
  unavailable: 503,
  internal: 500,
};

const zhErrors = z.locales.zhCN().localeError;
const enErrors = z.locales.en().localeError;

type ValidationItem = {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
};

/** Zod's default messages are English; translate them for zh-CN, keep the schema's own messages. */
function fieldErrors(items: ValidationItem[], context: string | undefined, locale: Locale): FieldError[] {
  return items.map((v) => {
    const path = v.instancePath.replace(/^\//, '').split('/').filter(Boolean);
    const issue = { ...v.params, code: v.keyword, path, message: v.message } as never;
    const custom = v.message !== undefined && v.message !== enErrors(issue);
    const localised = locale === 'zh-CN' && !custom ? zhErrors(issue) : undefined;
    const message =
      (typeof localised === 'string' ? localised : localised?.message) ?? v.message ?? v.keyword;
    const where = context && context !== 'body' ? `${context === 'querystring' ? 'query' : context}.` : '';
    return { field: `${where}${path.join('.') || '(root)'}`, message };
  });
}

/** Turns any thrown error into an AppError, so clients only ever see stable codes. */
export function toAppError(error: FastifyError | Error, locale: Locale): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const errs = fieldErrors(fe.validation as ValidationItem[], fe.validationContext, locale);
    return new AppError('validation_failed', { fields: errs.map((e) => e.field).join(', ') }, errs);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', { limit: 'bodyLimit' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', { type: String(fe.message.split(': ').pop()) });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request', { reason: 'JSON' });
    case 'FST_ERR_VALIDATION':
      return new AppError('validation_failed', { fields: fe.message }, [
        { field: '(request)', message: fe.message },
      ]);
  }
  if (fe.statusCode === 429) return new AppError('rate_limited', { after: '1 min' });
  if (fe instanceof SyntaxError || fe.statusCode === 400)
    return new AppError('bad_request', { reason: 'syntax' });
  return new AppError('internal');
}

/** Sends an RFC 9457 problem document in the caller's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const locale = pickLocale(request.headers['accept-language']);
  const status = statusOf[err.kind];
  const title = renderMessage(new AppError(err.code, {}), 'en').replace(/[:：;].*$/, '');
  return reply
    .code(status)
    .type('application/problem+json')
    .header('content-language', locale)
    .send({
      type: `https://shuzhi.dev/problems/${err.code}`,
      title,
      status,
      detail: renderMessage(err, locale),
      code: err.code,
      instance: request.url,
      requestId: request.id,
      ...(err.fieldErrors ? { errors: err.fieldErrors } : {}),
    });
}

/** Installs the one error handler. No stack trace ever reaches a client. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const err = toAppError(error, pickLocale(request.headers['accept-language']));
    if (err.kind === 'internal') request.log.error({ err: error }, 'unhandled error');
    else if (err.code === 'bad_request') request.log.info({ reason: error.message }, 'bad request');
    return sendProblem(request, reply, err);
  });
}

/** The problem for a path no route serves. */
export const routeNotFound = (request: FastifyRequest, reply: FastifyReply) =>
  sendProblem(request, reply, new AppError('route_not_found', { method: request.method, url: request.url }));
