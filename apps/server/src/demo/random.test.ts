import { describe, expect, it } from 'vitest';
import { hashSeed, Random, weightedTable } from './random.ts';

describe('Random', () => {
  it('repeats a sequence for the same seed and differs for another', () => {
    const draw = (seed: string | number) => {
      const rng = new Random(seed);
      return Array.from({ length: 50 }, () => rng.uint32());
    };
    const a = new Random('x');
    const b = new Random('x');
    const seqA = Array.from({ length: 100 }, () => a.uint32());
    const seqB = Array.from({ length: 100 }, () => b.uint32());
    expect(seqB).toEqual(seqA);
    expect(draw(1)).not.toEqual(draw(2));
    expect(hashSeed(1)).toBe(hashSeed('1'));
    expect(new Random(1).fork('a').next()).not.toBe(new Random(1).fork('b').next());
  });

  it('keeps ints within bounds and hits both ends', () => {
    const rng = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const v = rng.int(-2, 3);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThanOrEqual(3);
      seen.add(v);
    }
    expect([...seen].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it('draws by weight, normally, and shuffles without losing items', () => {
    const rng = new Random(4);
    const table = weightedTable([
      ['a', 1],
      ['b', 0],
      ['c', 3],
    ] as const);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 40_000; i++) counts[table.pick(rng)]++;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.8);
    expect(counts.c / counts.a).toBeLessThan(3.2);
    expect(rng.weighted(['x', 'y'], [0, 1])).toBe('y');

    const xs = Array.from({ length: 20_000 }, () => rng.normal(10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);

    const items = Array.from({ length: 100 }, (_, i) => i);
    const shuffled = rng.shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(() => rng.pick([])).toThrow();
  });
});
