import { hashSeed, type Random, weightedTable } from './random.ts';

/** MIIT numbering as of 2023 (toolchain.md). */
export const MOBILE_PATTERN = /^1(3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$/;

// Older number blocks hold more subscribers; 14x/16x/17x/19x are newer and thinner.
const PREFIXES = weightedTable(
  [
    ...'134 135 136 137 138 139 130 131 132 133'.split(' ').map((p) => [p, 3] as const),
    ...'150 151 152 157 158 159 155 156 153 182 183 187 188 185 186 180 181 189 184'
      .split(' ')
      .map((p) => [p, 2.5] as const),
    ...'147 172 178 195 197 198 145 166 175 176 196 149 173 177 190 191 193 199 192'
      .split(' ')
      .map((p) => [p, 1] as const),
  ].map(([p, w]) => [p, w] as const),
);

const SUBSCRIBERS = 100_000_000;
// Odd and not a multiple of 5, hence coprime with 10^8: i → (i·A + B) mod 10^8 is a bijection.
const MULTIPLIER = 73_939_133;

/** Hands out mobile numbers that never repeat within one generator, in a scattered order. */
export class MobileAllocator {
  private readonly next = new Map<string, number>();
  constructor(private readonly seed: string | number) {}

  allocate(rng: Random): string {
    const prefix = PREFIXES.pick(rng);
    const i = this.next.get(prefix) ?? 0;
    this.next.set(prefix, i + 1);
    // i stays far below 2^53 / MULTIPLIER (~1.2e8) at any city size, so the product is exact.
    const n = (i * MULTIPLIER + hashSeed(this.seed, prefix)) % SUBSCRIBERS;
    return prefix + String(n).padStart(8, '0');
  }
}
