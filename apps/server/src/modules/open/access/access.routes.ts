import {
  ApiKey,
  ApiKeyList,
  ApiKeyName,
  ApiKeyUsage,
  CreatedApiKey,
  IdParams,
  OpenAccount,
  OpenEmailCode,
  OpenLoginBody,
  OpenSignedUp,
  OpenSignupBody,
  OpenVerifyEmailBody,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../../platform/http/route-schema.ts';
import { requireAccount } from './accounts.service.ts';
import { applicationRoutes } from './applications.routes.ts';
import type { OpenAccessFacade } from './index.ts';
import { recordsRoutes } from './records.routes.ts';

/** The public's session cookie: separate from staff sessions, which act for an organisation. */
export const OPEN_SESSION_COOKIE = 'shuzhi_open_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The member of the public signed in with an open data account, if any. */
    openAccount: import('@shuzhi/contracts').OpenAccount | null;
  }
}

export type OpenAccessRouteOptions = {
  access: OpenAccessFacade;
  /** Demo mode answers sign-up and resend with the e-mailed code, for visitors with no mailbox here. */
  demo: boolean;
  cookieSecure: boolean;
  loginPerMinute: number;
  perMinute: number;
  keyedPerMinute: number;
};

const tags = ['open'];
const session = [{ openSession: [] }];

/**
 * Open data access under /api/v1/open (register with that prefix): developer accounts and API keys
 * at /access/…, applications for conditionally open data and the owners' inbox, and the records API.
 */
export const openAccessRoutes: FastifyPluginAsyncZod<OpenAccessRouteOptions> = async (app, opts) => {
  const { access, demo, cookieSecure, loginPerMinute } = opts;
  const cookie = { path: '/', httpOnly: true, sameSite: 'lax', secure: cookieSecure } as const;
  const rateLimit = { max: loginPerMinute, timeWindow: '1 minute' };

  app.decorateRequest('openAccount', null);
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/api/v1/open/access/'))
      req.openAccount = await access.accounts.fromSession(req.cookies[OPEN_SESSION_COOKIE]);
  });

  app.post(
    '/access/signup',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary:
          '注册开放数据账号（验证码发往邮箱）/ Sign up for an open data account (a code goes to the e-mail)',
        security: [],
        body: OpenSignupBody,
        response: { 201: OpenSignedUp, ...problems },
      },
    },
    async (req, reply) => {
      const r = await access.accounts.signup(req.body);
      reply.setCookie(OPEN_SESSION_COOKIE, r.token, { ...cookie, expires: r.expiresAt });
      return reply.code(201).send({
        ...r.account,
        codeExpiresAt: r.code.expiresAt.toISOString(),
        ...(demo ? { demoCode: r.code.code } : {}),
      });
    },
  );
  app.post(
    '/access/verify-email',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: '用邮箱验证码验证邮箱 / Verify the e-mail with the code sent to it',
        security: session,
        body: OpenVerifyEmailBody,
        response: { 200: OpenAccount, ...problems },
      },
    },
    (req) => access.accounts.verifyEmail(req.openAccount, req.body.code),
  );
  app.post(
    '/access/verify-email/resend',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: '重新发送邮箱验证码（旧验证码作废）/ Send a new code (the old one stops working)',
        security: session,
        response: { 200: OpenEmailCode, ...problems },
      },
    },
    async (req) => {
      const { code, expiresAt } = await access.accounts.resendCode(req.openAccount);
      return { expiresAt: expiresAt.toISOString(), ...(demo ? { demoCode: code } : {}) };
    },
  );
  app.post(
    '/access/login',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: '登录开放数据账号 / Sign in to an open data account',
        security: [],
        body: OpenLoginBody,
        response: { 200: OpenAccount, ...problems },
      },
    },
    async (req, reply) => {
      const r = await access.accounts.login(req.body.email, req.body.password);
      reply.setCookie(OPEN_SESSION_COOKIE, r.token, { ...cookie, expires: r.expiresAt });
      return r.account;
    },
  );
  app.post(
    '/access/logout',
    {
      schema: {
        tags,
        summary: '退出开放数据账号 / Sign out',
        security: session,
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await access.accounts.logout(req.cookies[OPEN_SESSION_COOKIE]);
      reply.clearCookie(OPEN_SESSION_COOKIE, cookie);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/access/me',
    {
      schema: {
        tags,
        summary: '当前开放数据账号 / The signed-in account',
        security: session,
        response: { 200: OpenAccount, ...problems },
      },
    },
    async (req) => requireAccount(req.openAccount),
  );

  app.get(
    '/access/keys',
    {
      schema: {
        tags,
        summary: '我的 API 密钥 / My API keys',
        security: session,
        response: { 200: ApiKeyList, ...problems },
      },
    },
    (req) => access.keys.list(req.openAccount),
  );
  app.post(
    '/access/keys',
    {
      schema: {
        tags,
        summary: '新建 API 密钥（密钥只显示一次）/ Create an API key (shown once)',
        security: session,
        body: ApiKeyName,
        response: { 201: CreatedApiKey, ...problems },
      },
    },
    async (req, reply) => reply.code(201).send(await access.keys.create(req.openAccount, req.body.name)),
  );
  app.patch(
    '/access/keys/:id',
    {
      schema: {
        tags,
        summary: '重命名 API 密钥 / Rename an API key',
        security: session,
        params: IdParams,
        body: ApiKeyName,
        response: { 200: ApiKey, ...problems },
      },
    },
    (req) => access.keys.rename(req.openAccount, req.params.id, req.body.name),
  );
  app.post(
    '/access/keys/:id/revoke',
    {
      schema: {
        tags,
        summary: '吊销 API 密钥（立即生效）/ Revoke an API key (takes effect at once)',
        security: session,
        params: IdParams,
        response: { 200: ApiKey, ...problems },
      },
    },
    (req) => access.keys.revoke(req.openAccount, req.params.id),
  );
  app.get(
    '/access/keys/:id/usage',
    {
      schema: {
        tags,
        summary: 'API 密钥近 30 天按日、按数据集的调用次数 / Calls per day and dataset, last 30 days',
        security: session,
        params: IdParams,
        response: { 200: ApiKeyUsage, ...problems },
      },
    },
    (req) => access.keys.usage(req.openAccount, req.params.id),
  );

  applicationRoutes(app, access);
  recordsRoutes(app, access, opts);
};
