import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'shuzhi';
const AUDIENCE = 'shuzhi-api';

export type TokenKeys = { privateKey: KeyObject; publicKey: KeyObject };

/** Ed25519 keys from a PKCS#8 PEM. */
export function keysFromPem(pem: string): TokenKeys {
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** Signs a short-lived EdDSA access token for an API client. */
export async function signClientToken(
  keys: TokenKeys,
  clientRecordId: string,
  minutes: number,
): Promise<string> {
  return new SignJWT({ typ: 'client' })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(clientRecordId)
    .setIssuedAt()
    .setExpirationTime(`${minutes}m`)
    .sign(keys.privateKey);
}

/** Verifies a token's signature, issuer, audience and expiry; returns its subject and expiry, or null. */
export async function verifyClientToken(
  keys: TokenKeys,
  token: string,
): Promise<{ sub: string; exp: number } | null> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['EdDSA'],
    });
    return payload.typ === 'client' && typeof payload.sub === 'string'
      ? { sub: payload.sub, exp: (payload.exp ?? 0) * 1000 }
      : null;
  } catch {
    return null;
  }
}

/**
 * `verifyClientToken` for callers that present the same token thousands of times (apps calling the
 * sharing gateway): a token once verified is remembered, by its exact text, until it expires.
 */
export function verifiedTokens(keys: TokenKeys, maxEntries = 10_000) {
  const seen = new Map<string, { sub: string; exp: number }>();
  return async (token: string): Promise<string | null> => {
    const hit = seen.get(token);
    if (hit && hit.exp > Date.now()) return hit.sub;
    const v = await verifyClientToken(keys, token);
    if (!v) return null;
    if (seen.size >= maxEntries) seen.clear();
    seen.set(token, v);
    return v.sub;
  };
}
