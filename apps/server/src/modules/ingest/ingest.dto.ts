import type { DataImport } from '@shuzhi/contracts';
import type { ImportRow } from './ingest.repo.ts';

export const toImport = (r: ImportRow): DataImport => ({
  id: r.id,
  datasetId: r.dataset_id,
  datasetCode: r.dataset_code,
  fileName: r.file_name,
  fileSha256: r.file_sha256,
  fileBytes: Number(r.file_bytes),
  mode: r.mode,
  status: r.status,
  mapping: r.mapping,
  rowsRead: Number(r.rows_read),
  rowsLoaded: Number(r.rows_loaded),
  rowsRejected: Number(r.rows_rejected),
  error: r.error,
  jobId: r.job_id,
  sourceId: r.source_id,
  createdBy: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
});
