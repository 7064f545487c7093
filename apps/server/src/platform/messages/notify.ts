import type { ErrorKind } from '../errors.ts';

type Template = { kind: ErrorKind; zh: string; en: string };

/** Messages of notifications (text messages and e-mails to people outside the platform). */
export const notifyMessages = {
  notify_delivery_failed: {
    kind: 'unavailable',
    zh: '{channel_zh}发送失败，请稍后重试',
    en: 'The {channel_en} could not be sent; please try again later',
  },
} satisfies Record<string, Template>;
