import type { FieldRule } from './mask-policy.ts';
import type { DataLevel, Sensitivity } from './masking.types.ts';

/** A catalog field's grading from its declared sensitivity (DB33/T 2350-2021: none L1 … high L4). */
export const SENSITIVITY_LEVEL: Readonly<Record<Sensitivity, DataLevel>> = {
  none: 'L1',
  low: 'L2',
  medium: 'L3',
  high: 'L4',
};

const ORDER: readonly DataLevel[] = ['L1', 'L2', 'L3', 'L4'];

/** The stricter of two levels; anything that is not L1–L4 counts as L4. */
export function stricterLevel(a: string, b: string): DataLevel {
  const rank = (l: string) => (ORDER.includes(l as DataLevel) ? ORDER.indexOf(l as DataLevel) : 3);
  return ORDER[Math.max(rank(a), rank(b))] as DataLevel;
}

/** What masking needs of a catalog entry: its level, its fields' sensitivities and personal-data types. */
export type GradedDataset = {
  level: string;
  fields: readonly { name: string; sensitivity: Sensitivity; key?: boolean; personalType?: string | null }[];
};

/**
 * The level a field is masked at: its own sensitivity, raised to the dataset's level when it holds
 * personal data, so that a dataset graded L4 (core data) lets none of its personal fields out in
 * clear whatever each field says. A field declared without sensitivity stays L1: the officer said it
 * holds nothing about anyone.
 */
export function fieldLevel(sensitivity: Sensitivity, datasetLevel: string): DataLevel {
  const own = SENSITIVITY_LEVEL[sensitivity] ?? 'L4';
  return sensitivity === 'none' ? own : stricterLevel(own, datasetLevel);
}

/**
 * The masking rules of every field of a dataset, the one input `maskRecord` needs on every read path.
 * A field's type picks its mask, so that the masked form keeps what is useful: `types` says what a
 * field holds where the caller knows better (a checksum rule on it, a data element's key type),
 * otherwise the catalog's `personalType` (个人信息类型) says it; an untyped personal field is redacted.
 */
export function datasetRules(ds: GradedDataset, types?: ReadonlyMap<string, string>): FieldRule[] {
  return ds.fields.map((f) => ({
    name: f.name,
    type: types?.get(f.name) ?? f.personalType ?? null,
    level: fieldLevel(f.sensitivity, ds.level),
  }));
}

/** The fields holding personal data (declared with a sensitivity): the ones a read is ledgered for. */
export function personalFields(ds: Pick<GradedDataset, 'fields'>): string[] {
  return ds.fields.filter((f) => f.sensitivity !== 'none').map((f) => f.name);
}
