import type { DataLevel, PersonalDataType } from '../masking/index.ts';
import type { TableClassification } from './classify.types.ts';
import { type ColumnAccumulator, columnAccumulator } from './classify-column.ts';
import { maxLevel } from './grades.ts';

// Types that say who a person is; any other personal data beside them is about that person.
const IDENTITY: ReadonlySet<PersonalDataType> = new Set(['person_name', 'resident_id', 'passport']);
// Types that single out a person well enough to make coordinates next to them a person's whereabouts.
const INDIVIDUAL: ReadonlySet<PersonalDataType> = new Set([
  'person_name',
  'resident_id',
  'passport',
  'mobile',
  'licence_plate',
  'bank_card',
  'email',
]);

/** Running statistics of a whole table: rows are added one at a time and never kept. */
export type TableAccumulator = {
  add(row: readonly string[]): void;
  /** Rows added so far. */
  readonly rows: number;
  result(): TableClassification;
};

/** Streaming form of {@link classifyTable}, for files and tables too large to hold. */
export function tableAccumulator(header: readonly string[]): TableAccumulator {
  const columns: ColumnAccumulator[] = header.map((h) => columnAccumulator(h));
  let rows = 0;
  return {
    add(row) {
      rows++;
      for (let j = 0; j < columns.length; j++) (columns[j] as ColumnAccumulator).add(row[j] ?? '');
    },
    get rows() {
      return rows;
    },
    result: () => gradeTable(columns.map((acc, j) => ({ column: header[j] as string, ...acc.result() }))),
  };
}

/**
 * The dataset level from its columns (DB33/T 2350-2021): the highest column level, raised to L3 when
 * identity sits beside other personal data or coordinates beside anything that singles out a person
 * (their whereabouts). L4 is never suggested: it is for data whose leak would harm national security
 * or the public interest (core data, GB/T 43697-2024), which no pattern in the values shows; only the
 * data officer and the grading committee can decide it.
 */
function gradeTable(columns: TableClassification['columns']): TableClassification {
  let level: DataLevel = 'L1';
  const reasons: string[] = [];
  for (const c of columns) {
    if (c.level === 'L1') continue;
    level = maxLevel(level, c.level);
    reasons.push(`${c.column}: ${c.type} → ${c.level}`);
  }
  const types = new Set(columns.map((c) => c.type).filter((t): t is PersonalDataType => t !== null));
  const identity = [...types].filter((t) => IDENTITY.has(t));
  const others = [...types].filter((t) => t !== 'credit_code' && !identity.includes(t));
  if (identity.length > 0 && (others.length > 0 || identity.length > 1)) {
    level = maxLevel(level, 'L3');
    reasons.push(`identity (${identity.join(', ')}) combined with other personal data → L3`);
  }
  if (types.has('coordinates') && [...types].some((t) => INDIVIDUAL.has(t))) {
    level = maxLevel(level, 'L3');
    reasons.push('coordinates of individuals → L3');
  }
  return { columns, level, reasons };
}

/** Classifies every column and suggests the dataset's level (see {@link gradeTable}). */
export function classifyTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): TableClassification {
  const acc = tableAccumulator(header);
  for (const r of rows) acc.add(r);
  return acc.result();
}
