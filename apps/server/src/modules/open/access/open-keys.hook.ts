import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { KeyUse } from './key-use.ts';
import type { KeysService } from './keys.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The valid API key the request carried to an open data API, if any. */
    openKey: KeyUse | undefined;
  }
}

/** The open data APIs a key is presented to: CKAN's Action API and /api/v1/open/datasets/…. */
const KEYED = ['/api/3/action/', '/api/action/', '/api/v1/open/datasets/'];
const isOpenDataPath = (url: string) => KEYED.some((p) => url.startsWith(p));

/**
 * The key a request carries: `X-API-Key`, or `Authorization` as CKAN clients send it (the bare key;
 * on CKAN's paths also after `Bearer`). Under /api/v1 a `Bearer` token is a staff client's.
 */
function presentedKey(req: FastifyRequest): string | undefined {
  const header = req.headers['x-api-key'];
  const x = (Array.isArray(header) ? header[0] : header)?.trim();
  if (x) return x;
  const auth = req.headers.authorization?.trim();
  if (!auth) return undefined;
  if (auth.startsWith('Bearer ')) return req.url.startsWith('/api/v1/') ? undefined : auth.slice(7).trim();
  return auth;
}

/**
 * Recognises API keys on the open data APIs before rate limiting (so a key raises the limit), and
 * counts every keyed call once the answer is sent. An invalid or revoked key fails the call (401).
 */
export function installOpenKeys(app: FastifyInstance, keys: KeysService): void {
  app.decorateRequest('openKey', undefined);
  app.addHook('onRequest', async (req) => {
    if (!isOpenDataPath(req.url)) return;
    const secret = presentedKey(req);
    if (secret) req.openKey = await keys.authenticate(secret);
  });
  app.addHook('onResponse', async (req, reply) => {
    if (!req.openKey) return;
    try {
      await keys.count(req.openKey, reply.statusCode < 400);
    } catch (err) {
      // The answer is already sent; a lost count must not turn into an error.
      req.log.error({ err }, 'counting an API key call failed');
    }
  });
}

/**
 * The rate limit of an open data route: per API key when one is presented (with its higher limit),
 * else per client address.
 */
export const openRateLimit = (perMinute: number, keyedPerMinute: number) => ({
  timeWindow: '1 minute',
  keyGenerator: (req: FastifyRequest) => (req.openKey ? `key:${req.openKey.id}` : req.ip),
  max: (req: FastifyRequest) => (req.openKey ? keyedPerMinute : perMinute),
});
