/**
 * Conformance tests for merkle.ts against RFC 9162 (Certificate Transparency 2.0) §2.1.
 *
 * Everything used as an oracle here is written from the RFC text, not from merkle.ts:
 * - §2.1.1   MTH(D[n]): MTH({}) = SHA-256(), MTH({d0}) = SHA-256(0x00 || d0),
 *            MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k = largest power of two < n.
 * - §2.1.3.1 PATH(m, D[n]) and §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), over raw leaf data.
 * - §2.1.3.2 / §2.1.4.2 the two verification algorithms, step by step.
 * Known vectors: the RFC 6962 8-leaf test tree used by the certificate-transparency reference code
 * (transparency-dev/merkle proof/verify_test.go carries the same roots and proofs).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  EMPTY_ROOT,
  Frontier,
  inclusionProof,
  leafHash,
  type NodeGetter,
  nodeHash,
  subtreeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

// ---------------------------------------------------------------------------------------------
// Reference implementation (RFC 9162 §2.1)
// ---------------------------------------------------------------------------------------------

const HASH = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const refLeafHash = (d: Uint8Array): Buffer => HASH(Uint8Array.of(0x00), d);
const refNodeHash = (l: Uint8Array, r: Uint8Array): Buffer => HASH(Uint8Array.of(0x01), l, r);

/** k: the largest power of two smaller than n (n > 1), per §2.1.1. */
const largestPowerOfTwoBelow = (n: number): number => {
  if (!(n > 1)) throw new Error(`k is undefined for n = ${n}`);
  return 2 ** (31 - Math.clz32(n - 1));
};

const isExactPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;
const isUint = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const hexes = (bs: readonly Uint8Array[]): string[] => bs.map(hex);
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/** A list D of raw leaf data with MTH / PATH / PROOF over any sub-list D[lo:hi]. */
class RefTree {
  private readonly memo = new Map<string, Buffer>();
  constructor(readonly data: readonly Uint8Array[]) {}

  get length(): number {
    return this.data.length;
  }

  /** MTH(D[lo:hi]). (Memoised: the value of MTH on a given sub-list never changes.) */
  mth(lo: number, hi: number): Buffer {
    if (lo < 0 || hi > this.data.length || lo > hi) throw new Error(`MTH of D[${lo}:${hi}] out of range`);
    const n = hi - lo;
    if (n === 0) return HASH();
    if (n === 1) return refLeafHash(this.data[lo] as Uint8Array);
    const key = `${lo}:${hi}`;
    let h = this.memo.get(key);
    if (!h) {
      const k = largestPowerOfTwoBelow(n);
      h = refNodeHash(this.mth(lo, lo + k), this.mth(lo + k, hi));
      this.memo.set(key, h);
    }
    return h;
  }

  /** PATH(m, D[lo:hi]) (§2.1.3.1). */
  path(m: number, lo: number, hi: number): Buffer[] {
    const n = hi - lo;
    if (!(m >= 0 && m < n)) throw new Error(`PATH(${m}, D[${n}]) undefined`);
    if (n === 1) return [];
    const k = largestPowerOfTwoBelow(n);
    if (m < k) return [...this.path(m, lo, lo + k), this.mth(lo + k, hi)];
    return [...this.path(m - k, lo + k, hi), this.mth(lo, lo + k)];
  }

  /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) (§2.1.4.1). */
  proof(m: number, n: number): Buffer[] {
    return this.subproof(m, 0, n, true);
  }

  /** SUBPROOF(m, D[lo:hi], b). */
  private subproof(m: number, lo: number, hi: number, b: boolean): Buffer[] {
    const n = hi - lo;
    if (m === n) return b ? [] : [this.mth(lo, hi)];
    if (!(m > 0 && m < n)) throw new Error(`SUBPROOF(${m}, D[${n}]) undefined`);
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) return [...this.subproof(m, lo, lo + k, b), this.mth(lo + k, hi)];
    return [...this.subproof(m - k, lo + k, hi, false), this.mth(lo, lo + k)];
  }
}

/**
 * The shape of PATH(m, D[n]): for each element, leaf upward, whether the sibling subtree sits to
 * the right ('R', m < k) or to the left ('L'). An inclusion proof verifies for (m', n') exactly when
 * the shape of (m', n') equals the shape the proof was built for (barring SHA-256 collisions).
 */
