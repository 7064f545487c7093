import type { SignedInActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Approval } from '../masking/index.ts';

type Owned = { ownerOrgId: string };

export const isAdmin = (a: SignedInActor): boolean => a.roles.includes('platform_admin');
const isOwnerOfficer = (a: SignedInActor, ownerOrgId: string) =>
  a.roles.includes('data_officer') && a.orgId === ownerOrgId;

/** Problem lists and rules are the owner organisation's business (and the platform's). */
export const canSeeProblems = (a: SignedInActor, ds: Owned): boolean =>
  isAdmin(a) || a.orgId === ds.ownerOrgId;

/** Rules and runs are managed by the owner's data officer, or the platform admin. */
export const canManage = (a: SignedInActor, ds: Owned): boolean =>
  isAdmin(a) || isOwnerOfficer(a, ds.ownerOrgId);

/**
 * What a reader of problem samples is approved for: the owner's data officers fix the data, so they
 * see it whole (they hold it anyway); the admin oversees quality and sees clear values except what is
 * graded L4; other members of the owner see them masked.
 */
export function sampleApproval(a: SignedInActor, ds: Owned): Approval {
  if (isOwnerOfficer(a, ds.ownerOrgId)) return 'source';
  return isAdmin(a) ? 'clear' : 'masked';
}

export function assertManage(a: SignedInActor, ds: Owned): void {
  if (!canManage(a, ds)) throw new AppError('forbidden', { need: 'data_officer of the owner organisation' });
}

export function assertSeeProblems(a: SignedInActor, ds: Owned): void {
  if (!canSeeProblems(a, ds)) throw new AppError('forbidden', { need: 'a role in the owner organisation' });
}

// Complaints

type ComplaintRef = { owner_org_id: string; complainant_id: string; status: string };

/** The complainant, the owner organisation and the admin see a complaint; everyone else is told it is missing. */
export const canSeeComplaint = (a: SignedInActor, c: ComplaintRef): boolean =>
  isAdmin(a) || a.id === c.complainant_id || a.orgId === c.owner_org_id;

/**
 * Whom the record key concerns: the complainant typed it and the owner's officers hold it, so they see
 * it whole; everyone else (other members of the owner, the admin) sees it masked.
 */
export const keyApproval = (a: SignedInActor, c: ComplaintRef): Approval =>
  a.id === c.complainant_id || isOwnerOfficer(a, c.owner_org_id) ? 'source' : 'masked';

/** Only the owner's data officer answers: they are the ones who can correct the data. */
export const canAnswer = (a: SignedInActor, c: ComplaintRef): boolean =>
  isOwnerOfficer(a, c.owner_org_id) && c.status === 'open';

/** The complainant accepts the outcome (or the admin closes it for them). */
export const canClose = (a: SignedInActor, c: ComplaintRef): boolean =>
  (a.id === c.complainant_id || isAdmin(a)) && (c.status === 'answered' || c.status === 'corrected');
