import type { Actor, SignedInActor } from '../../platform/actor.ts';
import { coversArea, requireRole } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';

/** Grids are drawn by the platform admin, or by commanders within their own area. */
export function assertMayCreateGrid(actor: Actor, community: { code: string; path: string }): SignedInActor {
  const a = requireRole(actor, 'platform_admin', 'commander');
  if (!coversArea(a, community.path)) throw new AppError('out_of_area', { code: community.code });
  return a;
}
