import type { ErrorKind } from '../errors.ts';

type Template = { kind: ErrorKind; zh: string; en: string };

/** Messages of the public's open data accounts: e-mail verification. */
export const openAccountMessages = {
  open_email_unverified: {
    kind: 'forbidden',
    zh: '请先验证邮箱：输入发送到注册邮箱的 6 位验证码后，才能新建 API 密钥或提交使用申请',
    en: 'Verify your e-mail first: enter the 6-digit code sent to it before creating API keys or filing applications',
  },
  open_email_code_wrong: {
    kind: 'invalid',
    zh: '验证码不正确，还可尝试 {left} 次',
    en: 'The code is wrong; {left} tries left',
  },
  open_email_code_locked: {
    kind: 'locked',
    zh: '验证码错误次数过多（{max} 次），已失效，请重新获取验证码',
    en: 'Too many wrong tries ({max}): this code no longer works; request a new one',
  },
  open_email_code_expired: {
    kind: 'invalid',
    zh: '验证码已过期或已失效，请重新获取',
    en: 'The code has expired or is no longer valid; request a new one',
  },
  open_email_already_verified: {
    kind: 'conflict',
    zh: '邮箱 {email} 已验证，无需再次验证',
    en: 'The e-mail {email} is verified already',
  },
} satisfies Record<string, Template>;
