import type { DataLevel, PersonalDataType } from '../masking/index.ts';

export type Sensitivity = 'none' | 'low' | 'medium' | 'high';

/** What classification suggests for one column; the data officer confirms or corrects it. */
export type ColumnClassification = {
  /** The detected type, or null when the column holds no recognised personal data. */
  type: PersonalDataType | null;
  /**
   * 0..1: how sure the detection of `type` is. For `type: null` it is how sure the column holds none of
   * the types (1 − the best candidate's score), and 0 for an empty column, about which nothing is known.
   */
  confidence: number;
  sensitivity: Sensitivity;
  level: DataLevel;
};

export type TableClassification = {
  columns: (ColumnClassification & { column: string })[];
  /** The suggested dataset level: the highest any column or combination of columns needs. */
  level: DataLevel;
  /** Why the dataset level is above L1, one line per rule that applied (Chinese-neutral, for the review screen). */
  reasons: string[];
};
