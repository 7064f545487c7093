import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../db/migrate.ts';
import { createNotify, type Message } from '../../notify/index.ts';
import { chinaDay } from '../../quality/index.ts';
import { accessFixture, PASSWORD } from './access.fixtures.ts';
import { createAccountsService } from './accounts.service.ts';

let f: Awaited<ReturnType<typeof accessFixture>>;
beforeAll(async () => {
  f = await accessFixture();
});
afterAll(() => f.t.close());

const verify = (cookie: string, code: string, lang = 'zh-CN') =>
  f.inject({
    method: 'POST',
    url: '/api/v1/open/access/verify-email',
    headers: { cookie, 'accept-language': lang },
    payload: { code },
  });
const resend = (cookie: string) =>
  f.inject({ method: 'POST', url: '/api/v1/open/access/verify-email/resend', headers: { cookie } });
const me = async (cookie: string) =>
  (await f.inject({ url: '/api/v1/open/access/me', headers: { cookie } })).json();
/** A six-digit code that is not `code`. */
const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('e-mail verification of open data accounts', () => {
  it('starts unverified, keeps only a salted hash of the code, and verifies with the right code', async () => {
    const res = await f.inject({
      method: 'POST',
      url: '/api/v1/open/access/signup',
      payload: { email: 'new@example.com', password: PASSWORD, displayName: '新用户' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ email: 'new@example.com', emailVerified: false });
    expect(body.demoCode).toMatch(/^\d{6}$/);
    const minutes = (Date.parse(body.codeExpiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    const cookie = `shuzhi_open_session=${res.cookies.find((c) => c.name === 'shuzhi_open_session')?.value}`;
    expect(await me(cookie)).toMatchObject({ emailVerified: false });

    const stored = await sql<{ id: string; code_hash: string }>`
      select id, code_hash from open_access.email_code where account_id = ${body.id}`.execute(
      f.t.services.db,
    );
    const row = stored.rows[0];
    expect(row?.code_hash).toBe(createHash('sha256').update(`${row?.id}:${body.demoCode}`).digest('hex'));

    const bad = await verify(cookie, '12345');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'validation_failed']);
    const ok = await verify(cookie, body.demoCode);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: body.id, emailVerified: true });
    expect(await me(cookie)).toMatchObject({ emailVerified: true });
    // The code is spent; verifying again changes nothing and is no error.
    expect((await verify(cookie, body.demoCode)).json()).toMatchObject({ emailVerified: true });
    const again = await resend(cookie);
    expect([again.statusCode, again.json().code]).toEqual([409, 'open_email_already_verified']);
    expect((await verify('', body.demoCode)).statusCode).toBe(401);
  });

  it('counts wrong codes down and, after five, refuses even the right one until a new code is sent', async () => {
    const { cookie, code } = await f.signupUnverified('guesser@example.com');
    for (const left of [4, 3, 2, 1]) {
      const res = await verify(cookie, other(code));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'open_email_code_wrong',
        detail: `验证码不正确，还可尝试 ${left} 次`,
      });
    }
    const fifth = await verify(cookie, other(code), 'en');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({
      code: 'open_email_code_locked',
      detail: 'Too many wrong tries (5): this code no longer works; request a new one',
    });
    const right = await verify(cookie, code);
    expect(right.statusCode).toBe(423);
    expect(right.json().detail).toBe('验证码错误次数过多（5 次），已失效，请重新获取验证码');
    expect(await me(cookie)).toMatchObject({ emailVerified: false });

    const fresh = await resend(cookie);
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect((await verify(cookie, fresh.json().demoCode)).json()).toMatchObject({ emailVerified: true });
  });

  it('sends a new code on request that replaces the old one', async () => {
    const { cookie, code: first } = await f.signupUnverified('resender@example.com');
    let second = first;
    // Two random codes may coincide (one in a million); ask again rather than test nothing.
    while (second === first) {
      const res = await resend(cookie);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().expiresAt).toEqual(expect.any(String));
      second = res.json().demoCode;
    }
    const old = await verify(cookie, first);
    expect([old.statusCode, old.json().code]).toEqual([400, 'open_email_code_wrong']);
    expect((await verify(cookie, second)).json()).toMatchObject({ emailVerified: true });
  });

  it('refuses an expired code: valid for 30 minutes', async () => {
    const sent: Message[] = [];
    const notify = createNotify({ sender: { name: 'capture', send: async (m) => void sent.push(m) } });
    let clock = new Date('2026-12-02T08:00:00Z');
    const accounts = createAccountsService({
      db: f.t.services.db,
      notify,
      settings: { sessionHours: 1, lockoutThreshold: 5, lockoutMinutes: 1 },
      now: () => clock,
    });
    const codeIn = (m: Message | undefined) => /验证码为 (\d{6})/.exec(m?.text ?? '')?.[1] as string;

    const late = await accounts.signup({
      email: 'late@example.com',
      password: PASSWORD,
      displayName: 'x',
      organisation: '',
    });
    expect(sent[0]).toMatchObject({
      channel: 'email',
      to: 'late@example.com',
      purpose: 'open account e-mail verification',
    });
    expect(sent[0]?.subject).toContain('邮箱验证码');
    expect(sent[0]?.text).toContain('Your open data account verification code is');
    expect(codeIn(sent[0])).toBe(late.code.code);
    clock = new Date('2026-12-02T08:30:00Z');
    await expect(accounts.verifyEmail(late.account, codeIn(sent[0]))).rejects.toMatchObject({
      code: 'open_email_code_expired',
    });

    clock = new Date('2026-12-02T09:00:00Z');
    const onTime = await accounts.signup({
      email: 'ontime@example.com',
      password: PASSWORD,
      displayName: 'x',
      organisation: '',
    });
    clock = new Date('2026-12-02T09:29:59Z');
    expect(await accounts.verifyEmail(onTime.account, codeIn(sent[1]))).toMatchObject({
      emailVerified: true,
    });
  });
});

