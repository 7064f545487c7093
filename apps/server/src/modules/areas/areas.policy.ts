import type { Actor, SignedInActor } from '../../platform/actor.ts';
import { coversArea, requireRole } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';

/** Grids are drawn by the platform admin, or by commanders. */
export const assertMayDrawGrids = (actor: Actor): SignedInActor =>
  requireRole(actor, 'platform_admin', 'commander');

/** ...and only within the actor's own area. */
export function assertCoversCommunity(actor: SignedInActor, community: { code: string; path: string }): void {
  if (!coversArea(actor, community.path)) throw new AppError('out_of_area', { code: community.code });
}
