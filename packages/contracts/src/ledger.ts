import { z } from 'zod';

const index = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const LedgerEntriesQuery = z.object({ start: index, end: index });
export const LedgerEntry = z.object({
  index: z.number().int(),
  /** SHA-256(0x00 || data), base64. */
  leafHash: z.string(),
  /** The canonical (RFC 8785) JSON bytes, base64. */
  data: z.string(),
  entry: z.record(z.string(), z.unknown()),
});
export const LedgerEntries = z.object({ size: z.number().int(), entries: z.array(LedgerEntry) });

export const InclusionQuery = z.object({ index, size: index.min(1) });
export const InclusionProof = z.object({
  index: z.number().int(),
  size: z.number().int(),
  leafHash: z.string(),
  /** RFC 9162 inclusion path, base64, leaf to root. */
  hashes: z.array(z.string()),
});
export const ConsistencyQuery = z.object({ first: index.min(1), second: index.min(1) });
export const ConsistencyProof = z.object({
  first: z.number().int(),
  second: z.number().int(),
  hashes: z.array(z.string()),
});
