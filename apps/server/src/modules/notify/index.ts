/** One message to one person over one channel. */
export type Message = { channel: 'sms' | 'email'; to: string; text: string; purpose: string };

/** Delivers messages: an SMS or e-mail gateway in production, the log by default. */
export type Sender = {
  name: string;
  send: (m: Message) => Promise<void>;
  /** Senders that write to the log get the app's logger once it exists. */
  attach?: (log: Log, opts: { demo: boolean }) => void;
};

type Log = {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
};

const maskRecipient = (to: string) =>
  to.includes('@') ? to.replace(/^(.).*(@.*)$/, '$1***$2') : to.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2');

/**
 * The default sender: no gateway, only the log. In demo mode it writes each message in full (a demo
 * user reads the one-time code there or on screen); otherwise it writes that the message could not be
 * delivered, without its text, since codes in a production log would be readable by its operators.
 */
export function logSender(): Sender {
  let log: Log | null = null;
  let demo = false;
  return {
    name: 'log',
    attach(l, opts) {
      log = l;
      demo = opts.demo;
    },
    async send(m) {
      const to = maskRecipient(m.to);
      if (demo)
        log?.info(
          { channel: m.channel, to, purpose: m.purpose },
          `演示短信 / demo ${m.channel} to ${to}: ${m.text}`,
        );
      else
        log?.warn(
          { channel: m.channel, to, purpose: m.purpose },
          '未配置短信/邮件网关，消息未发送 / no SMS or e-mail gateway configured: message not delivered',
        );
    },
  };
}

/** Notifications (`notify`): messages to people outside the platform through the configured sender. */
export function createNotify(deps: { sender: Sender }) {
  return {
    sender: deps.sender,
    sms: (to: string, text: string, purpose: string) =>
      deps.sender.send({ channel: 'sms', to, text, purpose }),
  };
}

export type Notify = ReturnType<typeof createNotify>;
