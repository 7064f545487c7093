export type ScaleName = 'small' | 'district' | 'city';

export type ScalePreset = { name: ScaleName; persons: number; enterprises: number; description: string };

/** The two sizes of product.md's scale table, and a small town for browser tests and quick looks. */
export const SCALES: Record<ScaleName, ScalePreset> = {
  small: {
    name: 'small',
    persons: 2_000,
    enterprises: 200,
    description: 'a small town: seconds to seed, for browser tests',
  },
  district: {
    name: 'district',
    persons: 100_000,
    enterprises: 10_000,
    description: 'one district on the embedded database',
  },
  city: {
    name: 'city',
    persons: 12_000_000,
    enterprises: 1_500_000,
    description: 'the whole city, streamed to files for PostgreSQL',
  },
};

// Measured on the generator (seeds 1–7, 200k persons each): keep in step with households.ts and the
// record shapes; scale.test.ts fails when they drift by more than 10%.
export const GENERATOR_RATIOS = {
  personsPerHousehold: 2.57,
  minorShare: 0.175,
  elderlyShare: 0.184,
  /** Houses per household: village houses are numbered per community and town flats rarely collide. */
  housesPerHousehold: 1,
  csvBytesPerRow: { persons: 292, enterprises: 265, houses: 304 },
} as const;

export type CountEstimate = {
  persons: number;
  households: number;
  houses: number;
  enterprises: number;
  minors: number;
  elderly: number;
  csvBytes: { persons: number; enterprises: number; houses: number; total: number };
};

/** What a scale (or a person count, with enterprises at the district ratio) will produce. */
export function estimateCounts(scale: ScaleName | number): CountEstimate {
  const preset =
    typeof scale === 'number'
      ? {
          persons: scale,
          enterprises: Math.round(scale * (SCALES.district.enterprises / SCALES.district.persons)),
        }
      : SCALES[scale];
  if (!(preset.persons >= 0) || !Number.isFinite(preset.persons))
    throw new Error(`bad person count ${preset.persons}`);
  const r = GENERATOR_RATIOS;
  const households = Math.round(preset.persons / r.personsPerHousehold);
  const houses = Math.round(households * r.housesPerHousehold);
  const bytes = {
    persons: preset.persons * r.csvBytesPerRow.persons,
    enterprises: preset.enterprises * r.csvBytesPerRow.enterprises,
    houses: houses * r.csvBytesPerRow.houses,
  };
  return {
    persons: preset.persons,
    households,
    houses,
    enterprises: preset.enterprises,
    minors: Math.round(preset.persons * r.minorShare),
    elderly: Math.round(preset.persons * r.elderlyShare),
    csvBytes: { ...bytes, total: bytes.persons + bytes.enterprises + bytes.houses },
  };
}
