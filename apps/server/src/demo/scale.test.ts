import { describe, expect, it } from 'vitest';
import { csvRow } from './csv-writer.ts';
import { ageOn, dayOf } from './dates.ts';
import { generateHouseholds } from './persons.ts';
import { estimateCounts, GENERATOR_RATIOS, SCALES } from './scale.ts';

describe('scale', () => {
  it('has the product’s presets', () => {
    expect(SCALES.district).toMatchObject({ persons: 100_000, enterprises: 10_000 });
    expect(SCALES.city).toMatchObject({ persons: 12_000_000, enterprises: 1_500_000 });
    const city = estimateCounts('city');
    expect(city.households).toBeGreaterThan(4_000_000);
    expect(city.csvBytes.total).toBeGreaterThan(3e9);
    expect(estimateCounts(50_000).enterprises).toBe(5_000);
    expect(() => estimateCounts(-1)).toThrow();
  });

  it('estimates within 10% of what the generator produces', () => {
    const asOf = dayOf('2025-06-30');
    let persons = 0;
    let households = 0;
    let minors = 0;
    let elderly = 0;
    let bytes = 0;
    for (const h of generateHouseholds('scale')) {
      households++;
      for (const p of h.members) {
        persons++;
        const age = ageOn(dayOf(p.birth_date), asOf);
        if (age < 18) minors++;
        if (age >= 60) elderly++;
        bytes += Buffer.byteLength(`${csvRow(Object.values(p))}\r\n`);
      }
      if (persons >= 40_000) break;
    }
    const e = estimateCounts(persons);
    const near = (estimate: number, actual: number) => Math.abs(estimate - actual) / actual < 0.1;
    expect(near(e.households, households)).toBe(true);
    expect(near(e.minors, minors)).toBe(true);
    expect(near(e.elderly, elderly)).toBe(true);
    expect(near(GENERATOR_RATIOS.csvBytesPerRow.persons, bytes / persons)).toBe(true);
  });
});
