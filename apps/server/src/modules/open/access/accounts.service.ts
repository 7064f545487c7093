import { createHash } from 'node:crypto';
import type { OpenAccount, OpenSignupBody } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId, randomToken } from '../../../platform/ids.ts';
import { hashPassword, recordFailedLogin, verifyPassword } from '../../auth/index.ts';
import type { Notify } from '../../notify/index.ts';
import * as repo from './accounts.repo.ts';
import { createEmailVerification } from './verification.service.ts';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type AccountSettings = { sessionHours: number; lockoutThreshold: number; lockoutMinutes: number };

const shanghaiTime = (d: Date) =>
  d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);

export const toAccount = (r: repo.AccountRow): OpenAccount => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  organisation: r.organisation,
  createdAt: r.created_at.toISOString(),
  emailVerified: r.email_verified_at !== null,
});

/** Throws unless a member of the public is signed in with an open data account. */
export function requireAccount(account: OpenAccount | null): OpenAccount {
  if (!account) throw new AppError('open_account_required');
  return account;
}

/**
 * Throws unless the signed-in account has verified its e-mail: what gives access to data (API keys,
 * applications) needs an address that reaches a person, so that the owner can answer and be answered.
 */
export function requireVerified(account: OpenAccount | null): OpenAccount {
  const a = requireAccount(account);
  if (!a.emailVerified) throw new AppError('open_email_unverified');
  return a;
}

/**
 * Developer accounts of the public (ADR 0007): sign-up with an e-mail and a password, sessions in an
 * httpOnly cookie of their own, lock-out after repeated failures as for staff. Sign-up sends a code
 * by e-mail; until it is entered the account can browse but gets no keys and files no applications.
 */
export function createAccountsService(deps: {
  db: Db;
  notify: Notify;
  settings: AccountSettings;
  now?: () => Date;
}) {
  const { db, settings } = deps;
  const verification = createEmailVerification(deps);

  async function openSession(account: repo.AccountRow) {
    const token = randomToken();
    const expiresAt = new Date(Date.now() + settings.sessionHours * 3600_000);
    await repo.insertSession(db, {
      token_hash: sha256(token),
      account_id: account.id,
      expires_at: expiresAt,
    });
    return { token, expiresAt, account: toAccount(account) };
  }

  return {
    async signup(body: OpenSignupBody) {
      const hash = await hashPassword(body.password);
      const row = await repo.insertAccount(db, {
        id: newId(),
        email: body.email,
        display_name: body.displayName,
        organisation: body.organisation,
        password_hash: hash,
      });
      if (!row) throw new AppError('open_account_exists', { email: body.email });
      let sent: { code: string; expiresAt: Date };
      try {
        sent = await verification.issue(row);
      } catch (err) {
        // Without the e-mail the sign-up did not happen: the address stays free to try again.
        await db.transaction().execute((trx) => repo.deleteAccount(trx, row.id));
        throw err;
      }
      return { ...(await openSession(row)), code: sent };
    },

    /** Verifies the signed-in account's e-mail with the code it received; verifying twice is no error. */
    async verifyEmail(who: OpenAccount | null, code: string): Promise<OpenAccount> {
      const account = requireAccount(who);
      if (account.emailVerified) return account;
      return toAccount(await verification.verify(account.id, code));
    },

    /** Sends a new code, which replaces (and so invalidates) the one sent before. */
    async resendCode(who: OpenAccount | null) {
      const account = requireAccount(who);
      if (account.emailVerified) throw new AppError('open_email_already_verified', { email: account.email });
      return verification.issue(account);
    },

    async login(email: string, password: string) {
      const row = await repo.findAccountByEmail(db, email.trim().toLowerCase());
      if (!row) {
        await verifyPassword(null, password);
        throw new AppError('open_invalid_credentials');
      }
      if (row.locked_until && row.locked_until > new Date())
        throw new AppError('account_locked', { until: shanghaiTime(row.locked_until) });
      if (!(await verifyPassword(row.password_hash, password))) {
        const locked = await recordFailedLogin(
          db,
          row.id,
          settings.lockoutThreshold,
          settings.lockoutMinutes,
          'open_access.account',
        );
        if (locked && locked > new Date())
          throw new AppError('account_locked', { until: shanghaiTime(locked) });
        throw new AppError('open_invalid_credentials');
      }
      if (row.status !== 'active') throw new AppError('account_disabled');
      await repo.updateAccount(db, row.id, {
        failed_logins: 0,
        locked_until: null,
        last_login_at: new Date(),
      });
      return openSession(row);
    },

    async logout(token: string | undefined): Promise<void> {
      if (token) await repo.deleteSession(db, sha256(token));
    },

    /** The account behind a session cookie, or null when it is missing, expired or disabled. */
    async fromSession(token: string | undefined): Promise<OpenAccount | null> {
      if (!token) return null;
      const row = await repo.findSessionAccount(db, sha256(token));
      return row ? toAccount(row) : null;
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
