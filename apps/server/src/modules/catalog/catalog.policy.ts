import { type Actor, requireRole, requireSignedIn, type SignedInActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';

type Owned = { owner_org_id: string; status: string };

const isAdmin = (a: SignedInActor) => a.roles.includes('platform_admin');

/** Who may see a dataset's entry: everyone signed in once published; before that its owner and the admin. */
export function canSee(actor: Actor, ds: Owned): boolean {
  if (ds.status === 'published') return true;
  if (actor.kind === 'anonymous') return false;
  return isAdmin(actor) || actor.orgId === ds.owner_org_id;
}

/** Describing a dataset is the job of its owner's data officer (or the platform admin). */
export function assertMayEdit(actor: Actor, ds: Owned): SignedInActor {
  const a = requireSignedIn(actor);
  if (isAdmin(a)) return a;
  requireRole(a, 'data_officer');
  if (a.orgId !== ds.owner_org_id)
    throw new AppError('forbidden', { need: 'data_officer of the owner organisation' });
  return a;
}

/** Publication is reviewed by the platform admin. */
export const assertMayReview = (actor: Actor): SignedInActor => requireRole(actor, 'platform_admin');

export function assertStatus(ds: { status: string }, ...allowed: string[]): void {
  if (!allowed.includes(ds.status))
    throw new AppError('wrong_status', { status: ds.status, need: allowed.join(' | ') });
}
