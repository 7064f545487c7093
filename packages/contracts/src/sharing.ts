import { z } from 'zod';
import { FieldType, Level, Sensitivity, ShareType } from './catalog.ts';

/*
 * Sharing between departments (数据共享): requests for another department's dataset, grants, the
 * gateway's data APIs, and usage. See docs/sharing.md.
 */

const Day = z.iso.date('a date as YYYY-MM-DD');
const FieldNames = z
  .array(z.string().min(1).max(63))
  .min(1, 'fields: choose at least one field')
  .max(500)
  .refine((f) => new Set(f).size === f.length, 'fields: each field once');
/** Calls a grant allows per day (China time); the plan's city runs 8 million sharing calls a day. */
const DailyQuota = z.coerce
  .number()
  .int('dailyQuota: a whole number')
  .min(1, 'dailyQuota: at least 1')
  .max(10_000_000, 'dailyQuota: at most 10,000,000');
const AreaCode = z.string().regex(/^\d{6,12}$/, 'areaCode: 6 to 12 digits (an area code)');

export const ShareRequestStatus = z.enum(['pending', 'more_info', 'approved', 'rejected', 'withdrawn']);
export type ShareRequestStatus = z.infer<typeof ShareRequestStatus>;
/** Unconditionally shared datasets are approved by the platform, conditionally shared ones by their owner. */
export const ShareApprover = z.enum(['platform', 'owner']);

export const ShareRequestBody = z.object({
  datasetCode: z.string().trim().min(3).max(40),
  /** The consumer organisation's app (API client) that will call the gateway. */
  clientId: z.uuid('clientId: the id of one of your organisation’s apps'),
  fields: FieldNames,
  purpose: z.string().trim().min(10, 'purpose: at least 10 characters').max(2000),
  legalBasis: z.string().trim().min(2, 'legalBasis: required').max(1000),
  /**
   * 以本人同意为依据: the grant rests on the data subjects' consent, so the gateway returns only the
   * records of people or enterprises who consent (in my data) to the consumer organisation.
   */
  consentRequired: z.boolean().default(false),
  periodStart: Day,
  periodEnd: Day,
  dailyQuota: DailyQuota,
  /** Rows limited to an area: the field holding an area code, and the area (code prefix). */
  areaField: z.string().min(1).max(63).optional(),
  areaCode: AreaCode.optional(),
});
export type ShareRequestBody = z.infer<typeof ShareRequestBody>;

export const ShareApproveBody = z.object({
  fields: FieldNames,
  periodStart: Day,
  periodEnd: Day,
  dailyQuota: DailyQuota,
  /** The approver may narrow the area (a code under the requested one) or set one. */
  areaField: z.string().min(1).max(63).optional(),
  areaCode: AreaCode.optional(),
  note: z.string().trim().max(1000).default(''),
});
export type ShareApproveBody = z.infer<typeof ShareApproveBody>;
export const ShareReasonBody = z.object({ reason: z.string().trim().min(2, 'reason: required').max(1000) });
export const ShareAskBody = z.object({ question: z.string().trim().min(2, 'question: required').max(1000) });
export const ShareAnswerBody = z.object({ answer: z.string().trim().min(2, 'answer: required').max(2000) });

export const ShareField = z.object({ name: z.string(), title: z.string() });
export const ShareMessage = z.object({
  at: z.string(),
  byName: z.string(),
  kind: z.enum(['ask', 'answer']),
  text: z.string(),
});
export const ShareApp = z.object({ id: z.uuid(), clientId: z.string(), name: z.string() });
export type ShareApp = z.infer<typeof ShareApp>;

