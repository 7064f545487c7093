import { createHash } from 'node:crypto';
import type { OpenAccount, OpenSignupBody } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId, randomToken } from '../../../platform/ids.ts';
import { hashPassword, recordFailedLogin, verifyPassword } from '../../auth/index.ts';
import * as repo from './accounts.repo.ts';

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
});

/** Throws unless a member of the public is signed in with an open data account. */
export function requireAccount(account: OpenAccount | null): OpenAccount {
  if (!account) throw new AppError('open_account_required');
  return account;
}

/**
 * Developer accounts of the public (ADR 0007): sign-up with an e-mail and a password, sessions in an
 * httpOnly cookie of their own, lock-out after repeated failures as for staff.
 */
export function createAccountsService(deps: { db: Db; settings: AccountSettings }) {
  const { db, settings } = deps;

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
      return openSession(row);
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
