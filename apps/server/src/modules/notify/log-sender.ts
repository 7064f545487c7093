import type { Log, Sender } from './sender.ts';

/** A recipient as a log may show it: the first letter of an e-mail's name, a phone's two ends. */
export const maskRecipient = (to: string) =>
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
          `演示${m.channel === 'sms' ? '短信' : '邮件'} / demo ${m.channel} to ${to}: ${m.subject ? `${m.subject}: ` : ''}${m.text}`,
        );
      else
        log?.warn(
          { channel: m.channel, to, purpose: m.purpose },
          '未配置短信/邮件网关，消息未发送 / no SMS or e-mail gateway configured: message not delivered',
        );
    },
  };
}
