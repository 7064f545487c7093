import { z } from 'zod';

/** Where a consumer stands in a dataset's change feed: opaque, returned by every page. */
export const ChangesQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, '游标格式不正确 / malformed cursor')
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const Change = z.object({
  /** Position of this change; pass the page's `cursor` to continue after it. */
  seq: z.string(),
  op: z.enum(['upsert', 'delete']),
  /** The record's key fields. */
  key: z.record(z.string(), z.unknown()),
  /** The record as it now is (masked per policy); null for a deletion. */
  record: z.record(z.string(), z.unknown()).nullable(),
  changedAt: z.string(),
});
export type Change = z.infer<typeof Change>;

export const ChangesPage = z.object({
  items: z.array(Change),
  /** Continue from here; when no change is left it is the cursor given, so polling can go on. */
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof ChangesPage>;