const pathShape = (m: number, n: number): string => {
  if (n === 1) return '';
  const k = largestPowerOfTwoBelow(n);
  return m < k ? `${pathShape(m, k)}R` : `${pathShape(m - k, n - k)}L`;
};

/** §2.1.3.2 Verifying an Inclusion Proof, step by step. */
function refVerifyInclusion(
  leafIndex: number,
  treeSize: number,
  hash: Uint8Array,
  inclusionPath: readonly Uint8Array[],
  rootHash: Uint8Array,
): boolean {
  if (!isUint(leafIndex) || !isUint(treeSize)) return false; // leaf_index, tree_size are uint64
  // 1. If leaf_index is greater than or equal to tree_size, fail.
  if (leafIndex >= treeSize) return false;
  // 2. Set fn to leaf_index and sn to tree_size - 1.
  let fn = leafIndex;
  let sn = treeSize - 1;
  // 3. Set r to hash.
  let r: Uint8Array = hash;
  // 4. For each value p in the inclusion_path array:
  for (const p of inclusionPath) {
    // a. If sn is 0, then stop the iteration and fail the proof verification.
    if (sn === 0) return false;
    // b. If LSB(fn) is set, or if fn is equal to sn, then:
    if ((fn & 1) === 1 || fn === sn) {
      // i. Set r to HASH(0x01 || p || r).
      r = refNodeHash(p, r);
      // ii. If LSB(fn) is not set, right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
      if ((fn & 1) === 0) {
        while (!((fn & 1) === 1 || fn === 0)) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      // Otherwise: i. Set r to HASH(0x01 || r || p).
      r = refNodeHash(r, p);
    }
    // c. Finally, right-shift both fn and sn one time.
    fn >>= 1;
    sn >>= 1;
  }
  // 5. If sn is equal to 0 and r and the root_hash are equal, the inclusion is proven.
  return sn === 0 && same(r, rootHash);
}

/** §2.1.4.2 Verifying Consistency between Two Tree Heads, step by step (0 < first < second). */
function refVerifyConsistency(
  first: number,
  second: number,
  firstHash: Uint8Array,
  secondHash: Uint8Array,
  consistencyPath: readonly Uint8Array[],
): boolean {
  if (!isUint(first) || !isUint(second)) return false;
  // Equal sizes: PROOF(m, D[m]) = SUBPROOF(m, D[m], true) is the empty list, and the heads must agree.
  if (first === second) return first > 0 && consistencyPath.length === 0 && same(firstHash, secondHash);
  if (!(first > 0 && first < second)) return false;
  // 1. If consistency_path is an empty array, stop and fail the proof verification.
  if (consistencyPath.length === 0) return false;
  // 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
  const path = isExactPowerOfTwo(first) ? [firstHash, ...consistencyPath] : [...consistencyPath];
  // 3. Set fn to first - 1 and sn to second - 1.
  let fn = first - 1;
  let sn = second - 1;
  // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
  while ((fn & 1) === 1) {
    fn >>= 1;
    sn >>= 1;
  }
  // 5. Set both fr and sr to the first value in the consistency_path array.
  let fr = path[0] as Uint8Array;
  let sr = path[0] as Uint8Array;
  // 6. For each subsequent value c in the consistency_path array:
  for (const c of path.slice(1)) {
    // a. If sn is 0, then stop the iteration and fail the proof verification.
    if (sn === 0) return false;
    // b. If LSB(fn) is set, or if fn is equal to sn, then:
    if ((fn & 1) === 1 || fn === sn) {
      // i. Set fr to HASH(0x01 || c || fr). ii. Set sr to HASH(0x01 || c || sr).
      fr = refNodeHash(c, fr);
      sr = refNodeHash(c, sr);
      // iii. If LSB(fn) is not set, right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
      if ((fn & 1) === 0) {
        while (!((fn & 1) === 1 || fn === 0)) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      // Otherwise: i. Set sr to HASH(0x01 || sr || c).
      sr = refNodeHash(sr, c);
    }
    // c. Finally, right-shift both fn and sn one time.
    fn >>= 1;
    sn >>= 1;
  }
  // 7. fr must equal first_hash, sr must equal second_hash, and sn must be 0.
  return same(fr, firstHash) && same(sr, secondHash) && sn === 0;
}

/**
 * A NodeGetter answering from the reference MTH: (level, index) is the full aligned subtree
 * D[index·2^level : (index+1)·2^level]. It refuses anything beyond the tree the proof is about, so
 * a proof for a tree of size n can only be built from the first n leaves.
 */
function refGetter(tree: RefTree, bound: number): NodeGetter {
  return (level, index) => {
    if (!Number.isInteger(level) || level < 0 || !Number.isInteger(index) || index < 0) {
      throw new Error(`NodeGetter called with (${level}, ${index})`);
    }
    const lo = index * 2 ** level;
    const hi = lo + 2 ** level;
    if (hi > bound)
      throw new Error(`NodeGetter(${level}, ${index}) reads leaves [${lo}, ${hi}) beyond size ${bound}`);
    return tree.mth(lo, hi);
  };
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const EDGE_SIZES = [
  1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 300,
];
const treeSize = fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constantFrom(...EDGE_SIZES));
const leafData = fc.uint8Array({ minLength: 0, maxLength: 48 });
/** Random leaf sets of 1..300 leaves with arbitrary (possibly repeated, possibly empty) data. */
const leafSet = treeSize.chain((n) => fc.array(leafData, { minLength: n, maxLength: n }));
/** Random leaf sets whose leaves are pairwise distinct (index prefix), for tamper tests. */
const distinctLeafSet = leafSet.map((ds) =>
  ds.map((d, i) => {
    const b = Buffer.alloc(4 + d.length);
    b.writeUInt32BE(i, 0);
    b.set(d, 4);
    return new Uint8Array(b);
  }),
);
/** Raw (a, b) pairs, mapped onto valid (index < size ≤ n) or (m ≤ n' ≤ n) pairs. */
const rawPairs = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 16 });
const inclusionPair = (n: number, [a, b]: [number, number]) => {
  const size = 1 + (a % n);
  return { index: b % size, size };
};
const consistencyPair = (n: number, [a, b]: [number, number]) => {
  const second = 1 + (a % n);
  return { first: 1 + (b % second), second };
};

