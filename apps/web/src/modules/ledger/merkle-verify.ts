/**
 * RFC 9162 Merkle inclusion proofs, checked in the browser with Web Crypto: the auditor trusts
 * only the signed checkpoint's root, never the server's word that an entry is in the log.
 */

export const base64ToBytes = (b64: string): Uint8Array<ArrayBuffer> => {
  const bin = atob(b64.trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};

export const bytesToBase64 = (bytes: Uint8Array): string => {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
};

export const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const sha256 = async (parts: Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> => {
  // Web Crypto exists only in secure contexts (HTTPS or localhost).
  if (!globalThis.crypto?.subtle) throw new Error('Web Crypto unavailable: open the page over HTTPS');
  const input = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    input.set(p, offset);
    offset += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', input));
};

/** SHA-256(0x00 || data): the hash a leaf commits to. */
export const leafHash = (data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> =>
  sha256([Uint8Array.of(0x00), data]);

/** SHA-256(0x01 || left || right): an interior node. */
export const nodeHash = (left: Uint8Array, right: Uint8Array): Promise<Uint8Array<ArrayBuffer>> =>
  sha256([Uint8Array.of(0x01), left, right]);

// Tree sizes may exceed 2^31, where JavaScript's bit operators would truncate.
const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/**
 * The root implied by an inclusion path (RFC 9162 §2.1.3.2), or null when the path does not fit
 * the index and tree size (too short, too long, or index out of range).
 */
export const rootFromInclusionProof = async (
  index: number,
  size: number,
  leaf: Uint8Array,
  path: Uint8Array[],
): Promise<Uint8Array | null> => {
  if (index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (isOdd(fn) || fn === sn) {
      r = await nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
};

export type InclusionCheck = {
  ok: boolean;
  /** The leaf recomputed from the entry's bytes equals the leaf hash the server stated. */
  leafMatches: boolean;
  /** base64 of the root the proof leads to; null when the path does not fit the tree. */
  computedRoot: string | null;
};

/** Recomputes the leaf from the entry's bytes and walks the proof up to the signed root. */
export const verifyInclusion = async (input: {
  index: number;
  size: number;
  data: string;
  leafHash: string;
  proof: string[];
  root: string;
}): Promise<InclusionCheck> => {
  const leaf = await leafHash(base64ToBytes(input.data));
  const leafMatches = bytesEqual(leaf, base64ToBytes(input.leafHash));
  const root = await rootFromInclusionProof(input.index, input.size, leaf, input.proof.map(base64ToBytes));
  const ok = leafMatches && root !== null && bytesEqual(root, base64ToBytes(input.root));
  return { ok, leafMatches, computedRoot: root && bytesToBase64(root) };
};
