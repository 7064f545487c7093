import { z } from 'zod';
import { page } from './common.ts';

export const ImportMode = z.enum(['upsert', 'replace', 'append']);
export type ImportMode = z.infer<typeof ImportMode>;
export const ImportStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);

export const ImportQuery = z.object({
  mode: ImportMode.default('upsert'),
  /** The original file name: its extension tells the format (csv, xlsx, json, ndjson). */
  filename: z.string().trim().min(1).max(200),
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
