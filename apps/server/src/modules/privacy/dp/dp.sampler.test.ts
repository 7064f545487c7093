import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bernoulliExpNeg, discreteLaplace, noise, noiseVariance, uniformBelow } from './dp.sampler.ts';

const SAMPLES = 40_000;

function moments(draw: () => bigint, n: number) {
  let sum = 0;
  let sq = 0;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    const x = Number(draw());
    sum += x;
    sq += x * x;
    if (x === 0) zeros++;
  }
  const mean = sum / n;
  return { mean, variance: sq / n - mean * mean, zeros: zeros / n };
}

describe('discrete Laplace sampler', () => {
  it('has mean ≈ 0 and variance ≈ 2e^−ε/(1−e^−ε)² for ε drawn at random (fixed sample count)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 3_000_000 }), (epsilonMicro) => {
        const epsilon = epsilonMicro / 1e6;
        const expected = noiseVariance(1, epsilon);
        const m = moments(() => noise(1n, BigInt(epsilonMicro)), SAMPLES);
        // The sample mean's standard error is √(var/n); allow 6 of them. The sample variance of this
        // distribution (kurtosis ≤ 6) has relative error ≤ √(5/n) ≈ 1.1 %; allow 8 %.
        expect(Math.abs(m.mean)).toBeLessThan(6 * Math.sqrt(expected / SAMPLES));
        expect(Math.abs(m.variance / expected - 1)).toBeLessThan(0.08);
        // P(0) = (1 − q)/(1 + q) with q = e^−ε.
        const q = Math.exp(-epsilon);
        const p0 = (1 - q) / (1 + q);
        expect(Math.abs(m.zeros - p0)).toBeLessThan(6 * Math.sqrt((p0 * (1 - p0)) / SAMPLES));
      }),
      { numRuns: 6 },
    );
  });

  it('scales with the sensitivity: Δ = 1000 at ε = 1 has variance ≈ 2·1000²', () => {
    const m = moments(() => noise(1000n, 1_000_000n), SAMPLES);
    expect(Math.abs(m.variance / noiseVariance(1000, 1) - 1)).toBeLessThan(0.08);
    expect(Math.abs(m.mean)).toBeLessThan(6 * Math.sqrt(noiseVariance(1000, 1) / SAMPLES));
  });

  it('is symmetric: as many draws above 0 as below', () => {
    let above = 0;
    let below = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const x = discreteLaplace(3n, 2n);
      if (x > 0n) above++;
      else if (x < 0n) below++;
    }
    expect(Math.abs(above - below)).toBeLessThan(6 * Math.sqrt(above + below));
  });

  it('draws Bernoulli(e^−γ) with the right frequency, below and above γ = 1', () => {
    for (const [num, den] of [
      [1n, 3n],
      [5n, 2n],
    ] as const) {
      let hits = 0;
      for (let i = 0; i < SAMPLES; i++) if (bernoulliExpNeg(num, den)) hits++;
      const p = Math.exp(-Number(num) / Number(den));
      expect(Math.abs(hits / SAMPLES - p)).toBeLessThan(6 * Math.sqrt((p * (1 - p)) / SAMPLES));
    }
  });

  it('draws uniform integers below bounds beyond 2^48 without bias toward the low half', () => {
    const n = 3n * 2n ** 60n;
    let low = 0;
    for (let i = 0; i < 20_000; i++) {
      const v = uniformBelow(n);
      expect(v >= 0n && v < n).toBe(true);
      if (v < n / 2n) low++;
    }
    expect(Math.abs(low - 10_000)).toBeLessThan(6 * Math.sqrt(5_000));
  });
});
