import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Notify } from '../../notify/index.ts';
import * as repo from './accounts.repo.ts';

export const CODE_MINUTES = 30;
export const MAX_TRIES = 5;
const codeHash = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

// Nothing the person typed goes into the e-mail: anyone may sign up with anyone's address, and a
// display name carried into the message would let them write to that address in our name.
const subject = '【数智】开放数据账号邮箱验证码 / Shuzhi open data: your verification code';
const body = (code: string) =>
  [
    `您的开放数据账号邮箱验证码为 ${code}，${CODE_MINUTES} 分钟内有效，请勿告诉他人。`,
    '如果您没有注册数智开放数据账号，请忽略本邮件。',
    '',
    `Your open data account verification code is ${code}. It is valid for ${CODE_MINUTES} minutes; do not share it.`,
    'If you did not sign up for a Shuzhi open data account, ignore this e-mail.',
  ].join('\n');

/**
 * Proof that an open data account's e-mail is its owner's: a 6-digit code by e-mail, kept only as a
 * salted hash, valid for 30 minutes and for at most 5 wrong tries; a new code replaces the old one.
 * (The one-time codes of my data, mydata/login.service.ts, work the same way.)
 */
export function createEmailVerification(deps: { db: Db; notify: Notify; now?: () => Date }) {
  const { db, notify } = deps;
  const now = () => deps.now?.() ?? new Date();

  return {
    /** Sends a new code to the account's e-mail; answers the code (for demo mode) and its expiry. */
    async issue(account: { id: string; email: string }): Promise<{ code: string; expiresAt: Date }> {
      const id = newId();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const at = now();
      const expiresAt = new Date(at.getTime() + CODE_MINUTES * 60_000);
      await repo.putEmailCode(db, {
        account_id: account.id,
        id,
        code_hash: codeHash(id, code),
        attempts: 0,
        created_at: at,
        expires_at: expiresAt,
      });
      await notify.email(account.email, subject, body(code), 'open account e-mail verification');
      return { code, expiresAt };
    },

    /** Checks a code of an unverified account; answers the account, now verified. */
    async verify(accountId: string, code: string): Promise<repo.AccountRow> {
      const row = await repo.findEmailCode(db, accountId);
      if (!row || row.expires_at <= now()) throw new AppError('open_email_code_expired');
      if (row.attempts >= MAX_TRIES) throw new AppError('open_email_code_locked', { max: MAX_TRIES });
      const ok = timingSafeEqual(Buffer.from(codeHash(row.id, code)), Buffer.from(row.code_hash));
      if (!ok) {
        const tries = await repo.countWrongTry(db, row.id, MAX_TRIES);
        const left = MAX_TRIES - (tries ?? MAX_TRIES);
        if (left > 0) throw new AppError('open_email_code_wrong', { left });
        throw new AppError('open_email_code_locked', { max: MAX_TRIES });
      }
      return db.transaction().execute(async (trx) => {
        // Two requests with the right code: the second finds it spent.
        if (!(await repo.spendEmailCode(trx, row.id))) throw new AppError('open_email_code_expired');
        return repo.markVerified(trx, accountId, now());
      });
    },
  };
}

export type EmailVerification = ReturnType<typeof createEmailVerification>;
