import { z } from 'zod';
import { Password } from './auth.ts';
import { FieldType, Level, OpenType, Sensitivity } from './catalog.ts';

/*
 * Open data access for the public: developer accounts, self-service API keys, and applications for
 * datasets open on conditions (有条件开放). See docs/open-data.md.
 */

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(120, 'email: at most 120 characters')
  .regex(z.regexes.email, 'email: a valid e-mail address');

export const OpenSignupBody = z.object({
  email: Email,
  password: Password,
  displayName: z.string().trim().min(1, 'displayName: required').max(60),
  organisation: z.string().trim().max(100).default(''),
});
export type OpenSignupBody = z.infer<typeof OpenSignupBody>;

export const OpenLoginBody = z.object({
  email: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(128),
});

export const OpenAccount = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  createdAt: z.string(),
  /** Whether the owner entered the code sent to the e-mail; keys and applications need it. */
  emailVerified: z.boolean(),
});
export type OpenAccount = z.infer<typeof OpenAccount>;

/** A verification code sent to the account's e-mail. */
export const OpenEmailCode = z.object({
  expiresAt: z.string(),
  /** Demo mode only: the code, as the demo sender also writes it to the log. */
  demoCode: z.string().optional(),
});
export type OpenEmailCode = z.infer<typeof OpenEmailCode>;

/** The new account, not yet verified, and the code that went to its e-mail. */
export const OpenSignedUp = OpenAccount.extend({
  codeExpiresAt: z.string(),
  demoCode: z.string().optional(),
});
export type OpenSignedUp = z.infer<typeof OpenSignedUp>;

export const OpenVerifyEmailBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'code: the 6 digits sent by e-mail'),
});
export type OpenVerifyEmailBody = z.infer<typeof OpenVerifyEmailBody>;

/** How many active keys one account may hold at once. */
export const MAX_ACTIVE_KEYS = 5;

export const ApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The first characters of the key, enough to tell keys apart; the key itself is never kept. */
  prefix: z.string(),
  status: z.enum(['active', 'revoked']),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  callsToday: z.number().int(),
  calls30d: z.number().int(),
});
export type ApiKey = z.infer<typeof ApiKey>;
export const ApiKeyList = z.object({ items: z.array(ApiKey), maxActive: z.number().int() });
export const ApiKeyName = z.object({ name: z.string().trim().min(1, 'name: required').max(40) });
/** The key is shown once, in this answer; only its SHA-256 is stored. */
export const CreatedApiKey = z.object({ key: ApiKey, secret: z.string() });

export const ApiKeyUsageDay = z.object({
  day: z.string(),
  /** The dataset code the calls read, or '' for calls about the catalogue as a whole (search, lists). */
  dataset: z.string(),
  calls: z.number().int(),
  errors: z.number().int(),
});
export type ApiKeyUsageDay = z.infer<typeof ApiKeyUsageDay>;
export const ApiKeyUsage = z.object({ items: z.array(ApiKeyUsageDay) });

const Day = z.iso.date('a date as YYYY-MM-DD');

export const ApplicationStatus = z.enum(['pending', 'approved', 'rejected', 'withdrawn']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const ApplyBody = z.object({
  datasetCode: z.string().trim().min(3).max(40),
  applicantName: z.string().trim().min(1, 'applicantName: required').max(60),
  applicantOrg: z.string().trim().max(100).default(''),
  purpose: z.string().trim().min(10, 'purpose: at least 10 characters').max(2000),
  fields: z
    .array(z.string().min(1).max(63))
    .min(1, 'fields: choose at least one field')
    .max(500)
    .refine((f) => new Set(f).size === f.length, 'fields: each field once'),
  periodStart: Day,
  periodEnd: Day,
});
export type ApplyBody = z.infer<typeof ApplyBody>;

export const ApproveBody = z.object({
  /** The approved fields: the requested ones or fewer. */
  fields: z
    .array(z.string().min(1).max(63))
    .min(1, 'fields: approve at least one field')
    .max(500)
    .refine((f) => new Set(f).size === f.length, 'fields: each field once'),
  /** The approved period: the requested one or shorter. */
  periodStart: Day,
  periodEnd: Day,
  note: z.string().trim().max(1000).default(''),
});
export type ApproveBody = z.infer<typeof ApproveBody>;
export const RejectBody = z.object({ reason: z.string().trim().min(2, 'reason: required').max(1000) });

export const ApplicationField = z.object({ name: z.string(), title: z.string() });

export const Application = z.object({
  id: z.uuid(),
  datasetCode: z.string(),
  datasetName: z.string(),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  applicantName: z.string(),
  applicantOrg: z.string(),
  applicantEmail: z.string(),
  purpose: z.string(),
  fields: z.array(ApplicationField),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: ApplicationStatus,
  submittedAt: z.string(),
  /** The last working day (China) by which the owner must decide. */
  deadline: z.string(),
  /** Pending after its deadline. */
  overdue: z.boolean(),
  decidedAt: z.string().nullable(),
  decidedLate: z.boolean(),
  decidedByName: z.string().nullable(),
  approvedFields: z.array(ApplicationField).nullable(),
  approvedStart: z.string().nullable(),
  approvedEnd: z.string().nullable(),
  /** The approval's note or the rejection's reason. */
  decisionNote: z.string().nullable(),
});
export type Application = z.infer<typeof Application>;
export const ApplicationList = z.object({ items: z.array(Application) });
export const InboxQuery = z.object({
  status: ApplicationStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

/** What an applicant needs to fill in an application for one dataset. */
export const ApplicableDataset = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string(),
  ownerOrgName: z.string(),
  openType: OpenType,
  level: Level,
  /** Working days the owner has to decide an application. */
  decisionDays: z.number().int(),
  fields: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      type: FieldType,
      sensitivity: Sensitivity,
      /** Whether applications may ask for it (L4 / high-sensitivity fields are never opened). */
      applicable: z.boolean(),
      /** Whether values reach the applicant masked. */
      masked: z.boolean(),
    }),
  ),
});
export type ApplicableDataset = z.infer<typeof ApplicableDataset>;

export const OpenCodeParams = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,39}$/, 'code: 3–40 letters, digits, _ . -'),
});

export const RecordsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  /** A JSON object of `field: value` or `field: [values]`, all of which must hold. */
  filters: z.string().max(4000).optional(),
  /** Comma-separated field names; all readable fields by default. */
  fields: z.string().max(4000).optional(),
});
export const RecordsPage = z.object({
  dataset: z.string(),
  fields: z.array(z.object({ name: z.string(), title: z.string(), type: FieldType, masked: z.boolean() })),
  records: z.array(z.record(z.string(), z.unknown())),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type RecordsPage = z.infer<typeof RecordsPage>;
