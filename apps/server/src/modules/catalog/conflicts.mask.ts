import type { DatasetField } from '@shuzhi/contracts';
import {
  type Approval,
  type DataLevel,
  type FieldRule,
  fieldLevel,
  maskRecord,
  stricterLevel,
} from '../masking/index.ts';
import type { ConflictListRow } from './conflicts.repo.ts';

type Side = { level: string; fields: DatasetField[]; field: string | null };

/** A field's level on one side; a field no longer in the dataset has no grading to read and counts as L4. */
function levelOf(side: Side): DataLevel {
  const f = side.field ? side.fields.find((x) => x.name === side.field) : undefined;
  return f ? fieldLevel(f.sensitivity, side.level) : 'L4';
}

/**
 * The masking rules of a conflict's three values. The subject key is the stricter of the two datasets'
 * key fields and never below L2 — it names a person or an enterprise, which is what a conflict is about;
 * each value is graded as its own dataset grades its field.
 */
export function conflictRules(r: ConflictListRow): FieldRule[] {
  const auth = { level: r.auth_level, fields: r.auth_fields };
  const other = { level: r.other_level, fields: r.other_fields };
  const keyType = r.key_type === 'other' ? null : r.key_type;
  const keyLevel = stricterLevel(
    stricterLevel(
      levelOf({ ...auth, field: r.auth_key_field }),
      levelOf({ ...other, field: r.other_key_field }),
    ),
    'L2',
  );
  return [
    { name: 'subjectKey', type: keyType, level: keyLevel },
    { name: 'authoritativeValue', type: null, level: levelOf({ ...auth, field: r.auth_value_field }) },
    { name: 'otherValue', type: null, level: levelOf({ ...other, field: r.other_value_field }) },
  ];
}

/** A conflict's key and values as the reader may see them, through the masking policy. */
export function maskConflict(r: ConflictListRow, approval: Approval, salt: string) {
  const out = maskRecord(
    { subjectKey: r.subject_key, authoritativeValue: r.authoritative_value, otherValue: r.other_value },
    conflictRules(r),
    approval,
    { salt },
  );
  return {
    subjectKey: out.subjectKey as string | null,
    authoritativeValue: out.authoritativeValue as string | null,
    otherValue: out.otherValue as string | null,
  };
}

/** The personal fields a page of conflicts shows, as `dataset.field`, for the ledger. */
export function conflictFields(rows: ConflictListRow[]): string[] {
  const names = new Set<string>();
  for (const r of rows) {
    for (const [code, field] of [
      [r.auth_code, r.auth_key_field],
      [r.auth_code, r.auth_value_field],
      [r.other_code, r.other_key_field],
      [r.other_code, r.other_value_field],
    ] as const)
      if (field) names.add(`${code}.${field}`);
  }
  return [...names].sort();
}
