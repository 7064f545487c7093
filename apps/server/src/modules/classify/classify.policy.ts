import type { Dataset } from '@shuzhi/contracts';
import { type Actor, requireSignedIn, type SignedInActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';

const isAdmin = (a: SignedInActor) => a.roles.includes('platform_admin');

/** Detection reads the dataset's rows: its owner organisation and the platform admin only. */
export function assertMayRun(actor: Actor, ds: Pick<Dataset, 'ownerOrgId'>): SignedInActor {
  const a = requireSignedIn(actor);
  if (isAdmin(a) || a.orgId === ds.ownerOrgId) return a;
  throw new AppError('forbidden', { need: 'a role in the owner organisation' });
}

/** Grading a dataset is the owner's data officer's decision (or the platform admin's), as in the catalog. */
export function assertMayConfirm(actor: Actor, ds: Pick<Dataset, 'ownerOrgId'>): SignedInActor {
  const a = requireSignedIn(actor);
  if (isAdmin(a)) return a;
  if (a.orgId !== ds.ownerOrgId || !a.roles.includes('data_officer'))
    throw new AppError('forbidden', { need: 'data_officer of the owner organisation' });
  return a;
}
