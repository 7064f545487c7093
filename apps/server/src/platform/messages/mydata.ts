import type { ErrorKind } from '../errors.ts';

type Template = { kind: ErrorKind; zh: string; en: string };

/** Messages of "my data" (data subjects' rights) and of consent-based sharing. */
export const mydataMessages = {
  mydata_key_invalid: {
    kind: 'invalid',
    zh: '{what_zh}无效：校验位不符，请核对',
    en: 'The {what_en} is invalid: its check character does not match',
  },
  mydata_not_on_record: {
    kind: 'forbidden',
    zh: '未找到与该证件和手机号相符的登记信息；请核对，或到政务服务中心更新联系方式',
    en: 'No record matches this identifier and phone; check them, or update your contact details at a service centre',
  },
  mydata_code_invalid: {
    kind: 'unauthenticated',
    zh: '验证码错误、已使用或已过期，请重新获取',
    en: 'The code is wrong, used or expired; request a new one',
  },
  mydata_signed_out: {
    kind: 'unauthenticated',
    zh: '请先登录“我的数据”',
    en: 'Please sign in to My data first',
  },
  mydata_not_yours: {
    kind: 'forbidden',
    zh: '数据集 {code} 中没有这条关于您的记录，不能对其提出异议',
    en: 'Dataset {code} holds no such record about you; you cannot dispute it',
  },
  mydata_key_masked: {
    kind: 'invalid',
    zh: '记录键含有脱敏字符，无法确定是哪条记录；请到政务服务中心提出异议',
    en: 'The record key is masked, so the record cannot be identified; raise the dispute at a service centre',
  },
  mydata_consent_not_active: {
    kind: 'conflict',
    zh: '该授权同意不存在或已撤回',
    en: 'This consent does not exist or was already withdrawn',
  },
  sharing_consent_missing: {
    kind: 'forbidden',
    zh: '该授权以本人同意为依据，数据主体尚未同意向 {org} 提供其数据（或已撤回同意）',
    en: 'This grant rests on consent, and the data subject has not consented (or withdrew consent) to {org} receiving their data',
  },
  sharing_consent_no_list: {
    kind: 'forbidden',
    zh: '以本人同意为依据的授权只支持按键查询、批量查询和核验，不支持按条件列表',
    en: 'A consent-based grant allows lookups, batch lookups and verification, not filtered lists',
  },
} satisfies Record<string, Template>;
