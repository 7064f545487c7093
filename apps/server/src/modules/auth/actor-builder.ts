import type { Role } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import type { SignedInActor } from '../../platform/actor.ts';
import { ttlCache } from '../../platform/ttl-cache.ts';
import type { AreasService } from '../areas/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import * as repo from './auth.repo.ts';

/** Builds actors from accounts: the roles a user holds in one organisation, and the area they act in. */
export function createActorBuilder(deps: { db: Db; orgs: OrgsService; areas: AreasService }) {
  const { db, orgs, areas } = deps;
  // Every request builds an actor; an organisation's name and area and an area's path change rarely,
  // so they are cached briefly. Roles and account status are read fresh each time.
  const orgCache = ttlCache<{ name: string; areaCode: string } | null>(30_000);
  const pathCache = ttlCache<string>(30_000);
  const orgFacts = (orgId: string) =>
    orgCache.get(orgId, async () => {
      const [org] = await orgs.findOrgs([orgId]);
      return org ? { name: org.name, areaCode: org.areaCode } : null;
    });
  const areaPath = (code: string) => pathCache.get(code, () => areas.getAreaPath(code));

  /**
   * The area of a grant narrows the organisation's (a grid worker acts in a grid). When several grants in
   * one organisation name areas, the first by role name wins: an actor has one area at a time.
   */
  async function forUser(
    user: repo.UserRow,
    orgId: string,
    sessionId?: string,
  ): Promise<SignedInActor | null> {
    if (user.status !== 'active') return null;
    const grants = (await repo.listGrants(db, [user.id])).filter((g) => g.org_id === orgId);
    if (grants.length === 0) return null;
    const org = await orgFacts(orgId);
    if (!org) return null;
    const areaCode = grants.find((g) => g.area_code)?.area_code ?? org.areaCode;
    return {
      kind: 'user',
      id: user.id,
      name: user.username,
      orgId,
      orgName: org.name,
      roles: grants.map((g) => g.role),
      areaCode,
      areaPath: await areaPath(areaCode),
      sessionId,
    };
  }

  async function forClient(client: repo.ClientRow): Promise<SignedInActor | null> {
    if (client.status !== 'active') return null;
    const org = await orgFacts(client.org_id);
    if (!org) return null;
    return {
      kind: 'client',
      id: client.id,
      name: client.client_id,
      orgId: client.org_id,
      orgName: org.name,
      roles: client.roles as Role[],
      areaCode: org.areaCode,
      areaPath: await areaPath(org.areaCode),
    };
  }

  return { forUser, forClient };
}

export type ActorBuilder = ReturnType<typeof createActorBuilder>;
