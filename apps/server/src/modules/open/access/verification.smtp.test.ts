import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../testing/harness.ts';
import { startSmtpServer } from '../../../testing/smtp.ts';
import { PASSWORD } from './access.fixtures.ts';
import { OPEN_SESSION_COOKIE } from './access.routes.ts';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer({ user: 'shuzhi', pass: 'mail-secret' });
});
afterAll(() => smtp.close());

const signup = (t: TestContext, email: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/open/access/signup',
    payload: { email, password: PASSWORD, displayName: '邮件用户' },
  });

describe('verification e-mails over SMTP (SHUZHI_SMTP_URL)', () => {
  it('mails the code to the new account, which verifies with the code from the e-mail', async () => {
    const t = await createTestContext({
      SHUZHI_SMTP_URL: smtp.url,
      SHUZHI_MAIL_FROM: '数智 <open@city.example>',
    });
    try {
      const res = await signup(t, 'mailbox@example.com');
      expect(res.statusCode, res.body).toBe(201);
      const mail = smtp.received.find((m) => m.to.includes('mailbox@example.com'));
      expect(mail?.headers.from).toBe('数智 <open@city.example>');
      expect(mail?.headers.subject).toBe(
        '【数智】开放数据账号邮箱验证码 / Shuzhi open data: your verification code',
      );
      const code = /验证码为 (\d{6})，30 分钟内有效/.exec(mail?.text ?? '')?.[1];
      expect(mail?.text).toContain(`Your open data account verification code is ${code}.`);
      // The e-mail carries nothing the person typed (the display name), only our own text.
      expect(mail?.text).not.toContain('邮件用户');

      const cookie = `${OPEN_SESSION_COOKIE}=${res.cookies.find((c) => c.name === OPEN_SESSION_COOKIE)?.value}`;
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/v1/open/access/verify-email',
        headers: { cookie },
        payload: { code },
      });
      expect(ok.json()).toMatchObject({ email: 'mailbox@example.com', emailVerified: true });
    } finally {
      await t.close();
    }
  });

  it('answers 503 notify_delivery_failed when the mail cannot go, and keeps no account', async () => {
    const down = await startSmtpServer();
    await down.close();
    const t = await createTestContext({ SHUZHI_SMTP_URL: down.url });
    try {
      const res = await signup(t, 'nomail@example.com');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        code: 'notify_delivery_failed',
        detail: '邮件发送失败，请稍后重试',
      });
      expect(res.cookies.find((c) => c.name === OPEN_SESSION_COOKIE)).toBeUndefined();
      const left = await sql<{ n: number }>`
        select count(*)::int as n from open_access.account where email = 'nomail@example.com'`.execute(
        t.services.db,
      );
      expect(left.rows[0]?.n).toBe(0);
      const codes = await sql<{ n: number }>`select count(*)::int as n from open_access.email_code`.execute(
        t.services.db,
      );
      expect(codes.rows[0]?.n).toBe(0);
    } finally {
      await t.close();
    }
  });
});
