import {
  AccessList,
  AccessQuery,
  Complaint,
  ConsentBody,
  ConsentList,
  ConsentParties,
  ConsentRecord,
  DisputeBody,
  DisputeList,
  Holdings,
  IdParams,
  MyDataChallenge,
  MyDataLoginStart,
  MyDataLoginVerify,
  MyDataMe,
} from '@shuzhi/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { problems } from '../../platform/http/route-schema.ts';
import type { MyData } from './index.ts';
import type { Subject } from './subject.ts';

export const MYDATA_COOKIE = 'shuzhi_mydata_session';
const tags = ['my data'];
const security = [{ myDataSession: [] }];

declare module 'fastify' {
  interface FastifyRequest {
    /** The data subject signed in to my data, if any. */
    dataSubject: Subject | null;
  }
}

const signedIn = (s: Subject | null): Subject => {
  if (!s) throw new AppError('mydata_signed_out');
  return s;
};

/** My data (数据主体权利), under /api/v1/mydata: sign-in by one-time code, holdings, accesses, disputes, consents. */
export const mydataRoutes: FastifyPluginAsyncZod<{
  mydata: MyData;
  demo: boolean;
  cookieSecure: boolean;
  loginPerMinute: number;
}> = async (app, { mydata, demo, cookieSecure, loginPerMinute }) => {
  const cookie = { path: '/', httpOnly: true, sameSite: 'lax', secure: cookieSecure } as const;
  const rateLimit = { max: loginPerMinute, timeWindow: '1 minute' };
  app.decorateRequest('dataSubject', null);
  app.addHook('onRequest', async (req) => {
    req.dataSubject = await mydata.login.fromSession(req.cookies[MYDATA_COOKIE]);
  });

  app.post(
    '/login/start',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: '发送登录验证码 / Send a sign-in code to the phone on record',
        security: [],
        body: MyDataLoginStart,
        response: { 200: MyDataChallenge, ...problems },
      },
    },
    async (req) => {
      const { code, ...challenge } = await mydata.login.start(req.body);
      // Demo mode shows the code on screen, as the demo sender writes it to the log.
      return demo ? { ...challenge, demoCode: code } : challenge;
    },
  );
  app.post(
    '/login/verify',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: '验证码登录 / Sign in with the code',
        security: [],
        body: MyDataLoginVerify,
        response: { 200: MyDataMe, ...problems },
      },
    },
    async (req, reply) => {
      const r = await mydata.login.verify(req.body.challengeId, req.body.code);
      reply.setCookie(MYDATA_COOKIE, r.token, { ...cookie, expires: r.expiresAt });
      return mydata.me(r.subject);
    },
  );
  app.post('/logout', { schema: { tags, summary: '退出 / Sign out', security } }, async (req, reply) => {
    await mydata.login.logout(req.cookies[MYDATA_COOKIE]);
    reply.clearCookie(MYDATA_COOKIE, cookie);
    return reply.code(204).send();
  });
  app.get(
    '/me',
    {
      schema: {
        tags,
        summary: '当前登录者 / Who is signed in',
        security,
        response: { 200: MyDataMe, ...problems },
      },
    },
    (req) => mydata.me(signedIn(req.dataSubject)),
  );
  app.get(
    '/holdings',
    {
      schema: {
        tags,
        summary: '哪些数据集持有我的记录 / Datasets holding records about me',
        security,
        response: { 200: Holdings, ...problems },
      },
    },
    (req) => mydata.holdings.holdings(signedIn(req.dataSubject)),
  );
  app.get(
    '/accesses',
    {
      schema: {
        tags,
        summary: '对我的数据的每一次访问 / Every access to my data',
        security,
        querystring: AccessQuery,
        response: { 200: AccessList, ...problems },
      },
    },
    (req) => mydata.holdings.accesses(signedIn(req.dataSubject), req.query),
  );
  app.get(
    '/disputes',
    {
      schema: {
        tags,
        summary: '我的异议 / My disputes',
        security,
        response: { 200: DisputeList, ...problems },
      },
    },
    (req) => mydata.holdings.disputes(signedIn(req.dataSubject)),
  );
  app.post(
    '/disputes',
    {
      schema: {
        tags,
        summary: '对记录提出异议 / Dispute a record about me',
        security,
        body: DisputeBody,
        response: { 201: Complaint, ...problems },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await mydata.holdings.dispute(signedIn(req.dataSubject), req.body)),
  );
  app.get(
    '/consents',
    {
      schema: {
        tags,
        summary: '我的授权同意 / My consents',
        security,
        response: { 200: ConsentList, ...problems },
      },
    },
    (req) => mydata.consents.list(signedIn(req.dataSubject)),
  );
  app.post(
    '/consents',
    {
      schema: {
        tags,
        summary: '授权同意 / Grant consent',
        security,
        body: ConsentBody,
        response: { 201: ConsentRecord, ...problems },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await mydata.consents.grant(signedIn(req.dataSubject), req.body)),
  );
  app.post(
    '/consents/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回授权同意 / Withdraw consent',
        security,
        params: IdParams,
        response: { 200: ConsentRecord, ...problems },
      },
    },
    (req) => mydata.consents.withdraw(signedIn(req.dataSubject), req.params.id),
  );
  app.get(
    '/consents/parties',
    {
      schema: {
        tags,
        summary: '可授权的机构 / Organisations one can consent to',
        security,
        querystring: z.object({ q: z.string().max(40).optional() }),
        response: { 200: ConsentParties, ...problems },
      },
    },
    async (req) => {
      signedIn(req.dataSubject);
      return { items: await mydata.parties(req.query.q) };
    },
  );
  app.get(
    '/consents/key',
    { schema: { tags, summary: '授权记录签名公钥 / The consent signing public key (PEM)', security: [] } },
    async (_req, reply) => reply.type('text/plain; charset=utf-8').send(mydata.consents.publicKeyPem()),
  );
};
