import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hash,
  type KeyObject,
  randomInt,
} from 'node:crypto';

/** Bytes of one blinded element: an X25519 u-coordinate. */
export const POINT_BYTES = 32;

// Separates these hashes from any other use of SHA-256 on the same keys.
const DOMAIN = 'shuzhi-psi-v1\0';

/** Both sides must write a key the same way: trimmed, upper case (ID numbers end in X or x). */
export const normaliseKey = (key: string): string => key.trim().toUpperCase();

/**
 * A party's secret scalar: an X25519 private key. X25519 clamps it (a multiple of 8 with bit 254
 * set), and clamped scalars commute on the Montgomery u-line: x([a]x([b]P)) = x([b]x([a]P)) for any
 * u, on the curve or on its twist.
 */
export function generateSecret(): KeyObject {
  return generateKeyPairSync('x25519').privateKey;
}

/** The secret as a PKCS #8 PEM (a party's key file), and back. */
export const exportSecret = (secret: KeyObject): string =>
  secret.export({ type: 'pkcs8', format: 'pem' }) as string;

export function importSecret(pem: string | Buffer): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'x25519') throw new Error(`not an X25519 key: ${key.asymmetricKeyType}`);
  return key;
}

/**
 * Hashes a key to a u-coordinate: SHA-256 with the top bit cleared. Half of all u lie on the twist;
 * X25519 is defined (and twist-secure) there, so both halves blind alike. Nobody knows a discrete
 * logarithm of the point, which is what keeps a party from testing guesses against the other's set.
 */
export function hashToPoint(key: string, out: Buffer = Buffer.alloc(POINT_BYTES), offset = 0): Buffer {
  // One-shot: a Hash object per key cost twice the hashing itself, over a million keys.
  const h = hash('sha256', DOMAIN + normaliseKey(key), 'buffer');
  h[31] = (h[31] as number) & 0x7f;
  h.copy(out, offset);
  return out;
}

/** x([secret]·P) for the point whose u-coordinate is `u` (32 bytes). */
export function blindPoint(secret: KeyObject, u: Uint8Array): Buffer {
  const publicKey = createPublicKey({
    key: {
      kty: 'OKP',
      crv: 'X25519',
      x: Buffer.from(u.buffer, u.byteOffset, POINT_BYTES).toString('base64url'),
    },
    format: 'jwk',
  });
  return diffieHellman({ privateKey: secret, publicKey });
}

/** Raises every point of a packed list (n × 32 bytes) to the secret, in place order. */
export function blindAll(
  secret: KeyObject,
  points: Uint8Array,
  from = 0,
  to = points.length / POINT_BYTES,
): Buffer {
  const out = Buffer.allocUnsafe((to - from) * POINT_BYTES);
  for (let i = from; i < to; i++) {
    blindPoint(secret, points.subarray(i * POINT_BYTES, (i + 1) * POINT_BYTES)).copy(
      out,
      (i - from) * POINT_BYTES,
    );
  }
  return out;
}

/** The keys in a uniformly random order (Fisher–Yates on crypto-grade randomness): a sent list's order tells nothing. */
export function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    const t = out[i] as T;
    out[i] = out[j] as T;
    out[j] = t;
  }
  return out;
}

/** Hashes keys to points in a random order; answers the order too, to map matches back to keys. */
export function hashShuffled(keys: readonly string[]): { points: Buffer; order: string[] } {
  const order = shuffle(keys);
  const points = Buffer.allocUnsafe(order.length * POINT_BYTES);
  for (let i = 0; i < order.length; i++) hashToPoint(order[i] as string, points, i * POINT_BYTES);
  return { points, order };
}

/**
 * The keys of `order` whose doubly blinded point (`mine[i]`, blinded by me then by the peer) is among
 * the peer's points blinded by both (`theirs`). Order of `order` and `mine` is the same.
 */
export function intersect(order: readonly string[], mine: Uint8Array, theirs: Uint8Array): string[] {
  const t = Buffer.from(theirs.buffer, theirs.byteOffset, theirs.byteLength);
  const m = Buffer.from(mine.buffer, mine.byteOffset, mine.byteLength);
  // An open-addressing table of their points, placed by their first 32 bits (blinded points are
  // uniformly random); a candidate is then compared whole. Strings of every point took seconds for
  // a million.
  const n = Math.floor(t.length / POINT_BYTES);
  let size = 2;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size); // their point's index + 1; 0 is free
  for (let j = 0; j < n; j++) {
    let h = t.readUInt32LE(j * POINT_BYTES) & mask;
    while (slots[h] !== 0) h = (h + 1) & mask;
    slots[h] = j + 1;
  }
  const out: string[] = [];
  for (let i = 0; i < order.length; i++) {
    const off = i * POINT_BYTES;
    const head = m.readUInt32LE(off);
    for (let h = head & mask, s = slots[h] as number; s !== 0; h = (h + 1) & mask, s = slots[h] as number) {
      const o = (s - 1) * POINT_BYTES;
      if (t.readUInt32LE(o) === head && t.compare(m, off, off + POINT_BYTES, o, o + POINT_BYTES) === 0) {
        out.push(order[i] as string);
        break;
      }
    }
  }
  return out;
}
