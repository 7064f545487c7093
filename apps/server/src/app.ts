import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { DemoAccount } from '@shuzhi/contracts';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import type { Config } from './config.ts';
import { areasRoutes } from './modules/areas/index.ts';
import { authRoutes, SESSION_COOKIE, usersRoutes } from './modules/auth/index.ts';
import { catalogRoutes } from './modules/catalog/index.ts';
import { classifyRoutes } from './modules/classify/index.ts';
import { datastoreRoutes } from './modules/datastore/index.ts';
import { ingestRoutes } from './modules/ingest/index.ts';
import { jobsRoutes } from './modules/jobs/index.ts';
import { MYDATA_COOKIE, mydataRoutes } from './modules/mydata/index.ts';
import {
  ckanRoutes,
  communityRoutes,
  dcatRoutes,
  installOpenKeys,
  OPEN_SESSION_COOKIE,
  openAccessRoutes,
  openPortalRoutes,
  openRoutes,
} from './modules/open/index.ts';
import { orgsRoutes } from './modules/orgs/index.ts';
import { privacyRoutes } from './modules/privacy/index.ts';
import { qualityRoutes } from './modules/quality/index.ts';
import { gatewayRoutes, sharingRoutes } from './modules/sharing/index.ts';
import { type Actor, anonymous } from './platform/actor.ts';
import { AppError } from './platform/errors.ts';
import { installMetrics } from './platform/http/metrics.ts';
import { installProblemHandlers, routeNotFound } from './platform/http/problem.ts';
import { systemRoutes } from './platform/http/system.routes.ts';
import { randomToken } from './platform/ids.ts';
import { ledgerRoutes } from './platform/ledger/index.ts';
import { loggerOptions } from './platform/logger.ts';
import type { Services } from './services.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

export type AppOptions = { config: Config; services: Services; demo: boolean; demoAccounts: DemoAccount[] };

const REQ_PREFIX = `${randomToken(6)}-`;
let requests = 0;

const defaultWebDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the Fastify app: kernel plugins, every module's routes under /api/v1, and the web app. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, services, demo, demoAccounts } = opts;
  const app = Fastify({
    logger: loggerOptions(config.LOG_LEVEL),
    bodyLimit: Math.round(config.SHUZHI_BODY_LIMIT_MB * 1024 * 1024),
    trustProxy: config.SHUZHI_PUBLIC_URL !== undefined,
    requestIdHeader: 'x-request-id',
    // Unique per process (a random prefix) and cheap: random bytes for every request cost more.
    genReqId: () => `${REQ_PREFIX}${(++requests).toString(36)}`,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  // Helmet's headers on every answer, from a middleware built once: @fastify/helmet builds it again
  // for each request (parsing the Content-Security-Policy anew), a measurable part of an API call.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  app.addHook('onRequest', (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  if (config.SHUZHI_CORS_ORIGINS) {
    await app.register(cors, {
      origin: config.SHUZHI_CORS_ORIGINS.split(',').map((s) => s.trim()),
      credentials: true,
    });
  }
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', { after: Math.max(1, Math.ceil(ctx.ttl / 1000)) }),
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Shuzhi 数智 API',
        version: '1',
        description: '一体化智能化公共数据平台 / Integrated public data platform',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          openSession: { type: 'apiKey', in: 'cookie', name: OPEN_SESSION_COOKIE },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          myDataSession: { type: 'apiKey', in: 'cookie', name: MYDATA_COOKIE },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  installMetrics(app);

  app.decorateRequest('actor', { getter: () => anonymous, setter: () => {} });
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const auth = req.headers.authorization;
    let actor: Actor;
    // On the sharing gateway an app's revocation is enforced through its grants, checked on every read.
    if (auth?.startsWith('Bearer ') && req.url.startsWith('/api/v1/share/'))
      actor = await services.auth.actorFromBearerRechecked(auth.slice(7).trim());
    else if (auth?.startsWith('Bearer ')) actor = await services.auth.actorFromBearer(auth.slice(7).trim());
    else actor = await services.auth.actorFromSession(req.cookies[SESSION_COOKIE]);
    Object.defineProperty(req, 'actor', { value: actor, writable: false });
  });
  // API keys of the open data APIs: known before the routes' rate limits, counted after each answer.
  installOpenKeys(app, services.open.access.keys);

  await app.register(systemRoutes, { db: services.db, demo, demoAccounts });
  await app.register(authRoutes, {
    prefix: '/api/v1/auth',
    auth: services.auth,
    cookieSecure: config.SHUZHI_COOKIE_SECURE ?? config.SHUZHI_PUBLIC_URL?.startsWith('https:') ?? false,
    loginPerMinute: config.SHUZHI_LOGIN_RATE_PER_MINUTE,
  });
  await app.register(usersRoutes, {
    prefix: '/api/v1/auth',
    users: services.users,
    clients: services.clients,
  });
  await app.register(areasRoutes, { prefix: '/api/v1/areas', areas: services.areas });
  await app.register(orgsRoutes, { prefix: '/api/v1/orgs', orgs: services.orgs });
  await app.register(jobsRoutes, { prefix: '/api/v1/jobs', jobs: services.jobs });
  await app.register(catalogRoutes, { prefix: '/api/v1/catalog', catalog: services.catalog });
  await app.register(ingestRoutes, { prefix: '/api/v1/ingest', ingest: services.ingest });
  await app.register(datastoreRoutes, { prefix: '/api/v1/datastore', feed: services.feed });
  await app.register(classifyRoutes, { prefix: '/api/v1/classify', classify: services.classify });
  await app.register(qualityRoutes, { prefix: '/api/v1/quality', quality: services.quality });
  const { kanon, dp, psi, psiMaxKeys } = services.privacy;
  await app.register(privacyRoutes, { prefix: '/api/v1/privacy', kanon, dp, psi, maxKeys: psiMaxKeys });
  await app.register(ledgerRoutes, { prefix: '/api/v1/ledger', ledger: services.ledger });
  // Open data: downloads under /api/v1/open; CKAN's and DCAT's addresses are fixed by those standards.
  const openOpts = {
    publicUrl: config.SHUZHI_PUBLIC_URL,
    perMinute: config.SHUZHI_OPEN_RATE_PER_MINUTE,
    usage: services.open.community.usage,
    keyedPerMinute: config.SHUZHI_OPEN_KEY_RATE_PER_MINUTE,
  };
  await app.register(openRoutes, { prefix: '/api/v1/open', open: services.open.service, ...openOpts });
  await app.register(openPortalRoutes, {
    prefix: '/api/v1/open/portal',
    portal: services.open.portal,
    perMinute: openOpts.perMinute,
  });
  await app.register(ckanRoutes, { ckan: services.open.ckan, ...openOpts });
  await app.register(dcatRoutes, { open: services.open.service, ...openOpts });
  await app.register(openAccessRoutes, {
    prefix: '/api/v1/open',
    access: services.open.access,
    demo,
    cookieSecure: config.SHUZHI_COOKIE_SECURE ?? config.SHUZHI_PUBLIC_URL?.startsWith('https:') ?? false,
    loginPerMinute: config.SHUZHI_LOGIN_RATE_PER_MINUTE,
    perMinute: openOpts.perMinute,
    keyedPerMinute: openOpts.keyedPerMinute,
  });
  await app.register(communityRoutes, {
    prefix: '/api/v1/open',
    community: services.open.community,
    perMinute: openOpts.perMinute,
  });

  await app.register(sharingRoutes, {
    prefix: '/api/v1/sharing',
    requests: services.sharing.requests,
    grants: services.sharing.grants,
  });
  await app.register(gatewayRoutes, {
    prefix: '/api/v1/share',
    gateway: services.sharing.gateway,
    publicUrl: config.SHUZHI_PUBLIC_URL,
  });
  await app.register(mydataRoutes, {
    prefix: '/api/v1/mydata',
    mydata: services.mydata,
    demo,
    cookieSecure: config.SHUZHI_COOKIE_SECURE ?? config.SHUZHI_PUBLIC_URL?.startsWith('https:') ?? false,
    loginPerMinute: config.SHUZHI_LOGIN_RATE_PER_MINUTE,
  });
  // The default sender writes to this app's log; in demo mode, with the messages' text.
  services.notify.sender.attach?.(app.log, { demo });
  // The gateway's counts still in memory go to the usage table before the database closes.
  app.addHook('onClose', () => services.sharing.meter.close());

  await registerWeb(app, config.SHUZHI_WEB_DIR ?? defaultWebDir);
  return app;
}

/** Serves the built web app; unknown non-API paths get index.html so client-side routes work. */
async function registerWeb(app: FastifyInstance, dir: string): Promise<void> {
  if (!existsSync(dir)) {
    app.log.warn({ dir }, 'web app not built (npm run build:web); serving the API only');
    app.setNotFoundHandler(routeNotFound);
    return;
  }
  await app.register(fastifyStatic, { root: dir, wildcard: false, maxAge: '1h' });
  app.setNotFoundHandler((req, reply) => {
    const isPage =
      req.method === 'GET' && !req.url.startsWith('/api/') && req.headers.accept?.includes('text/html');
    if (isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return routeNotFound(req, reply);
  });
}
