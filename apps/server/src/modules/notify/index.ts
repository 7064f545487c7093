import { AppError } from '../../platform/errors.ts';
import type { Message, Sender } from './sender.ts';

export { logSender, maskRecipient } from './log-sender.ts';
export { byChannel, type Log, type Message, type Sender } from './sender.ts';
export { type SmtpSettings, smtpSender } from './smtp-sender.ts';

const channelNames = {
  sms: { channel_zh: '短信', channel_en: 'text message' },
  email: { channel_zh: '邮件', channel_en: 'e-mail' },
} as const;

/** Notifications (`notify`): messages to people outside the platform through the configured sender. */
export function createNotify(deps: { sender: Sender }) {
  // Whatever a sender throws reaches the person as one stable, localised error, never a stack trace.
  const send = async (m: Message) => {
    try {
      await deps.sender.send(m);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('notify_delivery_failed', channelNames[m.channel]);
    }
  };
  return {
    sender: deps.sender,
    sms: (to: string, text: string, purpose: string) => send({ channel: 'sms', to, text, purpose }),
    email: (to: string, subject: string, text: string, purpose: string) =>
      send({ channel: 'email', to, subject, text, purpose }),
  };
}

export type Notify = ReturnType<typeof createNotify>;
