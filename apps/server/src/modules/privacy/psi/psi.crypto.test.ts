import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blindAll,
  blindPoint,
  exportSecret,
  generateSecret,
  hashShuffled,
  hashToPoint,
  importSecret,
  intersect,
  POINT_BYTES,
} from './psi.crypto.ts';
import { blindParallel } from './psi.parallel.ts';

const u32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => {
  const u = Buffer.from(b);
  u[31] = (u[31] as number) & 0x7f;
  return u;
});

describe('X25519 as a commutative cipher', () => {
  it('commutes for clamped secrets on any u: x([a]x([b]P)) = x([b]x([a]P)), on the curve and its twist', () => {
    const [a, b] = [generateSecret(), generateSecret()];
    fc.assert(
      fc.property(u32, (u) => {
        expect(blindPoint(a, blindPoint(b, u)).equals(blindPoint(b, blindPoint(a, u)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is a different point under a different secret, and the same under the same key file', () => {
    const a = generateSecret();
    const again = importSecret(exportSecret(a));
    const u = hashToPoint('330106199001011234');
    expect(blindPoint(again, u).equals(blindPoint(a, u))).toBe(true);
    expect(blindPoint(generateSecret(), u).equals(blindPoint(a, u))).toBe(false);
    expect(hashToPoint(' 33010619900101123x ').equals(hashToPoint('33010619900101123X'))).toBe(true);
  });

  it('hashes a key as every party has: SHA-256 of the domain and the key, top bit cleared', () => {
    // A fixed answer, so that parties on different releases still meet on the same points.
    expect(hashToPoint(' 33010619900101123x ').toString('hex')).toBe(
      '248cb04273f0c62df1cf4bffa1f7505908936b635cf62dc5a502f6a312636710',
    );
  });

  it('blinds in worker threads exactly as in this one', async () => {
    const a = generateSecret();
    const keys = Array.from({ length: 2500 }, (_, i) => `key-${i}`);
    const expected = Buffer.concat(keys.map((k) => blindPoint(a, hashToPoint(k))));
    expect((await blindParallel(a, { op: 'hashBlind', keys }, 2)).equals(expected)).toBe(true);
    const points = Buffer.concat(keys.map((k) => hashToPoint(k)));
    expect((await blindParallel(a, { op: 'blind', points }, 2)).equals(blindAll(a, points))).toBe(true);
  });

  it('finds exactly the common keys, each side learning only its own matches', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 60 }),
        (xs, ys) => {
          const [a, b] = [generateSecret(), generateSecret()];
          const A = hashShuffled(xs.map(String));
          const B = hashShuffled(ys.map(String));
          const aA = blindAll(a, A.points);
          const bB = blindAll(b, B.points);
          const abA = blindAll(b, aA);
          const baB = blindAll(a, bB);
          const expected = xs
            .filter((x) => ys.includes(x))
            .map(String)
            .sort();
          expect(intersect(A.order, abA, baB).sort()).toEqual(expected);
          expect(intersect(B.order, baB, abA).sort()).toEqual(expected);
          // What crosses the wire looks nothing like the hashed keys.
          for (let i = 0; i < aA.length; i += POINT_BYTES)
            expect(aA.subarray(i, i + POINT_BYTES).equals(A.points.subarray(i, i + POINT_BYTES))).toBe(false);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps points uniformly spread: no fixed byte in blinded output', () => {
    const a = generateSecret();
    const out = blindAll(a, Buffer.concat(Array.from({ length: 200 }, () => randomBytes(32))));
    const firstBytes = new Set<number>();
    for (let i = 0; i < out.length; i += 32) firstBytes.add(out[i] as number);
    expect(firstBytes.size).toBeGreaterThan(100);
  });
  it('matches whole points only, whatever their first bytes share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 40 }),
        fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 40 }),
        fc.nat(),
        (a, b, seed) => {
          // Look-alikes: points of the other set with only their last byte changed, and repeats.
          const near = a.slice(0, seed % 5).map((p) => {
            const q = Buffer.from(p);
            q[31] = ((q[31] as number) + 1) & 0xff;
            return q;
          });
          const theirs = [...b, ...near, ...a.slice(0, seed % 3), ...a.slice(0, seed % 3)];
          const order = a.map((_, i) => `k${i}`);
          const hex = new Set(theirs.map((p) => Buffer.from(p).toString('hex')));
          const expected = order.filter((_, i) => hex.has(Buffer.from(a[i] as Uint8Array).toString('hex')));
          expect(intersect(order, Buffer.concat(a), Buffer.concat(theirs))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
