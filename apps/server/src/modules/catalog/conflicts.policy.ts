import type { SignedInActor } from '../../platform/actor.ts';

/** The platform admin oversees every element's conflicts. */
export const seesAllConflicts = (a: SignedInActor): boolean => a.roles.includes('platform_admin');

/** A conflict concerns the owners of both datasets: their users see it. */
export const canSeeConflict = (a: SignedInActor, owners: string[]): boolean =>
  seesAllConflicts(a) || owners.includes(a.orgId);

/**
 * Only a data officer of an owner may see whom a conflict is about in clear and settle it: they can
 * look the subject up in their own data anyway. Everyone else, the admin included, sees a masked key.
 */
export const isInvolvedOfficer = (a: SignedInActor, owners: string[]): boolean =>
  a.roles.includes('data_officer') && owners.includes(a.orgId);
