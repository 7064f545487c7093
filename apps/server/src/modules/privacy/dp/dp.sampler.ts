import { randomBytes, randomInt } from 'node:crypto';

/** Uniform integer in [0, n) from the operating system's CSPRNG, exactly (rejection, no modulo bias). */
export function uniformBelow(n: bigint): bigint {
  if (n <= 0n) throw new RangeError('n must be positive');
  if (n <= 0xffff_ffff_ffffn) return BigInt(randomInt(Number(n)));
  const bits = n.toString(2).length;
  const bytes = Math.ceil(bits / 8);
  const excess = BigInt(bytes * 8 - bits);
  for (;;) {
    const v = BigInt(`0x${randomBytes(bytes).toString('hex')}`) >> excess;
    if (v < n) return v;
  }
}

/**
 * Bernoulli(exp(−num/den)), exactly, with integer arithmetic only (Canonne, Kamath & Steinke 2020,
 * Algorithm 1): no floating-point exp or log, whose rounding can leak through the noise's low bits.
 */
export function bernoulliExpNeg(num: bigint, den: bigint): boolean {
  if (num < 0n || den <= 0n) throw new RangeError('need num ≥ 0 and den > 0');
  if (num <= den) {
    let k = 1n;
    while (uniformBelow(den * k) < num) k++;
    return k % 2n === 1n;
  }
  for (let i = num / den; i > 0n; i--) if (!bernoulliExpNeg(1n, 1n)) return false;
  return bernoulliExpNeg(num % den, den);
}

/**
 * One draw of the discrete Laplace (two-sided geometric) distribution with scale t/s:
 * P(x) ∝ exp(−|x|·s/t) on the integers (CKS 2020, Algorithm 2).
 */
export function discreteLaplace(t: bigint, s: bigint): bigint {
  if (t <= 0n || s <= 0n) throw new RangeError('scale t/s needs t, s > 0');
  for (;;) {
    const u = uniformBelow(t);
    if (!bernoulliExpNeg(u, t)) continue;
    let v = 0n;
    while (bernoulliExpNeg(1n, 1n)) v++;
    const y = (u + t * v) / s;
    const negative = uniformBelow(2n) === 1n;
    if (negative && y === 0n) continue;
    return negative ? -y : y;
  }
}

/** ε is carried in millionths so that budgets add up exactly. */
export const MICRO = 1_000_000n;
export const toMicro = (epsilon: number): bigint => BigInt(Math.round(epsilon * 1e6));
export const fromMicro = (micro: bigint | number): number => Number(micro) / 1e6;

/**
 * Noise for a count or a sum whose one-row influence is `sensitivity` (a positive integer), at ε given in
 * millionths: discrete Laplace with scale sensitivity/ε, which makes the release ε-differentially private.
 */
export function noise(sensitivity: bigint, epsilonMicro: bigint): bigint {
  return discreteLaplace(sensitivity * MICRO, epsilonMicro);
}

/** The variance of that noise: 2q/(1−q)² with q = e^(−ε/Δ). */
export function noiseVariance(sensitivity: number, epsilon: number): number {
  const q = Math.exp(-epsilon / sensitivity);
  return (2 * q) / (1 - q) ** 2;
}
