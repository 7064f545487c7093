/** One message to one person over one channel; e-mails have a subject, text messages do not. */
export type Message = {
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  text: string;
  purpose: string;
};

export type Log = {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
};

/** Delivers messages: an SMS or e-mail gateway in production, the log by default. */
export type Sender = {
  name: string;
  send: (m: Message) => Promise<void>;
  /** Senders that write to the log get the app's logger once it exists. */
  attach?: (log: Log, opts: { demo: boolean }) => void;
};

/** One sender per channel, e.g. e-mail over SMTP while SMS, with no gateway, goes to the log. */
export function byChannel(senders: Record<Message['channel'], Sender>): Sender {
  const all = [...new Set(Object.values(senders))];
  return {
    name: all.map((s) => s.name).join('+'),
    attach(log, opts) {
      for (const s of all) s.attach?.(log, opts);
    },
    send: (m) => senders[m.channel].send(m),
  };
}
