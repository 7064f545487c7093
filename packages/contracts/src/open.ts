import { z } from 'zod';

/** CKAN's action names this platform serves (Action API v3, read-only). */
export const CkanActionName = z.string().max(100);
export const CkanActionParams = z.object({ action: CkanActionName });

/** CKAN's answer: `help`, `success`, and `result` or `error` (`__type`, `message` or field messages). */
export const CkanEnvelope = z.object({
  help: z.string(),
  success: z.boolean(),
  result: z.unknown().optional(),
  error: z.record(z.string(), z.unknown()).optional(),
});

/** Parameters by query string: CKAN's own names (q, fq, rows, start, sort, facet.field, resource_id, …). */
export const CkanQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
/** Parameters as a JSON body: the same names, with JSON values. */
export const CkanBody = z.record(z.string(), z.unknown());

/** The files an open dataset downloads as, all at /api/v1/open/datasets/{code}/download.{format}. */
export const OpenDownloadFormat = z.enum(['csv', 'json', 'xlsx']);
export type OpenDownloadFormat = z.infer<typeof OpenDownloadFormat>;
export const OpenDownloadParams = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,39}$/, 'code: 3–40 letters, digits, _ . -'),
  format: OpenDownloadFormat,
});
export const DcatFormatParams = z.object({ format: z.enum(['jsonld', 'ttl']) });
export const DcatDatasetParams = z.object({
  name: z.string().regex(/^[a-z0-9_-]{2,100}$/, 'name: 2–100 of a-z, 0-9, _ -'),
  format: z.enum(['jsonld', 'ttl']),
});
