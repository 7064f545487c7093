import { z } from 'zod';
import { page } from './common.ts';

export const ImportMode = z.enum(['upsert', 'replace', 'append']);
export type ImportMode = z.infer<typeof ImportMode>;
/** `staged`: uploaded and mapped, waiting for its owner to check the mapping and start it (no job yet). */
export const ImportStatus = z.enum(['staged', 'queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportQuery = z.object({
  mode: ImportMode.default('upsert'),
  /** The original file name: its extension tells the format (csv, xlsx, json, ndjson). */
  filename: z.string().trim().min(1).max(200),
  /** `true`: keep the upload as a staged import and answer its preview; start it later. */
  stage: z.stringbool().default(false),
});

export const DataImport = z.object({
  id: z.uuid(),
  datasetId: z.uuid(),
  datasetCode: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  fileBytes: z.number().int(),
  mode: ImportMode,
  status: ImportStatus,
  /** Column of the file → field of the dataset; unmapped columns are ignored. */
  mapping: z.record(z.string(), z.string()),
  rowsRead: z.number().int(),
  rowsLoaded: z.number().int(),
  rowsRejected: z.number().int(),
  error: z.string().nullable(),
  jobId: z.uuid().nullable(),
  /** The pull source whose run created this import, if any. */
  sourceId: z.uuid().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type DataImport = z.infer<typeof DataImport>;
export const DataImportPage = page(DataImport);
export const DatasetIdParams = z.object({ id: z.uuid() });
export const ImportIdParams = z.object({ importId: z.uuid() });
export const ImportListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const RejectedRow = z.object({
  rowNumber: z.number().int(),
  code: z.string(),
  reason: z.string(),
  values: z.record(z.string(), z.string()).nullable(),
});
export const RejectedRowPage = page(RejectedRow);

const columnName = z.string().trim().min(1).max(200);
const fieldName = z.string().min(1).max(63);

/** A dataset's saved mapping: file column → field name; `null` keeps that column out of imports. */
export const DatasetMapping = z.object({
  datasetId: z.uuid(),
  mapping: z.record(z.string(), z.string().nullable()),
  savedBy: z.string().nullable(),
  savedAt: z.string().nullable(),
});
export type DatasetMapping = z.infer<typeof DatasetMapping>;
export const DatasetMappingInput = z.object({
  mapping: z.record(columnName, fieldName.nullable()),
});

/** The mapping an import will use; columns left out (or `null`) are not imported. */
export const ImportMappingInput = z.object({
  mapping: z.record(columnName, fieldName.nullable()),
  /** Also save it as the dataset's mapping for later uploads. */
  save: z.boolean().default(false),
});

const CellError = z.object({ code: z.string(), message: z.string() });
export const PreviewCell = z.object({
  raw: z.string(),
  /** The value the mapped field gets (absent for an unmapped column or on error). */
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  /** Why the mapped field cannot take this cell: the row would be rejected. */
  error: CellError.optional(),
});
export const PreviewRow = z.object({
  rowNumber: z.number().int(),
  /** One per column of the header, in order. */
  cells: z.array(PreviewCell),
  /** The row cannot be read as a whole (e.g. it has too many cells): rejected whatever the mapping. */
  error: CellError.nullable(),
});
export type PreviewRow = z.infer<typeof PreviewRow>;
/** A staged import's file header, its mapping and its first rows as they would load. */
export const ImportPreview = z.object({
  import: DataImport,
  header: z.array(z.string()),
  /** Titles of key fields no column maps to: the import cannot start until they are mapped. */
  missingKeys: z.array(z.string()),
  rows: z.array(PreviewRow),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
