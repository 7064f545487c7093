import { z } from 'zod';
import { Level, PersonalDataType, Sensitivity } from './catalog.ts';

/** What detection suggests for one column; `type` is null when the column holds no personal data. */
export const ColumnClassification = z.object({
  column: z.string(),
  type: PersonalDataType.nullable(),
  /** 0..1; for `type: null`, how sure it is that the column holds none (0 for an empty column). */
  confidence: z.number().min(0).max(1),
  sensitivity: Sensitivity,
  level: Level,
});
export type ColumnClassification = z.infer<typeof ColumnClassification>;
/** `shuzhi classify FILE --json` and `POST /classify/files` answer exactly this array, one per column. */
export const FileClassification = z.array(ColumnClassification);

export const ClassifyFileQuery = z.object({
  /** The original file name: its extension tells the format (csv, tsv, txt, xlsx, json, ndjson). */
  filename: z.string().trim().min(1).max(200),
  /** Examine only the first N rows (default: every row). */
  sample: z.coerce.number().int().min(1).max(10_000_000).optional(),
});

export const ClassifyRunBody = z.object({
  /** Rows drawn at random from the dataset's table. */
  sampleRows: z.number().int().min(1).max(100_000).default(10_000),
});

export const FieldSuggestion = z.object({
  field: z.string(),
  title: z.string(),
  type: PersonalDataType.nullable(),
  confidence: z.number().min(0).max(1),
  /** Suggested sensitivity of the field. */
  sensitivity: Sensitivity,
  level: Level,
});
export type FieldSuggestion = z.infer<typeof FieldSuggestion>;

export const FieldDecision = z.object({
  field: z.string(),
  suggested: Sensitivity,
  chosen: Sensitivity,
  /** The detected type and the one stored as the field's `personalType`; absent in older confirmations. */
  suggestedType: PersonalDataType.nullable().optional(),
  chosenType: PersonalDataType.nullable().optional(),
  /** The data officer kept the suggestion, sensitivity and type (false: corrected either). */
  accepted: z.boolean(),
});

export const ClassifyConfirmation = z.object({
  confirmedBy: z.string(),
  confirmedAt: z.string(),
  fields: z.array(FieldDecision),
  level: z.object({ suggested: Level, chosen: Level, accepted: z.boolean() }),
  /** The catalog version the confirmation created. */
  datasetVersion: z.number().int(),
  comment: z.string(),
});

/** One detection run over a sample of a dataset's loaded rows, and its confirmation once given. */
export const ClassifyRun = z.object({
  id: z.uuid(),
  datasetId: z.uuid(),
  datasetCode: z.string(),
  /** The catalog version the run saw. */
  datasetVersion: z.number().int(),
  sampleRows: z.number().int(),
  rowsExamined: z.number().int(),
  fields: z.array(FieldSuggestion),
  /** Suggested dataset level, and why it is above L1. */
  level: Level,
  reasons: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  confirmation: ClassifyConfirmation.nullable(),
});
export type ClassifyRun = z.infer<typeof ClassifyRun>;

export const ClassifyRunParams = z.object({ id: z.uuid(), runId: z.uuid() });

export const ConfirmClassifyBody = z.object({
  /**
   * Every field of the run, with the sensitivity the data officer accepts or corrects it to, and its
   * personal-data type: omitted, the detected one is kept; a type corrects it; null says it holds none.
   */
  fields: z
    .array(
      z.object({
        field: z.string().min(1).max(63),
        sensitivity: Sensitivity,
        personalType: PersonalDataType.nullable().optional(),
      }),
    )
    .min(1)
    .max(500)
    .refine((f) => new Set(f.map((x) => x.field)).size === f.length, 'fields: each field once'),
  level: Level,
  comment: z.string().trim().max(500).default(''),
});
export type ConfirmClassifyBody = z.infer<typeof ConfirmClassifyBody>;
