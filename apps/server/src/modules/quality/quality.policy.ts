import type { SignedInActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';

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

/** Sample values in clear: for those who fix the data (the owner's data officers) and the admin. */
export const seesSamplesInClear = canManage;

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

/** Whom the record key concerns is shown in clear to the complainant (who typed it) and the owner's officers. */
export const seesKeyInClear = (a: SignedInActor, c: ComplaintRef): boolean =>
  a.id === c.complainant_id || isOwnerOfficer(a, c.owner_org_id);

/** Only the owner's data officer answers: they are the ones who can correct the data. */
export const canAnswer = (a: SignedInActor, c: ComplaintRef): boolean =>
  isOwnerOfficer(a, c.owner_org_id) && c.status === 'open';

/** The complainant accepts the outcome (or the admin closes it for them). */
export const canClose = (a: SignedInActor, c: ComplaintRef): boolean =>
  (a.id === c.complainant_id || isAdmin(a)) && (c.status === 'answered' || c.status === 'corrected');
