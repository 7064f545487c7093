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

/** Verifies a token's signature, issuer, audience and expiry; returns its subject or null. */
export async function verifyClientToken(keys: TokenKeys, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['EdDSA'],
    });
    return payload.typ === 'client' && typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
