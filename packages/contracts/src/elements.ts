import { z } from 'zod';
import { PageQuery, page } from './common.ts';

/**
 * What a data element's subject key identifies: a person by resident ID number, an enterprise by
 * unified social credit code, or something else. It decides how keys are compared and masked.
 */
export const SubjectKeyType = z.enum(['resident_id', 'credit_code', 'other']);
export type SubjectKeyType = z.infer<typeof SubjectKeyType>;

const elementCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,40}$/);
const fieldName = z.string().min(1).max(63);

export const ElementCodeParams = z.object({ code: elementCode });
export const ElementBindingParams = ElementCodeParams.extend({ bindingId: z.uuid() });

/**
 * Translates a bound dataset's codes into the authoritative vocabulary before comparing (e.g. the
 * police register writes 已婚 where civil affairs writes the GB/T 2261.2 code 20).
 */
export const ValueMap = z
  .record(z.string().trim().min(1).max(100), z.string().trim().max(100))
  .refine((m) => Object.keys(m).length <= 200, 'valueMap: at most 200 entries');

/** Counts of the last comparison of one bound dataset with the authoritative one. */
export const ElementCheckStats = z.object({
  checkedAt: z.string(),
  /** Subjects present in both with a value on both sides. */
  compared: z.number().int(),
  agree: z.number().int(),
  conflicts: z.number().int(),
  /** The bound dataset has a value; the authoritative one has no row or no value for the subject. */
  missingInAuthoritative: z.number().int(),
  /** The authoritative dataset has a value; the bound row has none. */
  missingInOther: z.number().int(),
  /** Open conflicts this check closed (values now agree, or the row or value is gone). */
  resolved: z.number().int(),
});
export type ElementCheckStats = z.infer<typeof ElementCheckStats>;

export const DatasetRef = z.object({
  datasetId: z.uuid(),
  datasetCode: z.string(),
  datasetName: z.string(),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
});

/** Another dataset that carries an element: where its value and its subject key are. */
export const ElementBinding = DatasetRef.extend({
  id: z.uuid(),
  elementCode: z.string(),
  valueField: z.string(),
  keyField: z.string(),
  valueMap: z.record(z.string(), z.string()),
  createdAt: z.string(),
  lastCheck: ElementCheckStats.nullable(),
  /** Why the last check could not compare this dataset (a field removed since, a table missing). */
  lastError: z.string().nullable(),
});
export type ElementBinding = z.infer<typeof ElementBinding>;

export const CreateElementBindingBody = z.object({
  datasetId: z.uuid(),
  valueField: fieldName,
  keyField: fieldName,
  valueMap: ValueMap.default({}),
});

export const UpdateDataElementBody = z
  .object({
    name: z.string().trim().min(2).max(60),
    description: z.string().trim().max(500),
    keyField: fieldName,
    keyType: SubjectKeyType,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'at least one of name, description, keyField, keyType');

export const ConflictStatus = z.enum(['open', 'resolved']);
export type ConflictStatus = z.infer<typeof ConflictStatus>;

/** One subject whose value differs between the authoritative dataset and another that carries it. */
export const ElementConflict = z.object({
  id: z.uuid(),
  elementCode: z.string(),
  elementName: z.string(),
  authoritative: DatasetRef.extend({ value: z.string() }),
  other: DatasetRef.extend({ value: z.string() }),
  /** The subject's key, masked unless the reader is a data officer of an organisation involved. */
  subjectKey: z.string(),
  keyMasked: z.boolean(),
  status: ConflictStatus,
  /** auto: a later check found the values equal or the row gone; manual: an owner marked it. */
  resolution: z.enum(['auto', 'manual']).nullable(),
  note: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  canResolve: z.boolean(),
});
export type ElementConflict = z.infer<typeof ElementConflict>;

export const ConflictListQuery = PageQuery.extend({
  element: elementCode.optional(),
  /** Either side: the authoritative dataset or the other one. */
  dataset: z.uuid().optional(),
  status: ConflictStatus.optional(),
});
export const ConflictPage = page(ElementConflict);

export const ConflictSummaryQuery = z.object({
  element: elementCode.optional(),
  dataset: z.uuid().optional(),
});
const counts = { open: z.number().int(), resolved: z.number().int() };
export const ConflictSummary = z.object({
  totals: z.object(counts),
  elements: z.array(z.object({ elementCode: z.string(), elementName: z.string(), ...counts })),
  bindings: z.array(
    z.object({
      bindingId: z.uuid(),
      elementCode: z.string(),
      elementName: z.string(),
      authoritative: DatasetRef,
      other: DatasetRef,
      ...counts,
      lastCheck: ElementCheckStats.nullable(),
      lastError: z.string().nullable(),
    }),
  ),
});
export type ConflictSummary = z.infer<typeof ConflictSummary>;

export const ResolveConflictBody = z.object({ note: z.string().trim().min(1).max(500) });
