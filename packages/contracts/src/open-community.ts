import { z } from 'zod';
import { page } from './common.ts';

// Open data community (开放数据互动): data requests (点单式开放), ratings and comments, usage statistics.

/** A dataset code as the open URLs carry it (3–40 letters, digits, _ . -). */
export const OpenDatasetCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,39}$/, 'code: 3–40 letters, digits, _ . -');
export const OpenDatasetCodeParams = z.object({ code: OpenDatasetCode });

const bool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

// Data requests (点单式开放)

/** submitted: waiting to be routed; assigned: waiting for the owner's answer; answered; rejected: spam or abuse. */
export const DataRequestStatus = z.enum(['submitted', 'assigned', 'answered', 'rejected']);
export type DataRequestStatus = z.infer<typeof DataRequestStatus>;
export const DataRequestOutcome = z.enum(['will_open', 'already_open', 'cannot_open']);
export type DataRequestOutcome = z.infer<typeof DataRequestOutcome>;
/** Why data cannot be opened: sensitive (L4 or classified), legal restriction, personal data, not held, other. */
export const CannotOpenReason = z.enum(['sensitive', 'legal', 'personal_data', 'not_held', 'other']);
export type CannotOpenReason = z.infer<typeof CannotOpenReason>;
export const WantedFormat = z.enum(['csv', 'json', 'xlsx', 'api']);
export type WantedFormat = z.infer<typeof WantedFormat>;

export const AskDataRequestBody = z.object({
  title: z.string().trim().min(4).max(100),
  description: z.string().trim().min(10).max(2000),
  /** The fields the requester wants, in their own words. */
  fields: z.string().trim().max(1000).default(''),
  formats: z.array(WantedFormat).max(4).default([]),
  /** The organisation the requester believes holds the data. */
  suggestedOrgId: z.uuid().optional(),
  purpose: z.string().trim().min(5).max(500),
  /** Required when not signed in; never published. */
  contactEmail: z.email().max(254).optional(),
});
export type AskDataRequestBody = z.infer<typeof AskDataRequestBody>;

export const AssignDataRequestBody = z.object({ orgId: z.uuid() });

export const AnswerDataRequestBody = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('will_open'),
    text: z.string().trim().min(2).max(2000),
    /** When the owner plans to open the data (YYYY-MM-DD, today or later). */
    plannedDate: z.iso.date().optional(),
  }),
  z.object({
    outcome: z.literal('already_open'),
    /** The open dataset that holds what was asked for. */
    datasetCode: OpenDatasetCode,
    text: z.string().trim().max(2000).default(''),
  }),
  z.object({
    outcome: z.literal('cannot_open'),
    reason: CannotOpenReason,
    text: z.string().trim().min(10).max(2000),
  }),
]);
export type AnswerDataRequestBody = z.infer<typeof AnswerDataRequestBody>;

export const RejectDataRequestBody = z.object({ reason: z.string().trim().min(2).max(500) });

const OrgRef = z.object({ id: z.uuid(), name: z.string() });

export const DataRequest = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  fields: z.string(),
  formats: z.array(WantedFormat),
  purpose: z.string(),
  /** Whether the requester was signed in; who they are is never public. */
  requesterKind: z.enum(['anonymous', 'registered']),
  suggestedOrg: OrgRef.nullable(),
  assignedOrg: OrgRef.nullable(),
  status: DataRequestStatus,
  /** The last working day the owner has to answer (Asia/Shanghai), as YYYY-MM-DD. */
  deadline: z.string(),
  /** Unanswered past its deadline. */
  overdue: z.boolean(),
  answeredLate: z.boolean(),
  outcome: DataRequestOutcome.nullable(),
  reason: CannotOpenReason.nullable(),
  answer: z.string().nullable(),
  datasetCode: z.string().nullable(),
  datasetName: z.string().nullable(),
  plannedDate: z.string().nullable(),
  answeredAt: z.string().nullable(),
  assignedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Shown to the platform admin and the requester only. */
  rejectReason: z.string().nullable(),
  mine: z.boolean(),
  canAssign: z.boolean(),
  canAnswer: z.boolean(),
  canReject: z.boolean(),
  canReadContact: z.boolean(),
});
export type DataRequest = z.infer<typeof DataRequest>;
export const DataRequestPage = page(DataRequest);

export const DataRequestListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  status: DataRequestStatus.optional(),
  overdue: bool,
  /** The organisation the request is assigned to. */
  org: z.uuid().optional(),
  /** Only the signed-in caller's own requests. */
  mine: bool,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const DataRequestInboxQuery = z.object({
  status: DataRequestStatus.optional(),
  overdue: bool,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** The requester's contact, for the assigned owner and the admin (each read is in the ledger). */
export const DataRequestContact = z.object({
  requesterName: z.string().nullable(),
  contactEmail: z.string().nullable(),
});

// Ratings and comments

export const PutDatasetRatingBody = z.object({ stars: z.number().int().min(1).max(5) });
export const DatasetRatingSummary = z.object({
  datasetCode: z.string(),
  /** The mean of the stars, one decimal; null before the first rating. */
  average: z.number().nullable(),
  count: z.number().int(),
  /** How many ratings gave 1, 2, 3, 4 and 5 stars. */
  histogram: z.array(z.number().int()).length(5),
  /** The caller's own rating, when signed in and rated. */
  mine: z.number().int().nullable(),
});
export type DatasetRatingSummary = z.infer<typeof DatasetRatingSummary>;

export const DatasetCommentBody = z.object({ text: z.string().trim().min(2).max(1000) });
export const CommentReplyBody = z.object({ text: z.string().trim().min(2).max(1000) });
export const HideCommentBody = z.object({ reason: z.string().trim().min(2).max(200) });

export const DatasetComment = z.object({
  id: z.uuid(),
  datasetCode: z.string(),
  /** Masked for the public (`张**`); in full for the author and the admin. */
  authorName: z.string(),
  text: z.string(),
  createdAt: z.string(),
  reply: z.object({ text: z.string(), orgName: z.string(), repliedAt: z.string() }).nullable(),
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  mine: z.boolean(),
  canReply: z.boolean(),
  canHide: z.boolean(),
});
export type DatasetComment = z.infer<typeof DatasetComment>;
export const DatasetCommentPage = page(DatasetComment);
export const DatasetCommentListQuery = z.object({
  /** Hidden comments too (the platform admin only). */
  includeHidden: bool,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

// Usage statistics

export const OpenUsageCounts = z.object({
  views: z.number().int(),
  downloads: z.number().int(),
  apiCalls: z.number().int(),
});
export type OpenUsageCounts = z.infer<typeof OpenUsageCounts>;
export const OpenUsageDay = OpenUsageCounts.extend({ day: z.string() });
export type OpenUsageDay = z.infer<typeof OpenUsageDay>;

export const OpenUsageReport = z.object({
  scope: z.enum(['dataset', 'org']),
  id: z.uuid(),
  /** The dataset's code, or the organisation's unified social credit code. */
  code: z.string(),
  name: z.string(),
  /** The last 30 days (Asia/Shanghai), oldest first, days without use as zeros. */
  days: z.array(OpenUsageDay),
  last30: OpenUsageCounts,
  total: OpenUsageCounts,
});
export type OpenUsageReport = z.infer<typeof OpenUsageReport>;
export const OpenOrgParams = z.object({ id: z.uuid() });
