import { createTransport } from 'nodemailer';
import { AppError } from '../../platform/errors.ts';
import { maskRecipient } from './log-sender.ts';
import type { Log, Sender } from './sender.ts';

export type SmtpSettings = {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; nodemailer's URL syntax. */
  url: string;
  /** The From header, e.g. `数智平台 <noreply@shuzhi.local>`. */
  from: string;
};

/**
 * E-mail through an SMTP server (nodemailer). A person waits on the other end of every message (a
 * sign-up, a resend), so a server that does not answer fails within seconds rather than nodemailer's
 * minutes; the URL's own query parameters (`?connectionTimeout=…`) still take precedence.
 */
export function smtpSender(settings: SmtpSettings): Sender & { close: () => void } {
  const transport = createTransport({
    url: settings.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  let log: Log | null = null;
  return {
    name: 'smtp',
    attach(l) {
      log = l;
    },
    async send(m) {
      // Only e-mail is routed here (byChannel); a text message would reach a mailbox by mistake.
      if (m.channel !== 'email') throw new Error(`smtp sender cannot send ${m.channel}`);
      const to = maskRecipient(m.to);
      try {
        await transport.sendMail({ from: settings.from, to: m.to, subject: m.subject, text: m.text });
      } catch (err) {
        // The cause is for operators (a refused login, a timeout); the person gets a stable code.
        log?.warn({ to, purpose: m.purpose, err: (err as Error).message }, 'SMTP delivery failed');
        throw new AppError('notify_delivery_failed', { channel_zh: '邮件', channel_en: 'e-mail' });
      }
      log?.info({ to, purpose: m.purpose }, 'e-mail sent');
    },
    close: () => transport.close(),
  };
}
