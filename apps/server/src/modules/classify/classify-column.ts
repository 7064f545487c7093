import type { PersonalDataType } from '../masking/index.ts';
import type { ColumnClassification } from './classify.types.ts';
import {
  scoreBankCard,
  scoreCreditCode,
  scoreLandline,
  scoreLicencePlate,
  scoreMobile,
  scorePassport,
  scoreResidentId,
} from './detect-numbers.ts';
import {
  scoreAddress,
  scoreBirthDate,
  scoreCoordinates,
  scoreEmail,
  scorePersonName,
} from './detect-personal.ts';
import { scanText } from './free-text.ts';
import { GRADES, SENSITIVITY_ORDER } from './grades.ts';
import { headerHints } from './header-hints.ts';

/** The value scorers, most sensitive first (the order breaks ties). */
export const DETECTORS: readonly (readonly [PersonalDataType, (value: string) => number])[] = [
  ['resident_id', scoreResidentId],
  ['bank_card', scoreBankCard],
  ['passport', scorePassport],
  ['coordinates', scoreCoordinates],
  ['mobile', scoreMobile],
  ['email', scoreEmail],
  ['licence_plate', scoreLicencePlate],
  ['birth_date', scoreBirthDate],
  ['address', scoreAddress],
  ['landline', scoreLandline],
  ['person_name', scorePersonName],
  ['credit_code', scoreCreditCode],
];

/** A column is reported as a type from this confidence up. */
export const THRESHOLD = 0.5;
// Values shorter than this are not prose worth scanning for embedded data.
const FREE_TEXT_MIN = 12;

const round = (x: number) => Math.round(x * 100) / 100;

function result(type: PersonalDataType | null, confidence: number): ColumnClassification {
  if (type === null) return { type, confidence: round(confidence), sensitivity: 'none', level: 'L1' };
  return { type, confidence: round(confidence), ...GRADES[type] };
}

/** Running statistics of one column: values are added one at a time and never kept. */
export type ColumnAccumulator = {
  add(value: string): void;
  /** The classification of every value added so far. */
  result(): ColumnClassification;
};

/**
 * Streaming form of {@link classifyColumn}: memory stays a few counters per type, however many
 * values are added, so a file of any length can be classified row by row.
 */
export function columnAccumulator(header: string): ColumnAccumulator {
  const hints = headerHints(header);
  const sums = new Float64Array(DETECTORS.length);
  const compatible = new Uint32Array(DETECTORS.length);
  const embedded = new Map<PersonalDataType, number>();
  let n = 0;
  return {
    add(raw) {
      const v = typeof raw === 'string' ? raw.trim() : '';
      if (v === '') return;
      n++;
      let best = 0;
      for (let i = 0; i < DETECTORS.length; i++) {
        const s = (DETECTORS[i] as (typeof DETECTORS)[number])[1](v);
        if (s === 0) continue;
        sums[i]! += s;
        compatible[i]!++;
        if (s > best) best = s;
      }
      if (best < THRESHOLD && v.length >= FREE_TEXT_MIN) {
        for (const t of scanText(v)) embedded.set(t, (embedded.get(t) ?? 0) + 1);
      }
    },
    result() {
      if (n === 0) return result(null, 0);
      let bestType: PersonalDataType | null = null;
      let bestConf = 0;
      for (let i = 0; i < DETECTORS.length; i++) {
        const [type] = DETECTORS[i] as (typeof DETECTORS)[number];
        const base = sums[i]! / n;
        const conf = hints.has(type) ? base + 0.5 * (1 - base) * (compatible[i]! / n) : 0.9 * base;
        // Strictly greater: on a tie the earlier, more sensitive type stays.
        if (conf > bestConf) {
          bestConf = conf;
          bestType = type;
        }
      }
      if (bestType !== null && bestConf >= THRESHOLD) return result(bestType, Math.min(1, bestConf));

      const found = SENSITIVITY_ORDER.find((t) => embedded.has(t));
      if (found !== undefined) {
        // A single embedded ID in prose is already personal data; more of them only make it surer.
        const share = (embedded.get(found) as number) / n;
        return result(found, Math.min(1, 0.6 + 2 * share));
      }
      return result(null, 1 - bestConf);
    },
  };
}

/**
 * Suggests a column's personal-data type from its header and sample values.
 *
 * Each non-empty value gets a score per type (1 proven, e.g. by a checksum; about 0.5 for a look-alike;
 * 0.15–0.3 for merely compatible), and `base` is the mean. Without a header hint the confidence is
 * 0.9 × base, so only a column of mostly proven values passes the 0.5 bar. A header hint adds half
 * the remaining distance, scaled by the share of compatible values: the header can settle an
 * ambiguous column (纬度 over plain decimals) but cannot make a column of unrelated values personal.
 * When no type passes, values that look like prose are scanned for embedded personal data and the
 * column reports the most sensitive type found.
 */
export function classifyColumn(header: string, samples: readonly string[]): ColumnClassification {
  const acc = columnAccumulator(header);
  for (const v of samples) acc.add(v);
  return acc.result();
}