describe('what an unverified account may do', () => {
  it('signs in and browses, but gets no API key and files no application (403, zh-CN and en)', async () => {
    const { cookie } = await f.signupUnverified('browser@example.com');
    const login = await f.inject({
      method: 'POST',
      url: '/api/v1/open/access/login',
      payload: { email: 'browser@example.com', password: PASSWORD },
    });
    expect(login.json()).toMatchObject({ emailVerified: false });
    expect((await f.inject({ url: '/api/v1/open/access/keys', headers: { cookie } })).statusCode).toBe(200);
    expect(
      (await f.inject({ url: '/api/v1/open/access/applications', headers: { cookie } })).statusCode,
    ).toBe(200);

    const key = await f.inject({
      method: 'POST',
      url: '/api/v1/open/access/keys',
      headers: { cookie },
      payload: { name: 'x' },
    });
    expect(key.statusCode).toBe(403);
    expect(key.json()).toMatchObject({
      code: 'open_email_unverified',
      detail: '请先验证邮箱：输入发送到注册邮箱的 6 位验证码后，才能新建 API 密钥或提交使用申请',
    });
    const today = chinaDay(new Date());
    const application = await f.inject({
      method: 'POST',
      url: '/api/v1/open/access/applications',
      headers: { cookie, 'accept-language': 'en' },
      payload: {
        datasetCode: 'ACC-COND-02',
        applicantName: '陈研究',
        applicantOrg: '浙江大学',
        purpose: '研究城市空气质量与监测站管理的关系',
        fields: ['station', 'pm25'],
        periodStart: today,
        periodEnd: today,
      },
    });
    expect(application.statusCode).toBe(403);
    expect(application.json()).toMatchObject({
      code: 'open_email_unverified',
      detail:
        'Verify your e-mail first: enter the 6-digit code sent to it before creating API keys or filing applications',
    });
    const counts = await sql<{ keys: number; apps: number }>`
      select (select count(*)::int from open_access.api_key k join open_access.account a on a.id = k.account_id
              where a.email = 'browser@example.com') as keys,
             (select count(*)::int from open_access.application where applicant_email = 'browser@example.com') as apps`.execute(
      f.t.services.db,
    );
    expect(counts.rows[0]).toEqual({ keys: 0, apps: 0 });
  });

  it('keeps the API keys an account already had working', async () => {
    const cookie = await f.signup('veteran@example.com');
    const { secret } = await f.newKey(cookie);
    // As for an account from before verification existed: keys made, address never proved.
    await sql`update open_access.account set email_verified_at = null where email = 'veteran@example.com'`.execute(
      f.t.services.db,
    );
    const res = await f.inject({
      url: '/api/3/action/package_show?id=acc-open-01',
      headers: { 'x-api-key': secret },
    });
    expect(res.statusCode).toBe(200);
    const more = await f.inject({
      method: 'POST',
      url: '/api/v1/open/access/keys',
      headers: { cookie },
      payload: { name: 'another' },
    });
    expect(more.statusCode).toBe(403);
  });
});

describe('the migration', () => {
  it('leaves accounts that existed before it unverified', async () => {
    const db = f.t.services.db;
    // Back to the schema before the migration, with one account in it, then migrate again.
    await sql`drop table open_access.email_code`.execute(db);
    await sql`alter table open_access.account drop column email_verified_at`.execute(db);
    await sql`delete from kysely_migration where name = '20261202_01_open_account_email_verification'`.execute(
      db,
    );
    await sql`insert into open_access.account (id, email, display_name, password_hash)
      values ('0192f000-0000-7000-8000-000000000001', 'old@example.com', 'old', 'x')`.execute(db);
    expect(await migrateToLatest(db)).toEqual(['20261202_01_open_account_email_verification']);
    const rows = await sql<{ email: string; email_verified_at: Date | null }>`
      select email, email_verified_at from open_access.account where email_verified_at is null`.execute(db);
    expect(rows.rows.map((r) => r.email)).toContain('old@example.com');
  });
});
