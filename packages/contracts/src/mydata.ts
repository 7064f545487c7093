import { z } from 'zod';
import { FieldType } from './catalog.ts';
import { Complaint } from './quality.ts';

/*
 * My data (数据主体权利): a citizen or an enterprise signs in with a one-time code, sees which datasets
 * hold records about them, every access to those records, disputes errors and manages consents.
 * See docs/my-data.md.
 */

export const SubjectType = z.enum(['person', 'enterprise']);
export type SubjectType = z.infer<typeof SubjectType>;

const Mobile = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, 'phone: an 11-digit mobile number');
const ResidentId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, 'a resident ID number: 17 digits and a check character');

export const MyDataLoginStart = z.discriminatedUnion('subjectType', [
  z.object({ subjectType: z.literal('person'), idNumber: ResidentId, phone: Mobile }),
  z.object({
    subjectType: z.literal('enterprise'),
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'creditCode: an 18-character unified social credit code'),
    /** The legal representative's resident ID and phone: whoever signs in for an enterprise. */
    representativeId: ResidentId,
    phone: Mobile,
  }),
]);
export type MyDataLoginStart = z.infer<typeof MyDataLoginStart>;
export const MyDataChallenge = z.object({
  challengeId: z.uuid(),
  /** The phone the code went to, masked (138****5678). */
  sentTo: z.string(),
  expiresAt: z.string(),
  /** Demo mode only: the code, as the demo sender also writes it to the log. */
  demoCode: z.string().optional(),
});
export type MyDataChallenge = z.infer<typeof MyDataChallenge>;
export const MyDataLoginVerify = z.object({
  challengeId: z.uuid(),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'code: the 6 digits sent by SMS'),
});
export const MyDataMe = z.object({
  subjectType: SubjectType,
  /** The ID number or credit code, masked. */
  subjectKey: z.string(),
  /** The name on record, masked, when a dataset holds one. */
  name: z.string().nullable(),
  signedInAt: z.string(),
});
export type MyDataMe = z.infer<typeof MyDataMe>;

export const HoldingField = z.object({
  name: z.string(),
  title: z.string(),
  type: FieldType,
  masked: z.boolean(),
});
export const Holding = z.object({
  datasetId: z.uuid(),
  datasetCode: z.string(),
  datasetName: z.string(),
  ownerOrgName: z.string(),
  /** The field through which the records concern me (公民身份号码, 统一社会信用代码, …). */
  matchedField: z.string(),
  keyFields: z.array(z.string()),
  fields: z.array(HoldingField),
  /** The records, masked per policy (at most 50 per dataset). */
  records: z.array(
    z.object({
      /** The record's key, for a dispute: clear only where it is my own identifier. */
      key: z.record(z.string(), z.string()),
      values: z.record(z.string(), z.unknown()),
    }),
  ),
  more: z.boolean(),
});
export type Holding = z.infer<typeof Holding>;
export const Holdings = z.object({
  items: z.array(Holding),
  /** Datasets that may hold records about me but cannot be searched by my identifier (no index on it). */
  unsearchable: z.array(
    z.object({
      datasetCode: z.string(),
      datasetName: z.string(),
      ownerOrgName: z.string(),
      field: z.string(),
    }),
  ),
});
export type Holdings = z.infer<typeof Holdings>;

export const AccessEntry = z.object({
  /** The ledger entry's index: its inclusion proof is at /api/v1/ledger/proof/inclusion. */
  index: z.number().int(),
  time: z.string(),
  actorKind: z.string(),
  actorName: z.string(),
  orgName: z.string().nullable(),
  action: z.string(),
  result: z.string(),
  dataset: z.string().nullable(),
  fields: z.array(z.string()),
  purpose: z.string().nullable(),
  /** The entry's canonical bytes (base64): what the leaf hash commits to, for verifying in the browser. */
  data: z.string(),
});
export type AccessEntry = z.infer<typeof AccessEntry>;
export const AccessList = z.object({ items: z.array(AccessEntry), nextCursor: z.string().nullable() });
export const AccessQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const DisputeBody = z.object({
  datasetCode: z.string().trim().min(3).max(40),
  recordKey: z.record(z.string(), z.string().trim().min(1).max(200)),
  field: z.string().max(63).optional(),
  text: z.string().trim().min(5, 'text: at least 5 characters').max(2000),
});
export type DisputeBody = z.infer<typeof DisputeBody>;
export const DisputeList = z.object({ items: z.array(Complaint) });

export const ConsentScope = z.enum(['form_prefill', 'third_party']);
export type ConsentScope = z.infer<typeof ConsentScope>;
export const ConsentBody = z
  .object({
    scope: ConsentScope,
    /** The named third party (an organisation) for `third_party`. */
    partyOrgId: z.uuid().optional(),
    purpose: z.string().trim().min(2, 'purpose: required').max(500),
  })
  .refine((b) => b.scope !== 'third_party' || b.partyOrgId, 'partyOrgId: name the third party');
export type ConsentBody = z.infer<typeof ConsentBody>;
export const ConsentRecord = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  action: z.enum(['grant', 'withdraw']),
  scope: ConsentScope,
  partyOrgId: z.uuid().nullable(),
  partyName: z.string().nullable(),
  purpose: z.string(),
  /** For a withdrawal: the consent it withdraws. */
  withdraws: z.uuid().nullable(),
  createdAt: z.string(),
  /** SHA-256 of the previous record's hash and this record's canonical bytes (hex). */
  prevHash: z.string(),
  hash: z.string(),
  /** The platform's Ed25519 signature of `hash` (base64); the key is at /api/v1/mydata/consents/key. */
  signature: z.string(),
  /** Whether a grant is still in force (not withdrawn). */
  active: z.boolean(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;
export const ConsentList = z.object({
  items: z.array(ConsentRecord),
  /** The server's check of the chain and signatures of my records. */
  chainValid: z.boolean(),
});
export const ConsentParty = z.object({ id: z.uuid(), name: z.string() });
export const ConsentParties = z.object({ items: z.array(ConsentParty) });
