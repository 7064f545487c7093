import type { Role } from '@shuzhi/contracts';
import { AppError } from './errors.ts';

/** Who is acting: passed explicitly to every service function. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      /** `subject`: a citizen or enterprise signed in to "my data", acting for themselves only. */
      kind: 'user' | 'client' | 'system' | 'subject';
      /** The user's id, the API client's record id, or the data subject's stable id. */
      id: string;
      name: string;
      orgId: string;
      orgName: string;
      roles: Role[];
      /** The area the actor acts within, and its code path (`330100.330106...`) for prefix checks. */
      areaCode: string;
      areaPath: string;
      sessionId?: string;
    };

export type SignedInActor = Exclude<Actor, { kind: 'anonymous' }>;

export const anonymous: Actor = { kind: 'anonymous' };

/** Throws `unauthenticated` unless someone is signed in. */
export function requireSignedIn(actor: Actor): SignedInActor {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  return actor;
}

/** Throws `forbidden` unless the actor holds one of the roles. */
export function requireRole(actor: Actor, ...roles: Role[]): SignedInActor {
  const a = requireSignedIn(actor);
  if (!roles.some((r) => a.roles.includes(r))) throw new AppError('forbidden', { need: roles.join(' | ') });
  return a;
}

/** True when an area (by its code path) lies within the actor's area. */
export function coversArea(actor: SignedInActor, areaPath: string): boolean {
  return areaPath === actor.areaPath || areaPath.startsWith(`${actor.areaPath}.`);
}

/** The platform itself, acting at bootstrap and from the operator's command line. */
export const systemActor: SignedInActor = {
  kind: 'system',
  id: '00000000-0000-0000-0000-000000000000',
  name: 'shuzhi',
  orgId: '00000000-0000-0000-0000-000000000000',
  orgName: 'system',
  roles: ['platform_admin'],
  areaCode: '330100',
  areaPath: '330100',
};
