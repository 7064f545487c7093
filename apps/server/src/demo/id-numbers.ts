import { residentIdCheckChar } from '../platform/formats.ts';
import { dayOf, isoOfDay } from './dates.ts';
import type { Gender } from './names.ts';

const FIRST_DAY = dayOf('1900-01-01');
const SPAN = dayOf('2100-01-01') - FIRST_DAY;
// Male sequences are the 500 odd numbers 001–999, female the 499 even numbers 002–998 (000 is never issued).
const CAPACITY: Record<Gender, number> = { 男: 500, 女: 499 };
// Coprime with 500 and with the prime 499, so consecutive allocations visit every slot once before repeating.
const STRIDE = 173;

/**
 * Hands out resident ID numbers that are unique per generator without remembering the numbers:
 * one counter per (area, birth day, gender), with a stride that scatters sequences over 001–999
 * the way police stations' blocks do. Memory grows with the areas used, ~180 KB each.
 */
export class IdNumberAllocator {
  private readonly counters = new Map<string, Uint16Array>();

  /** The number, or null once every sequence of that area, day and gender is taken. */
  allocate(areaCode: string, birthDay: number, gender: Gender): string | null {
    const dayIndex = birthDay - FIRST_DAY;
    if (dayIndex < 0 || dayIndex >= SPAN) throw new Error(`birth date out of range: ${isoOfDay(birthDay)}`);
    let counts = this.counters.get(areaCode);
    if (!counts) {
      counts = new Uint16Array(SPAN * 2);
      this.counters.set(areaCode, counts);
    }
    const slotIndex = dayIndex * 2 + (gender === '男' ? 0 : 1);
    const k = counts[slotIndex] as number;
    const capacity = CAPACITY[gender];
    if (k >= capacity) return null;
    counts[slotIndex] = k + 1;
    const offset = mix(Number(areaCode) * 40_009 + dayIndex) % capacity;
    const slot = (k * STRIDE + offset) % capacity;
    const sequence = gender === '男' ? 2 * slot + 1 : 2 * slot + 2;
    const body = `${areaCode}${isoOfDay(birthDay).replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    return body + (residentIdCheckChar(body) as string);
  }
}

function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
