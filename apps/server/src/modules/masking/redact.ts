import { createHmac } from 'node:crypto';
import type { Masker } from './masking.types.ts';

/** Every character (code point, so a Han character counts once) replaced by `*`. */
export function redact(value: string): string {
  return '*'.repeat(Array.from(value).length);
}

/** Withholds the value entirely. */
export function drop(_value: string): null {
  return null;
}

/** HMAC-SHA-256 of the value under the salt, in hex: stable, so hashed columns can still be joined and counted. */
export function makeHash(salt: string): Masker {
  return (value) => createHmac('sha256', salt).update(value, 'utf8').digest('hex');
}

const isAlnumOrStar = (c: string) => /^[0-9A-Za-z*]$/.test(c);

/**
 * Keeps the first `head` and last `tail` slots and stars the others; characters that are not slots
 * (separators such as `-`, spaces, `·`) stay, so the shape of the value survives and masking is idempotent.
 */
export function keepEnds(value: string, head: number, tail: number, isSlot = isAlnumOrStar): string {
  const chars = Array.from(value);
  let total = 0;
  for (const c of chars) if (isSlot(c)) total++;
  let i = 0;
  return chars
    .map((c) => {
      if (!isSlot(c)) return c;
      const k = i++;
      return k < head || k >= total - tail ? c : '*';
    })
    .join('');
}
