import type { ErrorKind } from '../errors.ts';

type Template = { kind: ErrorKind; zh: string; en: string };

/** Messages of sharing between departments (requests, grants, the gateway). */
export const sharingMessages = {
  sharing_not_shared: {
    kind: 'not_found',
    zh: '数据集 {code} 未发布或不共享',
    en: 'Dataset {code} is not published or not shared',
  },
  sharing_own_dataset: {
    kind: 'invalid',
    zh: '数据集 {code} 属于本单位，无需申请共享',
    en: 'Dataset {code} belongs to your own organisation: no sharing request is needed',
  },
  sharing_app_invalid: {
    kind: 'invalid',
    zh: '应用 {app} 不是本单位在用的应用；请先由平台管理员为本单位创建 API 客户端',
    en: 'App {app} is not an active app of your organisation; the platform admin creates API clients',
  },
  sharing_field_unknown: {
    kind: 'invalid',
    zh: '数据集 {code} 没有字段：{fields}',
    en: 'Dataset {code} has no fields {fields}',
  },
  sharing_period_invalid: {
    kind: 'invalid',
    zh: '使用期限无效：{reason_zh}',
    en: 'The period of use is invalid: {reason_en}',
  },
  sharing_area_invalid: {
    kind: 'invalid',
    zh: '区域限定无效：{reason_zh}',
    en: 'The area restriction is invalid: {reason_en}',
  },
  sharing_approve_wider: {
    kind: 'invalid',
    zh: '批准的范围不能超出申请：{reason_zh}',
    en: 'An approval cannot go beyond the request: {reason_en}',
  },
  sharing_pending_exists: {
    kind: 'conflict',
    zh: '应用 {app} 已有数据集 {code} 的待审批申请',
    en: 'App {app} already has a pending request for dataset {code}',
  },
  sharing_not_decider: {
    kind: 'forbidden',
    zh: '此申请由{approver}审批；平台仅可审批超期的申请',
    en: 'This request is decided by {approver}; the platform decides only overdue ones',
  },
  sharing_app_only: {
    kind: 'forbidden',
    zh: '共享接口只接受应用的访问令牌（客户端凭证）',
    en: 'Sharing APIs take an app’s access token (client credentials) only',
  },
  sharing_no_grant: {
    kind: 'forbidden',
    zh: '应用 {app} 没有数据集 {code} 的有效授权，请先提交共享申请',
    en: 'App {app} holds no grant for dataset {code}; request access first',
  },
  sharing_grant_revoked: {
    kind: 'forbidden',
    zh: '应用 {app} 对数据集 {code} 的授权已于 {at} 撤销：{reason}',
    en: 'The grant of app {app} for dataset {code} was revoked at {at}: {reason}',
  },
  sharing_grant_outside_period: {
    kind: 'forbidden',
    zh: '授权有效期为 {start} 至 {end}，今天（{today}）不在期内',
    en: 'The grant is valid from {start} to {end}; today ({today}) is outside it',
  },
  sharing_field_denied: {
    kind: 'forbidden',
    zh: '授权不含字段：{fields}（已授权：{granted}）',
    en: 'The grant does not cover fields {fields} (granted: {granted})',
  },
  sharing_area_denied: {
    kind: 'forbidden',
    zh: '该记录不在授权区域 {area} 内',
    en: 'The record lies outside the granted area {area}',
  },
  sharing_quota_exceeded: {
    kind: 'rate_limited',
    zh: '今日调用次数已达授权配额 {quota} 次，请明日再试或申请提高配额',
    en: 'The grant’s daily quota of {quota} calls is used up; retry tomorrow or request a higher quota',
  },
  sharing_rate_exceeded: {
    kind: 'rate_limited',
    zh: '调用过于频繁（每秒最多 {rate} 次），请 {after} 秒后再试',
    en: 'Too many calls (at most {rate} per second); retry in {after} s',
  },
  sharing_key_invalid: {
    kind: 'invalid',
    zh: '查询键无效：{reason_zh}',
    en: 'The lookup key is invalid: {reason_en}',
  },
  sharing_filter_invalid: {
    kind: 'invalid',
    zh: '筛选条件无效：{reason_zh}',
    en: 'The filters are invalid: {reason_en}',
  },
} satisfies Record<string, Template>;