export const ShareRequest = z.object({
  id: z.uuid(),
  datasetCode: z.string(),
  datasetName: z.string(),
  shareType: ShareType,
  approver: ShareApprover,
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  consumerOrgId: z.uuid(),
  consumerOrgName: z.string(),
  app: ShareApp,
  fields: z.array(ShareField),
  purpose: z.string(),
  legalBasis: z.string(),
  consentRequired: z.boolean(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dailyQuota: z.number().int(),
  areaField: z.string().nullable(),
  areaCode: z.string().nullable(),
  status: ShareRequestStatus,
  submittedByName: z.string(),
  submittedAt: z.string(),
  /** The last working day (China) by which the approver must decide. */
  deadline: z.string(),
  /** Pending after its deadline: escalated to the platform, which may then decide. */
  overdue: z.boolean(),
  messages: z.array(ShareMessage),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  grantId: z.uuid().nullable(),
});
export type ShareRequest = z.infer<typeof ShareRequest>;
export const ShareRequestList = z.object({ items: z.array(ShareRequest) });
/** consumer: my organisation's requests; owner: requests for my organisation's data; platform: all. */
export const ShareSide = z.enum(['consumer', 'owner', 'platform']);
export type ShareSide = z.infer<typeof ShareSide>;
export const ShareRequestQuery = z.object({
  side: ShareSide.default('consumer'),
  status: ShareRequestStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const GrantStatus = z.enum(['active', 'expired', 'revoked', 'not_started']);
export type GrantStatus = z.infer<typeof GrantStatus>;
export const ShareGrant = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  datasetCode: z.string(),
  datasetName: z.string(),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  consumerOrgId: z.uuid(),
  consumerOrgName: z.string(),
  app: ShareApp,
  fields: z.array(ShareField),
  purpose: z.string(),
  consentRequired: z.boolean(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dailyQuota: z.number().int(),
  areaField: z.string().nullable(),
  areaCode: z.string().nullable(),
  status: GrantStatus,
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  revokeReason: z.string().nullable(),
  callsToday: z.number().int(),
});
export type ShareGrant = z.infer<typeof ShareGrant>;
export const ShareGrantList = z.object({ items: z.array(ShareGrant) });
export const ShareGrantQuery = z.object({ side: ShareSide.default('consumer') });

/** What the request form needs about a shared dataset. */
export const ShareableDataset = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  shareType: ShareType,
  level: Level,
  approver: ShareApprover,
  decisionDays: z.number().int(),
  keyFields: z.array(z.string()),
  fields: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      type: FieldType,
      sensitivity: Sensitivity,
      /** Whether values reach consumers masked (by level and the grant). */
      masked: z.boolean(),
    }),
  ),
});
export type ShareableDataset = z.infer<typeof ShareableDataset>;
export const ShareAppList = z.object({ items: z.array(ShareApp) });

export const ShareUsageQuery = z.object({
  side: ShareSide.default('consumer'),
  days: z.coerce.number().int().min(1).max(365).default(30),
});
export const ShareUsageDay = z.object({
  day: z.string(),
  calls: z.number().int(),
  records: z.number().int(),
  denied: z.number().int(),
});
export const ShareUsageRow = z.object({
  datasetCode: z.string(),
  ownerOrgName: z.string(),
  consumerOrgName: z.string(),
  app: z.string(),
  grantId: z.uuid().nullable(),
  purpose: z.string(),
  fields: z.array(z.string()),
  calls: z.number().int(),
  records: z.number().int(),
  denied: z.number().int(),
});
export const ShareUsage = z.object({
  side: ShareSide,
  totals: z.object({
    callsToday: z.number().int(),
    calls: z.number().int(),
    records: z.number().int(),
    denied: z.number().int(),
    /** Average calls per day over the period (the plan counts 8 million a day city-wide). */
    callsPerDay: z.number().int(),
  }),
  days: z.array(ShareUsageDay),
  rows: z.array(ShareUsageRow),
});
export type ShareUsage = z.infer<typeof ShareUsage>;

/* The gateway (/api/v1/share/:code/…), called by apps with a client-credentials token. */

export const ShareListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** A JSON object of `field: value` or `field: [values]`, all of which must hold. */
  filters: z.string().max(4000).optional(),
});
export const ShareBatchBody = z.object({
  /** Each key as an object of the dataset's key fields, e.g. {"id_number": "…"}. */
  keys: z
    .array(z.record(z.string(), z.union([z.string(), z.number()])))
    .min(1, 'keys: at least one key')
    .max(100, 'keys: at most 100 keys per call'),
});
export const ShareVerifyBody = z.object({
  key: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The values to check, field by field; the answer says only whether each matches. */
  values: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .refine((v) => Object.keys(v).length > 0, 'values: at least one field'),
});
export const ShareFieldInfo = z.object({
  name: z.string(),
  title: z.string(),
  type: FieldType,
  masked: z.boolean(),
});
export const ShareRecord = z.object({
  dataset: z.string(),
  fields: z.array(ShareFieldInfo),
  record: z.record(z.string(), z.unknown()),
});
export const ShareRecords = z.object({
  dataset: z.string(),
  fields: z.array(ShareFieldInfo),
  records: z.array(z.record(z.string(), z.unknown())),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export const ShareBatch = z.object({
  dataset: z.string(),
  fields: z.array(ShareFieldInfo),
  /** One item per key asked, in order: the record, or null when there is none (in the grant's area). */
  items: z.array(
    z.object({
      key: z.record(z.string(), z.unknown()),
      record: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});
export const ShareVerify = z.object({
  dataset: z.string(),
  found: z.boolean(),
  /** Per field asked: does the record hold exactly this value? Nothing else is revealed. */
  matches: z.record(z.string(), z.boolean()),
});
export type ShareVerify = z.infer<typeof ShareVerify>;