const flipBit = (h: Uint8Array, bit: number): Buffer => {
  const b = Buffer.from(h);
  const i = Math.floor(bit / 8) % b.length;
  b[i] = (b[i] as number) ^ (1 << (bit % 8));
  return b;
};

const RUNS = { numRuns: 60 };

// ---------------------------------------------------------------------------------------------
// Known vectors
// ---------------------------------------------------------------------------------------------

const h = (s: string) => Buffer.from(s, 'hex');
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(h);
/** MTH of the first 1..8 CT test leaves. */
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
/** Inclusion proofs of the CT test tree (0-based leaf index). */
const CT_INCLUSION: { index: number; size: number; proof: string[] }[] = [
  { index: 0, size: 1, proof: [] },
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
/** Consistency proofs of the CT test tree. */
const CT_CONSISTENCY: { first: number; second: number; proof: string[] }[] = [
  { first: 1, second: 1, proof: [] },
  {
    first: 1,
    second: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    first: 6,
    second: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    first: 2,
    second: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    first: 6,
    second: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

describe('RFC 9162 known vectors', () => {
  const ct = new RefTree(CT_LEAVES);

  it('empty tree hash is SHA-256 of the empty string', () => {
    const want = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(hex(ct.mth(0, 0))).toBe(want);
    expect(hex(EMPTY_ROOT)).toBe(want);
    expect(hex(Frontier.empty().root())).toBe(want);
    expect(Frontier.empty().size).toBe(0);
  });

  it('leafHash and nodeHash use the 0x00 / 0x01 domain separation', () => {
    expect(hex(leafHash(new Uint8Array()))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    const l = h('aa'.repeat(32));
    const r = h('bb'.repeat(32));
    expect(hex(nodeHash(l, r))).toBe(hex(HASH(Uint8Array.of(1), l, r)));
    expect(hex(nodeHash(l, r))).not.toBe(hex(nodeHash(r, l)));
    fc.assert(
      fc.property(
        leafData,
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (d, a, b) => {
          expect(hex(leafHash(d))).toBe(hex(refLeafHash(d)));
          expect(hex(nodeHash(a, b))).toBe(hex(refNodeHash(a, b)));
        },
      ),
    );
  });

  it('the reference reproduces the published CT roots for sizes 1..8', () => {
    expect(CT_ROOTS.map((_, i) => hex(ct.mth(0, i + 1)))).toEqual(CT_ROOTS);
  });

  it('Frontier roots match the published CT roots for sizes 1..8', () => {
    const f = Frontier.empty();
    const got: string[] = [];
    for (const d of CT_LEAVES) {
      f.append(refLeafHash(d));
      got.push(hex(f.root()));
    }
    expect(got).toEqual(CT_ROOTS);
  });

  it('subtreeHash(0, n) matches the published CT roots', () => {
    const get = refGetter(ct, 8);
    expect(CT_ROOTS.map((_, i) => hex(subtreeHash(0, i + 1, get)))).toEqual(CT_ROOTS);
  });

  it.each(CT_INCLUSION)(
    'published inclusion proof for leaf $index in tree $size',
    ({ index, size, proof }) => {
      expect(hexes(ct.path(index, 0, size))).toEqual(proof); // the reference agrees with the vector
      expect(hexes(inclusionProof(index, size, refGetter(ct, size)))).toEqual(proof);
      const leaf = refLeafHash(CT_LEAVES[index] as Uint8Array);
      const root = h(CT_ROOTS[size - 1] as string);
      expect(verifyInclusion(index, size, leaf, proof.map(h), root)).toBe(true);
      expect(refVerifyInclusion(index, size, leaf, proof.map(h), root)).toBe(true);
    },
  );

  it.each(CT_CONSISTENCY)('published consistency proof $first → $second', ({ first, second, proof }) => {
    expect(hexes(ct.proof(first, second))).toEqual(proof);
    expect(hexes(consistencyProof(first, second, refGetter(ct, second)))).toEqual(proof);
    const r1 = h(CT_ROOTS[first - 1] as string);
    const r2 = h(CT_ROOTS[second - 1] as string);
    expect(verifyConsistency(first, second, r1, r2, proof.map(h))).toBe(true);
    expect(refVerifyConsistency(first, second, r1, r2, proof.map(h))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------

describe('Frontier against the reference MTH', () => {
  it('(a) root after every append equals MTH of that prefix', () => {
    fc.assert(
      fc.property(leafSet, (data) => {
        const ref = new RefTree(data);
        const f = Frontier.empty();
        data.forEach((d, i) => {
          f.append(refLeafHash(d));
          expect(f.size).toBe(i + 1);
          expect(hex(f.root()), `root of size ${i + 1}`).toBe(hex(ref.mth(0, i + 1)));
        });
      }),
      RUNS,
    );
  });

  it('(e) append reports MTH of the aligned subtrees the leaf completed, level 1 upward', () => {
    fc.assert(
      fc.property(leafSet, (data) => {
        const ref = new RefTree(data);
        const f = Frontier.empty();
        data.forEach((d, i) => {
          const end = i + 1;
          const want: string[] = [];
          for (let w = 2; end % w === 0; w *= 2) want.push(hex(ref.mth(end - w, end)));
          expect(hexes(f.append(refLeafHash(d))), `append of leaf ${i}`).toEqual(want);
        });
      }),
      RUNS,
    );
  });

  it('hashes are the full subtrees of the right edge, largest first, and from() restores them', () => {
    fc.assert(
      fc.property(leafSet, fc.nat(), (data, cut) => {
        const ref = new RefTree(data);
        const f = Frontier.empty();
        const stop = cut % (data.length + 1);
        for (const d of data.slice(0, stop)) f.append(refLeafHash(d));
        const want: string[] = [];
        let lo = 0;
        for (let w = 2 ** 30; w >= 1; w /= 2) {
          if (stop & w) {
            want.push(hex(ref.mth(lo, lo + w)));
            lo += w;
          }
        }
        expect(hexes(f.hashes)).toEqual(want);
        const g = Frontier.from(stop, want.map(h));
        expect(hex(g.root())).toBe(hex(ref.mth(0, stop)));
        data.slice(stop).forEach((d, j) => {
          g.append(refLeafHash(d));
          expect(hex(g.root())).toBe(hex(ref.mth(0, stop + j + 1)));
        });
        expect(() => Frontier.from(stop, [...want.map(h), EMPTY_ROOT])).toThrow();
      }),
      RUNS,
    );
  });
});

describe('proof generation against the reference PATH / PROOF', () => {
  it('(b) inclusionProof equals PATH(m, D[n]) for sampled (m, n)', () => {
    fc.assert(
      fc.property(leafSet, rawPairs, (data, pairs) => {
        const ref = new RefTree(data);
        for (const p of pairs) {
          const { index, size } = inclusionPair(data.length, p);
          expect(
            hexes(inclusionProof(index, size, refGetter(ref, size))),
            `PATH(${index}, D[${size}])`,
          ).toEqual(hexes(ref.path(index, 0, size)));
          expect(hex(subtreeHash(0, size, refGetter(ref, size)))).toBe(hex(ref.mth(0, size)));
        }
      }),
      RUNS,
    );
  });

  it('(b) consistencyProof equals PROOF(m, D[n]) for sampled (m, n)', () => {
    fc.assert(
      fc.property(leafSet, rawPairs, (data, pairs) => {
        const ref = new RefTree(data);
        for (const p of pairs) {
          const { first, second } = consistencyPair(data.length, p);
          expect(
            hexes(consistencyProof(first, second, refGetter(ref, second))),
            `PROOF(${first}, D[${second}])`,
          ).toEqual(hexes(ref.proof(first, second)));
        }
      }),
      RUNS,
    );
  });

  it('(b) exhaustively for every (m, n) with n ≤ 96', () => {
    const data = Array.from({ length: 96 }, (_, i) => Buffer.from(`leaf ${i}`));
    const ref = new RefTree(data);
    for (let n = 1; n <= data.length; n++) {
      const get = refGetter(ref, n);
      expect(hex(subtreeHash(0, n, get))).toBe(hex(ref.mth(0, n)));
      for (let m = 0; m < n; m++) {
        expect(hexes(inclusionProof(m, n, get)), `PATH(${m}, D[${n}])`).toEqual(hexes(ref.path(m, 0, n)));
      }
      for (let m = 1; m <= n; m++) {
        expect(hexes(consistencyProof(m, n, get)), `PROOF(${m}, D[${n}])`).toEqual(hexes(ref.proof(m, n)));
      }
    }
  });

  it('rejects proof requests outside the tree', () => {
    const ref = new RefTree([Buffer.from('a'), Buffer.from('b'), Buffer.from('c')]);
    const get = refGetter(ref, 3);
    expect(() => inclusionProof(3, 3, get)).toThrow();
    expect(() => inclusionProof(-1, 3, get)).toThrow();
    expect(() => inclusionProof(0, 0, get)).toThrow();
    expect(() => consistencyProof(4, 3, get)).toThrow();
    expect(() => consistencyProof(0, 3, get)).toThrow();
  });
});

describe('verification, both directions', () => {
  it('(c) reference verifiers accept our proofs, our verifiers accept reference proofs', () => {
    fc.assert(
      fc.property(leafSet, rawPairs, (data, pairs) => {
        const ref = new RefTree(data);
        for (const p of pairs) {
          const { index, size } = inclusionPair(data.length, p);
          const leaf = refLeafHash(data[index] as Uint8Array);
          const root = ref.mth(0, size);
          const ours = inclusionProof(index, size, refGetter(ref, size));
          const theirs = ref.path(index, 0, size);
          expect(
            refVerifyInclusion(index, size, leaf, ours, root),
            `ref verify ours (${index}, ${size})`,
          ).toBe(true);
          expect(verifyInclusion(index, size, leaf, theirs, root), `our verify ref (${index}, ${size})`).toBe(
            true,
          );

          const { first, second } = consistencyPair(data.length, p);
          const r1 = ref.mth(0, first);
          const r2 = ref.mth(0, second);
          const oursC = consistencyProof(first, second, refGetter(ref, second));
          const theirsC = ref.proof(first, second);
          expect(
            refVerifyConsistency(first, second, r1, r2, oursC),
            `ref verify ours ${first}→${second}`,
          ).toBe(true);
          expect(verifyConsistency(first, second, r1, r2, theirsC), `our verify ref ${first}→${second}`).toBe(
            true,
          );
        }
      }),
      RUNS,
    );
  });

  it('(c) exhaustively for every (m, n) with n ≤ 64', () => {
    const data = Array.from({ length: 64 }, (_, i) => Buffer.from([i, i * 7, 255 - i]));
    const ref = new RefTree(data);
    for (let n = 1; n <= data.length; n++) {
      for (let m = 0; m < n; m++) {
        const leaf = refLeafHash(data[m] as Uint8Array);
        expect(verifyInclusion(m, n, leaf, ref.path(m, 0, n), ref.mth(0, n)), `inclusion ${m} in ${n}`).toBe(
          true,
        );
        expect(refVerifyInclusion(m, n, leaf, ref.path(m, 0, n), ref.mth(0, n))).toBe(true);
      }
      for (let m = 1; m <= n; m++) {
        const ok = verifyConsistency(m, n, ref.mth(0, m), ref.mth(0, n), ref.proof(m, n));
        expect(ok, `consistency ${m}→${n}`).toBe(true);
        expect(refVerifyConsistency(m, n, ref.mth(0, m), ref.mth(0, n), ref.proof(m, n))).toBe(true);
      }
    }
  });

  it('(d) tampered inclusion proofs are rejected by both verifiers', () => {
    fc.assert(
      fc.property(
        distinctLeafSet,
        rawPairs,
        fc.nat(),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (data, pairs, bit, junk) => {
          const ref = new RefTree(data);
          for (const p of pairs) {
            const { index, size } = inclusionPair(data.length, p);
            const leaf = refLeafHash(data[index] as Uint8Array);
            const root = ref.mth(0, size);
            const proof = inclusionProof(index, size, refGetter(ref, size));
            const cases: {
              what: string;
              i: number;
              n: number;
              leaf: Uint8Array;
              proof: Uint8Array[];
              root: Uint8Array;
              ok: boolean;
            }[] = [];
            const bad = (
              what: string,
              over: Partial<{
                i: number;
                n: number;
                leaf: Uint8Array;
                proof: Uint8Array[];
                root: Uint8Array;
              }>,
            ) => cases.push({ what, i: index, n: size, leaf, proof, root, ok: false, ...over });
            proof.forEach((_, j) => {
              bad(`flip bit of proof[${j}]`, { proof: proof.map((x, k) => (k === j ? flipBit(x, bit) : x)) });
            });
            if (proof.length > 0) {
              bad('drop last', { proof: proof.slice(0, -1) });
              bad('drop first', { proof: proof.slice(1) });
            }
            bad('append junk', { proof: [...proof, junk] });
            bad('append root', { proof: [...proof, root] });
            bad('prepend junk', { proof: [junk, ...proof] });
            bad('wrong leaf', { leaf: flipBit(leaf, bit) });
            bad('leaf data instead of leaf hash', { leaf: data[index] as Uint8Array });
            bad('wrong root', { root: flipBit(root, bit) });
            bad('empty-tree root', { root: EMPTY_ROOT });
            if (size > 1) bad('root of the previous size', { root: ref.mth(0, size - 1) });
            bad('index = size', { i: size });
            bad('index > size', { i: size + 1 });
            // Wrong index or size: the proof verifies exactly when PATH has the same shape there.
            const want = pathShape(index, size);
            const others = [index - 1, index + 1, index ^ 1, index ^ 2, 0, size - 1].filter(
              (i) => i >= 0 && i < size,
            );
            for (const i of others)
              if (i !== index) cases.push({ what: `index ${i}`, i, n: size, leaf, proof, root, ok: false });
            for (const n of [size - 1, size + 1, size * 2, size >> 1, size + 7]) {
              if (n === size || n < 1) continue;
              const ok = index < n && pathShape(index, n) === want;
              cases.push({ what: `size ${n}`, i: index, n, leaf, proof, root, ok });
            }
            for (const c of cases) {
              const label = `${c.what} (leaf ${index} of ${size})`;
              expect(refVerifyInclusion(c.i, c.n, c.leaf, c.proof, c.root), `reference: ${label}`).toBe(c.ok);
              expect(
                verifyInclusion(
                  c.i,
                  c.n,
                  Buffer.from(c.leaf),
                  c.proof.map((x) => Buffer.from(x)),
                  Buffer.from(c.root),
                ),
                label,
              ).toBe(c.ok);
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('(d) tampered consistency proofs are rejected by both verifiers', () => {
    fc.assert(
      fc.property(
        distinctLeafSet,
        rawPairs,
        fc.nat(),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (data, pairs, bit, junk) => {
          const ref = new RefTree(data);
          for (const p of pairs) {
            const { first, second } = consistencyPair(data.length, p);
            const r1 = ref.mth(0, first);
            const r2 = ref.mth(0, second);
            const proof = consistencyProof(first, second, refGetter(ref, second));
            type Case = {
              what: string;
              m: number;
              n: number;
              r1: Uint8Array;
              r2: Uint8Array;
              proof: Uint8Array[];
            };
            const cases: Case[] = [];
            const bad = (what: string, over: Partial<Omit<Case, 'what'>>) =>
              cases.push({ what, m: first, n: second, r1, r2, proof, ...over });
            proof.forEach((_, j) => {
              bad(`flip bit of proof[${j}]`, { proof: proof.map((x, k) => (k === j ? flipBit(x, bit) : x)) });
            });
            if (proof.length > 0) {
              bad('drop last', { proof: proof.slice(0, -1) });
              bad('drop first', { proof: proof.slice(1) });
              bad('empty proof', { proof: [] });
              bad('duplicate first element', { proof: [proof[0] as Uint8Array, ...proof] });
            }
            bad('append junk', { proof: [...proof, junk] });
            bad('append first root', { proof: [...proof, r1] });
            bad('append second root', { proof: [...proof, r2] });
            bad('prepend junk', { proof: [junk, ...proof] });
            bad('prepend first root', { proof: [r1, ...proof] });
            bad('wrong first root', { r1: flipBit(r1, bit) });
            bad('wrong second root', { r2: flipBit(r2, bit) });
            if (first !== second) bad('swapped roots', { r1: r2, r2: r1 });
            bad('second size smaller than first', { m: second + 1, n: second });
            for (const c of cases) {
              const label = `${c.what} (${first} → ${second})`;
              expect(refVerifyConsistency(c.m, c.n, c.r1, c.r2, c.proof), `reference: ${label}`).toBe(false);
              expect(
                verifyConsistency(
                  c.m,
                  c.n,
                  Buffer.from(c.r1),
                  Buffer.from(c.r2),
                  c.proof.map((x) => Buffer.from(x)),
                ),
                label,
              ).toBe(false);
            }
            // Wrong sizes: our verifier must decide exactly as the RFC algorithm does.
            const sizes: [number, number][] = [
              [first - 1, second],
              [first + 1, second],
              [first ^ 2, second],
              [first, second + 1],
              [first, second - 1],
              [first, second * 2],
              [first, second >> 1],
            ];
            for (const [m, n] of sizes) {
              if (m < 1 || n < 1 || (m === first && n === second)) continue;
              const want = refVerifyConsistency(m, n, r1, r2, proof);
              expect(
                verifyConsistency(m, n, r1, r2, proof),
                `sizes ${m} → ${n} for a ${first} → ${second} proof`,
              ).toBe(want);
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('(d) rejects leaf indices and tree sizes that are not unsigned integers', () => {
    // RFC 9162 leaf_index and tree_size are uint64: a verifier must not accept −1, 0.5 or NaN.
    const data = Array.from({ length: 5 }, (_, i) => Buffer.from([i]));
    const ref = new RefTree(data);
    const leaf0 = refLeafHash(data[0] as Uint8Array);
    const proof0 = ref.path(0, 0, 5);
    const root = ref.mth(0, 5);
    expect(verifyInclusion(0, 5, leaf0, proof0, root)).toBe(true); // the genuine claim
    const r2 = ref.mth(0, 2);
    const p25 = ref.proof(2, 5);
    expect(verifyConsistency(2, 5, r2, root, p25)).toBe(true); // the genuine claim
    const verdicts = {
      'verifyInclusion(-1, 5)': verifyInclusion(-1, 5, leaf0, proof0, root),
      'verifyInclusion(0.5, 5)': verifyInclusion(0.5, 5, leaf0, proof0, root),
      'verifyInclusion(NaN, 5)': verifyInclusion(Number.NaN, 5, leaf0, proof0, root),
      'verifyInclusion(0, 5.5)': verifyInclusion(0, 5.5, leaf0, proof0, root),
      'verifyConsistency(2, 5.5)': verifyConsistency(2, 5.5, r2, root, p25),
      'verifyConsistency(NaN, 5)': verifyConsistency(Number.NaN, 5, r2, root, p25),
      'verifyConsistency(2.5, 5)': verifyConsistency(2.5, 5, r2, root, p25),
    };
    expect(verdicts).toEqual(Object.fromEntries(Object.keys(verdicts).map((k) => [k, false])));
  });
});
