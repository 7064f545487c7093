import { describe, expect, it } from 'vitest';
import { isValidCreditCode, isValidResidentId } from '../platform/formats.ts';
import {
  conflictingSource,
  DefectLog,
  flipCheckChar,
  injectDefects,
  maritalStatusConflict,
} from './defects.ts';
import { generatePersons, type Person } from './persons.ts';
import { Random } from './random.ts';

const N = 20_000;
const clean = [...generatePersons('defects', N)];
const byId = new Map(clean.map((p) => [p.id_number, p]));
const rates = { duplicate: 0.02, missing: 0.05, bad_checksum: 0.01, stale: 0.03 };

function run(keepEntries = true) {
  const log = new DefectLog(keepEntries);
  const out = [
    ...injectDefects(
      clean,
      {
        seed: 9,
        rates,
        key: 'id_number',
        missingFields: ['mobile', 'address', 'education'],
        checksumFields: { id_number: 'resident-id' },
        staleField: 'updated_at',
        staleAfterDays: 3 * 365,
      },
      log,
    ),
  ];
  return { out, log };
}

describe('injectDefects', () => {
  const { out, log } = run();

  it('injects each kind near its rate and logs exactly what it did', () => {
    expect(log.input).toBe(N);
    expect(log.output).toBe(out.length);
    expect(out.length).toBe(N + log.counts.duplicate);
    for (const kind of ['duplicate', 'missing', 'bad_checksum', 'stale'] as const) {
      const observed = log.counts[kind] / N;
      // Binomial noise at these sizes is well under 25% of the rate; "missing" also skips records with nothing to blank.
      expect(observed, kind).toBeGreaterThan(rates[kind] * 0.75);
      expect(observed, kind).toBeLessThan(rates[kind] * 1.25);
      expect(log.entries.filter((e) => e.kind === kind)).toHaveLength(log.counts[kind]);
    }
  });

  it('matches the ground truth when the output is checked independently', () => {
    const seen = new Map<string, number>();
    let duplicates = 0;
    let badChecksums = 0;
    let stale = 0;
    let missing = 0;
    for (const [i, r] of out.entries()) {
      if (!isValidResidentId(r.id_number)) {
        badChecksums++;
        expect(log.entries.find((e) => e.position === i)?.kind).toBe('bad_checksum');
        continue;
      }
      const times = (seen.get(r.id_number) ?? 0) + 1;
      seen.set(r.id_number, times);
      if (times > 1) {
        duplicates++;
        expect(r).toEqual(byId.get(r.id_number));
        continue;
      }
      const original = byId.get(r.id_number) as Person;
      if (r.updated_at !== original.updated_at) {
        stale++;
        expect(r.updated_at < '2022-07-01').toBe(true);
      }
      for (const f of ['mobile', 'address', 'education'] as const) {
        if (r[f] === null && original[f] !== null) missing++;
      }
    }
    expect({ duplicates, badChecksums, stale, missing }).toEqual({
      duplicates: log.counts.duplicate,
      badChecksums: log.counts.bad_checksum,
      stale: log.counts.stale,
      missing: log.counts.missing,
    });
    for (const e of log.entries) {
      const r = out[e.position] as Person;
      if (e.kind === 'duplicate') expect(r.id_number).toBe(e.key);
      else expect(r[e.field as keyof Person]).toEqual(e.injected);
    }
  });

  it('is deterministic and can keep counts only', () => {
    const again = run(false);
    expect(again.out).toEqual(out);
    expect(again.log.counts).toEqual(log.counts);
    expect(again.log.entries).toHaveLength(0);
  });

  it('refuses rates it cannot honour', () => {
    expect(() => [
      ...injectDefects(clean.slice(0, 1), {
        seed: 1,
        key: 'id_number',
        rates: { duplicate: 0.7, stale: 0.5 },
      }),
    ]).toThrow(/sum/);
    expect(() => [
      ...injectDefects(clean.slice(0, 1), { seed: 1, key: 'id_number', rates: { stale: 0.1 } }),
    ]).toThrow(/staleField/);
  });
});

describe('flipCheckChar', () => {
  it('always breaks a valid code', () => {
    const rng = new Random(5);
    for (const p of clean.slice(0, 500))
      expect(isValidResidentId(flipCheckChar(rng, p.id_number, 'resident-id'))).toBe(false);
    expect(isValidCreditCode(flipCheckChar(rng, '91330100MA2XXXXX1B', 'credit-code'))).toBe(false);
  });
});

describe('conflictingSource', () => {
  it('lets a second department disagree on marital status at the given rate, adults only', () => {
    const log = new DefectLog();
    const marriage = [
      ...conflictingSource(
        clean,
        {
          seed: 3,
          rate: 0.04,
          key: 'id_number',
          field: 'marital_status',
          alternative: maritalStatusConflict,
        },
        log,
      ),
    ];
    expect(marriage).toHaveLength(N);
    const differing = marriage.filter((r, i) => r.marital_status !== clean[i]?.marital_status);
    expect(differing).toHaveLength(log.counts.conflict);
    expect(log.counts.conflict / N).toBeGreaterThan(0.025);
    expect(log.counts.conflict / N).toBeLessThan(0.05);
    for (const e of log.entries) {
      const p = byId.get(e.key) as Person;
      expect(p.marital_status).toBe(e.original);
      expect(Number(p.birth_date.slice(0, 4))).toBeLessThanOrEqual(2005);
    }
  });
});
