import type { ApiClient, CreateClientBody } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireRole } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { newId, randomToken } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { OrgsService } from '../orgs/index.ts';
import * as repo from './auth.repo.ts';
import { sha256 } from './auth.service.ts';

/** API clients (apps of departments): created and revoked by the platform admin. */
export function createClientsService(deps: {
  db: Db;
  orgs: OrgsService;
  ledger: Ledger;
  /** What else ends with an app: its sharing grants. */
  onRevoked?: (clientId: string, byName: string) => Promise<void>;
}) {
  const { db, orgs, ledger } = deps;

  async function toClients(rows: repo.ClientRow[]): Promise<ApiClient[]> {
    const names = new Map((await orgs.findOrgs(rows.map((r) => r.org_id))).map((o) => [o.id, o.name]));
    return rows.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      name: r.name,
      orgId: r.org_id,
      orgName: names.get(r.org_id) ?? r.org_id,
      roles: r.roles,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      lastUsedAt: r.last_used_at?.toISOString() ?? null,
    }));
  }

  return {
    async listClients(actor: Actor, q: { cursor?: string; limit: number }) {
      requireRole(actor, 'platform_admin');
      const after = decodeCursor(q.cursor, 1);
      const rows = await repo.listClients(db, { after: (after?.[0] as string) ?? null, limit: q.limit });
      const page = toPage(rows, q.limit, (r) => [r.id]);
      return { items: await toClients(page.items), nextCursor: page.nextCursor };
    },

    /** The secret is returned once; only its SHA-256 is kept (it is random, so no slow hash is needed). */
    async createClient(
      actor: Actor,
      body: CreateClientBody,
    ): Promise<{ client: ApiClient; clientSecret: string }> {
      const a = requireRole(actor, 'platform_admin');
      const [org] = await orgs.findOrgs([body.orgId]);
      if (!org) throw notFound('org', body.orgId);
      const secret = randomToken(32);
      const row = await repo.insertClient(db, {
        id: newId(),
        client_id: `sz_${randomToken(12)}`,
        name: body.name,
        org_id: org.id,
        roles: [...new Set(body.roles)],
        secret_hash: sha256(secret),
        created_by: a.kind === 'user' ? a.id : null,
      });
      await ledger.record({
        actor: a,
        action: 'auth.client_create',
        result: 'ok',
        details: { client: row.id, clientId: row.client_id, org: row.org_id, roles: row.roles },
      });
      return { client: (await toClients([row]))[0] as ApiClient, clientSecret: secret };
    },

    /** An organisation's active apps, as other modules name them (sharing grants are given to apps). */
    async listOrgApps(orgId: string): Promise<{ id: string; clientId: string; name: string }[]> {
      const rows = await repo.listOrgClients(db, orgId);
      return rows.map((r) => ({ id: r.id, clientId: r.client_id, name: r.name }));
    },

    /** Any app by its record id, active or not, with its organisation. */
    async findApp(id: string) {
      const r = await repo.findClient(db, id);
      return r
        ? { id: r.id, clientId: r.client_id, name: r.name, orgId: r.org_id, status: r.status }
        : undefined;
    },

    async revokeClient(actor: Actor, id: string): Promise<void> {
      const a = requireRole(actor, 'platform_admin');
      const row = await repo.updateClient(db, id, { status: 'revoked' });
      if (!row) throw notFound('client', id);
      await ledger.record({ actor: a, action: 'auth.client_revoke', result: 'ok', details: { client: id } });
      await deps.onRevoked?.(id, a.name);
    },
  };
}

export type ClientsService = ReturnType<typeof createClientsService>;
