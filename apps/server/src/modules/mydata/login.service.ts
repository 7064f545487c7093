import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { MyDataChallenge, MyDataLoginStart, MyDataMe } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../platform/errors.ts';
import { isValidCreditCode, isValidResidentId } from '../../platform/formats.ts';
import { newId, randomToken } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { maskMobile } from '../masking/index.ts';
import type { Notify } from '../notify/index.ts';
import type { Finder } from './finder.ts';
import * as repo from './mydata.repo.ts';
import { type Subject, subjectActor, subjectId } from './subject.ts';

const CODE_MINUTES = 5;
const MAX_ATTEMPTS = 5;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const codeHash = (challengeId: string, code: string) => sha256(`${challengeId}:${code}`);

/**
 * Signing in to my data: a person gives their resident ID and phone, an enterprise its credit code
 * and its legal representative's ID and phone; the phone must be the one on record in a dataset that
 * holds them (户籍, 学籍 guardians, …), and a one-time code goes to it through `notify`. Codes and
 * session tokens are kept as hashes, identifiers sealed.
 */
export function createLogin(deps: {
  db: Db;
  ledger: Ledger;
  notify: Notify;
  finder: Finder;
  box: SecretBox;
  salt: string;
  sessionHours: number;
  now?: () => Date;
}) {
  const { db, ledger, finder, box } = deps;
  const now = () => deps.now?.() ?? new Date();

  async function phonesFor(
    input: MyDataLoginStart,
  ): Promise<{ type: Subject['type']; key: string; phones: string[] }> {
    if (input.subjectType === 'person') {
      if (!isValidResidentId(input.idNumber))
        throw new AppError('mydata_key_invalid', { what_zh: '公民身份号码', what_en: 'resident ID number' });
      return { type: 'person', key: input.idNumber, phones: await finder.phonesOf(input.idNumber) };
    }
    if (!isValidCreditCode(input.creditCode))
      throw new AppError('mydata_key_invalid', {
        what_zh: '统一社会信用代码',
        what_en: 'unified social credit code',
      });
    if (!isValidResidentId(input.representativeId))
      throw new AppError('mydata_key_invalid', {
        what_zh: '法定代表人身份号码',
        what_en: 'representative’s ID number',
      });
    const people = await finder.peopleOf(input.creditCode);
    const phones = people.includes(input.representativeId)
      ? await finder.phonesOf(input.representativeId)
      : [];
    return { type: 'enterprise', key: input.creditCode, phones };
  }

  return {
    /** Sends a code to the phone if it is on record; the same refusal whether the identifier or the phone is unknown. */
    async start(input: MyDataLoginStart): Promise<MyDataChallenge & { code: string }> {
      const { type, key, phones } = await phonesFor(input);
      if (!phones.includes(input.phone)) throw new AppError('mydata_not_on_record');
      const id = newId();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(now().getTime() + CODE_MINUTES * 60_000);
      await repo.insertChallenge(db, {
        id,
        subject_type: type,
        subject_sealed: box.seal(key, id),
        code_hash: codeHash(id, code),
        expires_at: expiresAt,
        used_at: null,
      });
      await deps.notify.sms(
        input.phone,
        `【数智】您的“我的数据”登录验证码为 ${code}，${CODE_MINUTES} 分钟内有效，请勿告诉他人。`,
        'mydata login',
      );
      return {
        challengeId: id,
        sentTo: maskMobile(input.phone) ?? '***',
        expiresAt: expiresAt.toISOString(),
        code,
      };
    },

    async verify(
      challengeId: string,
      code: string,
    ): Promise<{ token: string; expiresAt: Date; subject: Subject }> {
      const row = await repo.findChallenge(db, challengeId);
      if (!row || row.used_at || row.expires_at <= now() || row.attempts >= MAX_ATTEMPTS)
        throw new AppError('mydata_code_invalid');
      const ok = timingSafeEqual(Buffer.from(codeHash(row.id, code)), Buffer.from(row.code_hash));
      const spent = await repo.markChallenge(
        db,
        row.id,
        ok ? { used_at: now() } : { attempts: row.attempts + 1 },
      );
      if (!ok || !spent) throw new AppError('mydata_code_invalid');
      const key = box.open(row.subject_sealed, row.id);
      const subject: Subject = {
        id: subjectId(deps.salt, row.subject_type, key),
        type: row.subject_type,
        key,
        since: now(),
      };
      const token = randomToken(32);
      const expiresAt = new Date(now().getTime() + deps.sessionHours * 3_600_000);
      const tokenHash = sha256(token);
      await repo.insertSession(db, {
        token_hash: tokenHash,
        subject_id: subject.id,
        subject_type: subject.type,
        subject_sealed: box.seal(key, tokenHash),
        expires_at: expiresAt,
      });
      await ledger.record({
        actor: subjectActor(subject),
        action: 'mydata.login',
        result: 'ok',
        subjects: [key],
      });
      return { token, expiresAt, subject };
    },

    async fromSession(token: string | undefined): Promise<Subject | null> {
      if (!token) return null;
      const tokenHash = sha256(token);
      const row = await repo.findLiveSession(db, tokenHash, now());
      return row
        ? {
            id: row.subject_id,
            type: row.subject_type,
            key: box.open(row.subject_sealed, tokenHash),
            since: row.created_at,
          }
        : null;
    },

    async logout(token: string | undefined): Promise<void> {
      if (token) await repo.deleteSession(db, sha256(token));
    },

    me: (s: Subject, name: string | null): MyDataMe => ({
      subjectType: s.type,
      subjectKey: subjectActor(s).name,
      name,
      signedInAt: (s.since ?? now()).toISOString(),
    }),
  };
}

export type Login = ReturnType<typeof createLogin>;
