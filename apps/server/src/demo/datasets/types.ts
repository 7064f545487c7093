import type { CreateDatasetBody, DatasetField } from '@shuzhi/contracts';
import type { ConflictOptions, DefectOptions } from '../defects.ts';
import type { Random } from '../random.ts';
import type { EnterpriseUnit, HouseholdUnit, World } from '../world/world.ts';

export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

/** A seeded organisation: a city department by its key in orgs' seed data, or a district government. */
export type Owner = { department: string } | { district: string };

/**
 * Where a dataset's rows come from. Each hook is called as the one pass over the city reaches its
 * unit, with the dataset's own random stream, so datasets join on the same persons and enterprises
 * and adding one never changes another.
 */
export type RowSource = {
  /** Before the pass: lists that depend on the divisions only (facilities, stations). */
  reference?: (world: World, rng: Random) => Iterable<Row>;
  household?: (unit: HouseholdUnit, rng: Random, world: World) => Iterable<Row>;
  enterprise?: (unit: EnterpriseUnit, rng: Random, world: World) => Iterable<Row>;
  /** After the pass: statistics over what streamed by (see `WorldStats`). */
  summary?: (world: World, rng: Random) => Iterable<Row>;
};

/** One department dataset of the demo city: its catalog entry, its rows and the defects it carries. */
export type DemoDataset = {
  owner: Owner;
  entry: Omit<CreateDatasetBody, 'ownerOrgId'>;
  rows: RowSource;
  /** Defects injected into the rows (key names the field the defect log identifies records by). */
  defects?: Omit<DefectOptions<Row>, 'seed'>;
  /** A second source's disagreement on one field, applied before the defects. */
  conflict?: Omit<ConflictOptions<Row>, 'seed'>;
  /** Disagreements decided by the world (marital status), reported with this dataset. */
  worldConflicts?: 'marital_status';
  /**
   * A record number assigned after the defects, so that an injected duplicate becomes a second
   * record of the same facts (重复登记) that survives loading, instead of a repeated key.
   */
  serial?: { field: string; format: (n: number, row: Row) => string };
};

/**
 * A data element (一数一源) with its authoritative dataset and field, and the other datasets that
 * carry it (bound so the conflict check compares them, each keyed by the same subject).
 */
export type DemoElement = {
  code: string;
  name: string;
  description: string;
  dataset: string;
  field: string;
  keyType: 'resident_id' | 'credit_code' | 'other';
  bindings: { dataset: string; valueField: string; keyField: string }[];
};

type FieldOptions = Partial<
  Pick<DatasetField, 'unit' | 'sensitivity' | 'personalType' | 'key' | 'element' | 'description'>
>;

/** A catalog field with the defaults spelled out. */
export function field(
  name: string,
  title: string,
  type: DatasetField['type'],
  options: FieldOptions = {},
): DatasetField {
  return { name, title, type, sensitivity: 'none', key: false, ...options };
}

export const key = (name: string, title: string, options: FieldOptions = {}) =>
  field(name, title, 'string', { ...options, key: true });

export type EntryBase = Pick<
  CreateDatasetBody,
  | 'code'
  | 'name'
  | 'nameEn'
  | 'description'
  | 'theme'
  | 'updateFrequency'
  | 'shareType'
  | 'openType'
  | 'level'
> &
  Partial<Pick<CreateDatasetBody, 'sourceSystem' | 'tags' | 'contact'>> & { fields: DatasetField[] };

/** A catalog entry with a department's usual contact filled in. */
export function entry(e: EntryBase, contact: CreateDatasetBody['contact']): DemoDataset['entry'] {
  return { sourceSystem: '', tags: [], ...e, contact: e.contact ?? contact };
}
