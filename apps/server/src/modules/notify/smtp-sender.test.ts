import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, renderMessage } from '../../platform/errors.ts';
import { startSmtpServer } from '../../testing/smtp.ts';
import { byChannel, createNotify, type Log, logSender, smtpSender } from './index.ts';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer({ user: 'mailer', pass: 'p@ss word' });
});
afterAll(() => smtp.close());

const FROM = '数智平台 <noreply@shuzhi.local>';

function capturingLog() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const log: Log = {
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
  };
  return { log, lines };
}

const failure = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

describe('the SMTP sender', () => {
  it('delivers an e-mail to a real SMTP server: recipient, From, subject and text in Chinese and English', async () => {
    const mail = smtpSender({ url: smtp.url, from: FROM });
    const logged = logSender();
    const notify = createNotify({ sender: byChannel({ sms: logged, email: mail }) });
    const { log, lines } = capturingLog();
    notify.sender.attach?.(log, { demo: false });

    const text = '您的验证码为 123456，30 分钟内有效。\nYour code is 123456.';
    await notify.email('Dev.Person@example.com', '【数智】邮箱验证码 / your code', text, 'test');
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0];
    expect(got?.to).toEqual(['Dev.Person@example.com']);
    expect(got?.from).toBe('noreply@shuzhi.local');
    expect(got?.user).toBe('mailer');
    expect(got?.headers.to).toBe('Dev.Person@example.com');
    expect(got?.headers.from).toBe(FROM);
    expect(got?.headers.subject).toBe('【数智】邮箱验证码 / your code');
    expect(got?.text).toBe(text);
    // The log says that it went and to whom, masked, never what it said.
    expect(lines).toEqual([
      { level: 'info', obj: { to: 'D***@example.com', purpose: 'test' }, msg: 'e-mail sent' },
    ]);

    // No SMS gateway: text messages still go to the log sender, never to a mailbox.
    await notify.sms('13812345678', '短信内容', 'test');
    expect(smtp.received).toHaveLength(1);
    expect(lines[1]?.level).toBe('warn');
    expect(lines[1]?.obj).toMatchObject({ channel: 'sms', to: '138****5678' });
  });

  it('turns a refused login into notify_delivery_failed (zh-CN and en), with the cause in the log only', async () => {
    const url = smtp.url.replace('p%40ss%20word', 'wrong');
    const notify = createNotify({ sender: smtpSender({ url, from: FROM }) });
    const { log, lines } = capturingLog();
    notify.sender.attach?.(log, { demo: false });
    const err = await failure(notify.email('a@example.com', 'subject', 'text', 'test'));
    expect(err.code).toBe('notify_delivery_failed');
    expect(err.kind).toBe('unavailable');
    expect(renderMessage(err, 'zh-CN')).toBe('邮件发送失败，请稍后重试');
    expect(renderMessage(err, 'en')).toBe('The e-mail could not be sent; please try again later');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.msg).toBe('SMTP delivery failed');
    expect(JSON.stringify(lines[0]?.obj)).toMatch(/Invalid username or password/);
    expect(smtp.received).toHaveLength(1);
  });

  it('fails the same way when no SMTP server answers', async () => {
    const closed = await startSmtpServer();
    await closed.close();
    const notify = createNotify({ sender: smtpSender({ url: closed.url, from: FROM }) });
    const err = await failure(notify.email('a@example.com', 'subject', 'text', 'test'));
    expect(err.code).toBe('notify_delivery_failed');
  });

  it('wraps any other sender’s failure in the same error, naming the channel', async () => {
    const notify = createNotify({
      sender: {
        name: 'broken',
        send: async () => {
          throw new Error('gateway exploded');
        },
      },
    });
    const err = await failure(notify.sms('13812345678', 'x', 'test'));
    expect(renderMessage(err, 'en')).toBe('The text message could not be sent; please try again later');
  });
});
