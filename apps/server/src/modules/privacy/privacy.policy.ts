import type { Dataset } from '@shuzhi/contracts';
import { type Actor, requireSignedIn, type SignedInActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';

const isAdmin = (a: SignedInActor) => a.roles.includes('platform_admin');

/**
 * Privacy checks and differentially private releases of a dataset are for its owner's data officer and
 * the platform admin: they read the rows (in aggregate) and decide what leaves.
 */
export function assertMayManage(actor: Actor, ds: Pick<Dataset, 'ownerOrgId'>): SignedInActor {
  const a = requireSignedIn(actor);
  if (isAdmin(a)) return a;
  if (a.orgId !== ds.ownerOrgId || !a.roles.includes('data_officer'))
    throw new AppError('forbidden', { need: 'data_officer of the owner organisation' });
  return a;
}

/** A set intersection is run by the data officers of its two organisations; the admin may look on. */
export function psiSideOf(
  actor: Actor,
  s: { initiator_org_id: string; partner_org_id: string },
): { actor: SignedInActor; side: 'initiator' | 'partner' | null } {
  const a = requireSignedIn(actor);
  const side = a.orgId === s.initiator_org_id ? 'initiator' : a.orgId === s.partner_org_id ? 'partner' : null;
  if (side && a.roles.includes('data_officer')) return { actor: a, side };
  if (isAdmin(a)) return { actor: a, side: null };
  throw new AppError('forbidden', { need: 'data_officer of one of the two organisations' });
}

/** Uploading to a session needs a side in it. */
export function requireSide(r: { actor: SignedInActor; side: 'initiator' | 'partner' | null }) {
  if (!r.side) throw new AppError('forbidden', { need: 'data_officer of one of the two organisations' });
  return { actor: r.actor, side: r.side };
}
