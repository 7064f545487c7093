import { createHash, timingSafeEqual } from 'node:crypto';
import type { ChangePasswordBody, Me, Role } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, anonymous, requireSignedIn } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { randomToken } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { ttlCache } from '../../platform/ttl-cache.ts';
import type { AreasService } from '../areas/index.ts';
import type { OrgsService } from '../orgs/index.ts';
import type { ActorBuilder } from './actor-builder.ts';
import * as repo from './auth.repo.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { signClientToken, type TokenKeys, verifiedTokens, verifyClientToken } from './tokens.ts';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type AuthSettings = {
  sessionHours: number;
  tokenMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
};

const shanghaiTime = (d: Date) =>
  d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);

/** Sign-in and sessions for staff, tokens for API clients, and turning either into an actor. */
export function createAuthService(deps: {
  db: Db;
  orgs: OrgsService;
  areas: AreasService;
  actors: ActorBuilder;
  ledger: Ledger;
  keys: TokenKeys;
  settings: AuthSettings;
}) {
  const { db, orgs, areas, actors, ledger, keys, settings } = deps;
  const verifiedToken = verifiedTokens(keys);
  const clientFacts = ttlCache<repo.ClientRow | undefined>(10_000);

  async function me(actor: Actor): Promise<Me> {
    const a = requireSignedIn(actor);
    if (a.kind !== 'user') throw new AppError('forbidden', { need: 'user session' });
    const user = await repo.findUser(db, a.id);
    if (!user) throw new AppError('unauthenticated');
    const grants = await repo.listGrants(db, [user.id]);
    const orgList = await orgs.findOrgs(grants.map((g) => g.org_id));
    const ref = (id: string) => {
      const o = orgList.find((x) => x.id === id);
      return { id, code: o?.code ?? '', name: o?.name ?? id };
    };
    const memberships = [...new Set(grants.map((g) => g.org_id))].map((orgId) => ({
      org: ref(orgId),
      roles: grants.filter((g) => g.org_id === orgId).map((g) => g.role as Role),
    }));
    const areaName = (await areas.findNames([a.areaCode])).get(a.areaCode) ?? a.areaCode;
    return {
      user: { id: user.id, username: user.username, displayName: user.display_name },
      org: ref(a.orgId),
      roles: a.roles,
      areaCode: a.areaCode,
      areaName,
      memberships,
      mustChangePassword: user.must_change_password,
    };
  }

  return {
    me,

    /** Checks a password, applying lock-out; opens a session in the user's first organisation. */
    async login(
      username: string,
      password: string,
      client: { ip: string | null; userAgent: string | null },
    ): Promise<{ token: string; expiresAt: Date; me: Me }> {
      const user = await repo.findUserByUsername(db, username.toLowerCase());
      const refuse = async (reason: string, err: AppError): Promise<never> => {
        await ledger.record({
          actor: anonymous,
          action: 'auth.login',
          result: 'denied',
          details: { username: username.toLowerCase(), reason, ip: client.ip },
        });
        throw err;
      };
      if (!user) {
        await verifyPassword(null, password);
        return refuse('unknown_user', new AppError('invalid_credentials'));
      }
      if (user.locked_until && user.locked_until > new Date()) {
        return refuse('locked', new AppError('account_locked', { until: shanghaiTime(user.locked_until) }));
      }
      if (!(await verifyPassword(user.password_hash, password))) {
        const locked = await repo.recordFailedLogin(
          db,
          user.id,
          settings.lockoutThreshold,
          settings.lockoutMinutes,
        );
        if (locked && locked > new Date()) {
          return refuse('locked', new AppError('account_locked', { until: shanghaiTime(locked) }));
        }
        return refuse('wrong_password', new AppError('invalid_credentials'));
      }
      // Said only after the right password, so the state of an account is not a probe for guessers.
      if (user.status !== 'active') return refuse('disabled', new AppError('account_disabled'));
      const grants = await repo.listGrants(db, [user.id]);
      const orgId = grants[0]?.org_id;
      if (!orgId) throw new AppError('forbidden', { need: 'a role in an organisation' });
      const token = randomToken();
      const expiresAt = new Date(Date.now() + settings.sessionHours * 3600_000);
      await db.transaction().execute(async (trx) => {
        await repo.insertSession(trx, {
          token_hash: sha256(token),
          user_id: user.id,
          org_id: orgId,
          expires_at: expiresAt,
          ip: client.ip,
          user_agent: client.userAgent?.slice(0, 300) ?? null,
        });
        await repo.updateUser(trx, user.id, {
          failed_logins: 0,
          locked_until: null,
          last_login_at: new Date(),
        });
      });
      const actor = (await actors.forUser(user, orgId, sha256(token))) ?? anonymous;
      await ledger.record({ actor, action: 'auth.login', result: 'ok', details: { ip: client.ip } });
      return { token, expiresAt, me: await me(actor) };
    },

    async logout(actor: Actor): Promise<void> {
      if (actor.kind === 'user' && actor.sessionId) await repo.deleteSession(db, actor.sessionId);
    },

    /** The actor behind a session cookie, or anonymous when it is missing, expired or revoked. */
    async actorFromSession(token: string | undefined): Promise<Actor> {
      if (!token) return anonymous;
      const row = await repo.findLiveSessionUser(db, sha256(token));
      if (!row) return anonymous;
      const { session_org_id, token_hash, ...user } = row;
      return (await actors.forUser(user, session_org_id, token_hash)) ?? anonymous;
    },

    /** The actor behind a bearer token; an invalid token is an error, not anonymity. */
    async actorFromBearer(token: string): Promise<Actor> {
      const id = (await verifyClientToken(keys, token))?.sub;
      const client = id ? await repo.findClient(db, id) : undefined;
      const actor = client ? await actors.forClient(client) : null;
      if (!actor) throw new AppError('token_invalid');
      return actor;
    },

    /**
     * The actor behind a bearer token, for routes that enforce an app's revocation themselves (the
     * sharing gateway: revoking an app revokes its grants, which every read checks): the token's
     * verification and the client's record are remembered briefly, saving a round trip per call at
     * gateway rates while a revocation still takes effect on the next call.
     */
    async actorFromBearerRechecked(token: string): Promise<Actor> {
      const id = await verifiedToken(token);
      const client = id ? await clientFacts.get(id, () => repo.findClient(db, id)) : undefined;
      const actor = client ? await actors.forClient(client) : null;
      if (!actor) throw new AppError('token_invalid');
      return actor;
    },

    async switchOrg(actor: Actor, orgId: string): Promise<Me> {
      const a = requireSignedIn(actor);
      if (a.kind !== 'user' || !a.sessionId) throw new AppError('forbidden', { need: 'user session' });
      const user = await repo.findUser(db, a.id);
      const next = user ? await actors.forUser(user, orgId, a.sessionId) : null;
      if (!next) throw new AppError('not_member');
      await repo.setSessionOrg(db, a.sessionId, orgId);
      return me(next);
    },

    async changePassword(actor: Actor, body: ChangePasswordBody): Promise<void> {
      const a = requireSignedIn(actor);
      if (a.kind !== 'user') throw new AppError('forbidden', { need: 'user session' });
      const user = await repo.findUser(db, a.id);
      if (!user || !(await verifyPassword(user.password_hash, body.currentPassword))) {
        throw new AppError('password_incorrect');
      }
      if (body.currentPassword === body.newPassword) throw new AppError('password_unchanged');
      const hash = await hashPassword(body.newPassword);
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, a.id, { password_hash: hash, must_change_password: false });
        // Other sessions may belong to whoever knew the old password.
        await repo.deleteUserSessions(trx, a.id, a.sessionId);
        await ledger.record({ actor: a, action: 'auth.password_change', result: 'ok' }, trx);
      });
    },

    /** OAuth 2.0 client credentials: a client id and secret for a short-lived signed token. */
    async issueClientToken(clientId: string, secret: string): Promise<{ token: string; expiresIn: number }> {
      const client = await repo.findClientByClientId(db, clientId);
      const given = Buffer.from(sha256(secret));
      const stored = Buffer.from(client?.secret_hash ?? sha256(randomToken()));
      if (!client || !timingSafeEqual(given, stored) || client.status !== 'active') {
        throw new AppError('client_invalid');
      }
      await repo.updateClient(db, client.id, { last_used_at: new Date() });
      const token = await signClientToken(keys, client.id, settings.tokenMinutes);
      return { token, expiresIn: settings.tokenMinutes * 60 };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
