import {
  ChangePasswordBody,
  LoginBody,
  Me,
  SwitchOrgBody,
  TokenBody,
  TokenResponse,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../platform/http/route-schema.ts';
import type { AuthService } from './auth.service.ts';

const tags = ['auth'];
export const SESSION_COOKIE = 'shuzhi_session';

export type AuthRouteOptions = { auth: AuthService; cookieSecure: boolean; loginPerMinute: number };

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, opts) => {
  const { auth, cookieSecure, loginPerMinute } = opts;
  const cookie = { path: '/', httpOnly: true, sameSite: 'lax', secure: cookieSecure } as const;
  const rateLimit = { max: loginPerMinute, timeWindow: '1 minute' };

  app.post(
    '/login',
    {
      config: { rateLimit },
      schema: { tags, summary: '登录 / Log in', body: LoginBody, response: { 200: Me, ...problems } },
    },
    async (req, reply) => {
      const r = await auth.login(req.body.username, req.body.password, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, r.token, { ...cookie, expires: r.expiresAt });
      return r.me;
    },
  );
  app.post(
    '/logout',
    { schema: { tags, summary: '退出登录 / Log out', response: { 204: z.null(), ...problems } } },
    async (req, reply) => {
      await auth.logout(req.actor);
      reply.clearCookie(SESSION_COOKIE, cookie);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/me',
    { schema: { tags, summary: '当前用户 / The signed-in user', response: { 200: Me, ...problems } } },
    (req) => auth.me(req.actor),
  );
  app.post(
    '/switch-org',
    {
      schema: {
        tags,
        summary: '切换机构 / Act for another organisation',
        body: SwitchOrgBody,
        response: { 200: Me, ...problems },
      },
    },
    (req) => auth.switchOrg(req.actor, req.body.orgId),
  );
  app.post(
    '/password',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: '修改密码 / Change password',
        body: ChangePasswordBody,
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await auth.changePassword(req.actor, req.body);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/token',
    {
      config: { rateLimit: { max: loginPerMinute * 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '客户端凭证换取访问令牌 / OAuth 2.0 client credentials token',
        body: TokenBody,
        response: { 200: TokenResponse, ...problems },
      },
    },
    async (req, reply) => {
      const r = await auth.issueClientToken(req.body.client_id, req.body.client_secret);
      reply.header('cache-control', 'no-store');
      return { access_token: r.token, token_type: 'Bearer' as const, expires_in: r.expiresIn };
    },
  );
};
