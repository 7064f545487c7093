import type { CreateUserBody, RoleGrant, UpdateUserBody, User } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireRole, systemActor as system } from '../../platform/actor.ts';

import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { AreasService } from '../areas/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import * as repo from './auth.repo.ts';
import { generatePassword, hashPassword } from './passwords.ts';

/** Staff account administration: the platform admin's job. */
export function createUsersService(deps: { db: Db; orgs: OrgsService; areas: AreasService; ledger: Ledger }) {
  const { db, orgs, areas, ledger } = deps;
  const grantFacts = (grants: { org_id: string; role: string; area_code: string | null }[]) =>
    grants.map((g) => ({ org: g.org_id, role: g.role, area: g.area_code }));

  async function toUsers(rows: repo.UserRow[]): Promise<User[]> {
    const grants = await repo.listGrants(
      db,
      rows.map((r) => r.id),
    );
    const orgList = await orgs.findOrgs(grants.map((g) => g.org_id));
    const orgName = new Map(orgList.map((o) => [o.id, o.name]));
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      status: r.status,
      lockedUntil: r.locked_until && r.locked_until > new Date() ? r.locked_until.toISOString() : null,
      lastLoginAt: r.last_login_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
      grants: grants
        .filter((g) => g.user_id === r.id)
        .map((g) => ({
          orgId: g.org_id,
          orgName: orgName.get(g.org_id) ?? g.org_id,
          role: g.role,
          areaCode: g.area_code,
        })),
    }));
  }

  /** Each grant's organisation must exist, and a narrowed area must lie within the organisation's. */
  async function checkGrants(
    grants: RoleGrant[],
  ): Promise<{ org_id: string; role: RoleGrant['role']; area_code: string | null }[]> {
    const found = await orgs.findOrgs(grants.map((g) => g.orgId));
    const out = [];
    for (const g of grants) {
      const org = found.find((o) => o.id === g.orgId);
      if (!org) throw notFound('org', g.orgId);
      if (g.areaCode) {
        const [orgPath, path] = await Promise.all([
          areas.getAreaPath(org.areaCode),
          areas.getAreaPath(g.areaCode),
        ]);
        if (path !== orgPath && !path.startsWith(`${orgPath}.`))
          throw new AppError('out_of_area', { code: g.areaCode });
      }
      out.push({ org_id: g.orgId, role: g.role, area_code: g.areaCode ?? null });
    }
    return out;
  }

  async function getRow(id: string): Promise<repo.UserRow> {
    const row = await repo.findUser(db, id);
    if (!row) throw notFound('user', id);
    return row;
  }

  /** Refuses a change that would leave no active platform admin. */
  async function guardLastAdmin(userId: string, stillAdmin: boolean): Promise<void> {
    if (stillAdmin) return;
    const admins = await repo.listActiveAdminIds(db);
    if (admins.length === 1 && admins[0] === userId) throw new AppError('last_admin');
  }

  /** Creates an account without an acting admin: bootstrap, demo seeding and the CLI. */
  async function createUnchecked(
    body: CreateUserBody,
    mustChangePassword: boolean,
    actor: Actor = system,
  ): Promise<User> {
    const grants = await checkGrants(body.grants);
    if (await repo.findUserByUsername(db, body.username)) {
      throw new AppError('conflict', { resource: 'username', id: body.username });
    }
    const hash = await hashPassword(body.password);
    const row = await db.transaction().execute(async (trx) => {
      const r = await repo.insertUser(trx, {
        id: newId(),
        username: body.username,
        display_name: body.displayName,
        password_hash: hash,
        status: 'active',
        must_change_password: mustChangePassword,
      });
      await repo.replaceGrants(trx, r.id, grants);
      await ledger.record(
        {
          actor,
          action: 'auth.user_create',
          result: 'ok',
          details: { user: r.id, username: r.username, grants: grantFacts(grants) },
        },
        trx,
      );
      return r;
    });
    return (await toUsers([row]))[0] as User;
  }

  return {
    createUnchecked,

    async countUsers(): Promise<number> {
      return repo.countUsers(db);
    },

    async listUsers(actor: Actor, q: { q?: string; orgId?: string; cursor?: string; limit: number }) {
      requireRole(actor, 'platform_admin');
      const after = decodeCursor(q.cursor, 1);
      const rows = await repo.listUsers(db, {
        text: q.q,
        orgId: q.orgId,
        after: (after?.[0] as string) ?? null,
        limit: q.limit,
      });
      const page = toPage(rows, q.limit, (r) => [r.username]);
      return { items: await toUsers(page.items), nextCursor: page.nextCursor };
    },

    async getUser(actor: Actor, id: string): Promise<User> {
      requireRole(actor, 'platform_admin');
      return (await toUsers([await getRow(id)]))[0] as User;
    },

    async createUser(actor: Actor, body: CreateUserBody): Promise<User> {
      requireRole(actor, 'platform_admin');
      return createUnchecked(body, true, actor);
    },

    async updateUser(actor: Actor, id: string, body: UpdateUserBody): Promise<User> {
      requireRole(actor, 'platform_admin');
      const current = await getRow(id);
      const grants = body.grants ? await checkGrants(body.grants) : null;
      const willBeAdmin =
        (body.status ?? current.status) === 'active' &&
        (grants
          ? grants.some((g) => g.role === 'platform_admin')
          : (await repo.listActiveAdminIds(db)).includes(id));
      await guardLastAdmin(id, willBeAdmin);
      const row = await db.transaction().execute(async (trx) => {
        const r = await repo.updateUser(trx, id, { display_name: body.displayName, status: body.status });
        if (grants) await repo.replaceGrants(trx, id, grants);
        // A disabled account or a changed set of roles must not live on in open sessions.
        if (body.status === 'disabled' || grants) await repo.deleteUserSessions(trx, id);
        await ledger.record(
          {
            actor,
            action: 'auth.user_update',
            result: 'ok',
            details: {
              user: id,
              ...(body.status ? { status: body.status } : {}),
              ...(grants ? { grants: grantFacts(grants) } : {}),
            },
          },
          trx,
        );
        return r as repo.UserRow;
      });
      return (await toUsers([row]))[0] as User;
    },

    /** Sets a new password (given, or generated and returned once); the user must change it at next login. */
    async resetPassword(
      actor: Actor | null,
      id: string,
      newPassword?: string,
    ): Promise<{ password: string }> {
      if (actor) requireRole(actor, 'platform_admin');
      await getRow(id);
      const password = newPassword ?? generatePassword();
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, id, {
          password_hash: hash,
          must_change_password: actor !== null || newPassword === undefined,
          failed_logins: 0,
          locked_until: null,
        });
        await repo.deleteUserSessions(trx, id);
        await ledger.record(
          { actor: actor ?? system, action: 'auth.password_reset', result: 'ok', details: { user: id } },
          trx,
        );
      });
      return { password };
    },

    async findUserIdByUsername(username: string): Promise<string | undefined> {
      return (await repo.findUserByUsername(db, username))?.id;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
