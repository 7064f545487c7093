import { creditCodeCheckChar } from '../../platform/formats.ts';
import { organisationCheckChar } from '../enterprises.ts';

const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * An affine bijection of [0, space): counters become scattered but never repeating numbers, so
 * certificate and plate numbers stay unique without remembering the ones issued.
 */
export function scatter(index: number, space: number, multiplier: number, offset: number): number {
  // Products stay below 2^53 for the spaces used here (≤ 10^9 × multipliers < 10^6).
  return ((((index % space) * multiplier + offset) % space) + space) % space;
}

/** `n` as a zero-padded decimal of `width` digits. */
export const digits = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A checksum-valid unified social credit code for organisations other than market entities:
 * registration authority and category (`12` public institution, `51`–`53` social organisations,
 * `N2` village collective), the county-level area code, an organisation code made from `index`.
 */
export function organisationCreditCode(prefix: string, area: string, index: number, salt: number): string {
  let n = scatter(index, 31 ** 6, 7_919, salt % 31 ** 6);
  let tail = '';
  for (let i = 0; i < 6; i++) {
    tail = ORG_ALPHABET[n % 31] + tail;
    n = Math.floor(n / 31);
  }
  const org = `M${prefix === 'N2' ? 'C' : 'B'}${tail}`;
  const body = `${prefix}${area}${org}${organisationCheckChar(org)}`;
  return body + (creditCodeCheckChar(body) as string);
}

// Plate letters leave out I and O, which read as 1 and 0.
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PAIRS = [
  [0, 1],
  [0, 2],
  [0, 3],
  [0, 4],
  [1, 2],
  [1, 3],
  [1, 4],
  [2, 3],
  [2, 4],
  [3, 4],
] as const;
// Five digits, or one letter anywhere among four digits, or two letters among three digits.
const ONE_LETTER = 5 * 24 * 10_000;
const TWO_LETTERS = 10 * 24 * 24 * 1_000;
const PETROL_SPACE = 100_000 + ONE_LETTER + TWO_LETTERS;
const ELECTRIC_SPACE = 2 * 34 * 10_000;

function petrolPlate(n: number): string {
  if (n < 100_000) return digits(n, 5);
  if (n < 100_000 + ONE_LETTER) {
    let m = n - 100_000;
    const pos = m % 5;
    m = Math.floor(m / 5);
    const letter = PLATE_LETTERS[m % 24] as string;
    const rest = digits(Math.floor(m / 24), 4);
    return rest.slice(0, pos) + letter + rest.slice(pos);
  }
  let m = n - 100_000 - ONE_LETTER;
  const [p1, p2] = PAIRS[m % 10] as readonly [number, number];
  m = Math.floor(m / 10);
  const l1 = PLATE_LETTERS[m % 24] as string;
  m = Math.floor(m / 24);
  const l2 = PLATE_LETTERS[m % 24] as string;
  const rest = [...digits(Math.floor(m / 24), 3)];
  const out: string[] = [];
  for (let i = 0, d = 0; i < 5; i++) out.push(i === p1 ? l1 : i === p2 ? l2 : (rest[d++] as string));
  return out.join('');
}

/**
 * 浙A plates (Hangzhou), unique per allocator: five characters with at most two letters for petrol
 * cars; D (electric) or F (hybrid), a letter or digit and four digits for new-energy cars.
 */
export class PlateAllocator {
  private petrol = 0;
  private electric = 0;

  next(newEnergy: boolean): string {
    if (newEnergy && this.electric < ELECTRIC_SPACE) {
      let n = scatter(this.electric++, ELECTRIC_SPACE, 7_919, 12_345);
      const kind = n % 2 === 0 ? 'D' : 'F';
      n = Math.floor(n / 2);
      const second = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'[n % 34] as string;
      return `浙A${kind}${second}${digits(Math.floor(n / 34), 4)}`;
    }
    if (this.petrol >= PETROL_SPACE) throw new Error('浙A plates exhausted');
    return `浙A${petrolPlate(scatter(this.petrol++, PETROL_SPACE, 611_953, 1_234_567))}`;
  }
}
