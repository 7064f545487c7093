/** What kind of failure an error is; the HTTP layer alone maps kinds to status codes. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'too_large'
  | 'unsupported'
  | 'unavailable'
  | 'internal';

type Template = { kind: ErrorKind; zh: string; en: string };

/** Every stable error code with its localised message; `{name}` is filled from the error's params. */
export const messages = {
  validation_failed: {
    kind: 'invalid',
    zh: '请求参数有误：{fields}',
    en: 'The request is invalid: {fields}',
  },
  bad_request: { kind: 'invalid', zh: '请求无法解析：{reason}', en: 'The request cannot be read: {reason}' },
  unauthenticated: { kind: 'unauthenticated', zh: '请先登录', en: 'Please log in first' },
  token_invalid: {
    kind: 'unauthenticated',
    zh: '访问令牌无效或已过期',
    en: 'The access token is invalid or expired',
  },
  invalid_credentials: { kind: 'unauthenticated', zh: '用户名或密码错误', en: 'Wrong username or password' },
  client_invalid: { kind: 'unauthenticated', zh: '客户端标识或密钥错误', en: 'Wrong client id or secret' },
  account_locked: {
    kind: 'locked',
    zh: '登录失败次数过多，账号已锁定至 {until}',
    en: 'Too many failed logins: the account is locked until {until}',
  },
  account_disabled: {
    kind: 'forbidden',
    zh: '账号已停用，请联系管理员',
    en: 'The account is disabled; ask an administrator',
  },
  forbidden: {
    kind: 'forbidden',
    zh: '无权执行此操作：需要 {need}',
    en: 'You may not do this: it needs {need}',
  },
  out_of_area: {
    kind: 'forbidden',
    zh: '{code} 不在您的管辖区域内',
    en: '{code} is outside the area you act for',
  },
  not_found: { kind: 'not_found', zh: '未找到{resource}：{id}', en: '{resource} not found: {id}' },
  route_not_found: {
    kind: 'not_found',
    zh: '接口不存在：{method} {url}',
    en: 'No such endpoint: {method} {url}',
  },
  conflict: { kind: 'conflict', zh: '{resource}已存在：{id}', en: '{resource} already exists: {id}' },
  password_incorrect: { kind: 'invalid', zh: '当前密码不正确', en: 'The current password is wrong' },
  password_unchanged: {
    kind: 'invalid',
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  not_member: {
    kind: 'forbidden',
    zh: '您不是该机构的成员',
    en: 'You are not a member of that organisation',
  },
  invalid_credit_code: {
    kind: 'invalid',
    zh: '统一社会信用代码无效：{code}',
    en: 'Invalid unified social credit code: {code}',
  },
  invalid_parent: { kind: 'invalid', zh: '上级无效：{reason}', en: 'Invalid parent: {reason}' },
  grid_parent_not_community: {
    kind: 'invalid',
    zh: '网格只能建在社区/村之下，{code} 是{level}',
    en: 'Grids belong under a community or village; {code} is a {level}',
  },
  job_finished: {
    kind: 'conflict',
    zh: '任务已结束（{status}），无法取消',
    en: 'The job has ended ({status}) and cannot be cancelled',
  },
  last_admin: {
    kind: 'conflict',
    zh: '不能停用或降级最后一个平台管理员',
    en: 'The last platform administrator cannot be disabled or demoted',
  },
  wrong_status: {
    kind: 'conflict',
    zh: '当前状态（{status}）不允许此操作，需要：{need}',
    en: 'Not allowed in the current status ({status}); needs: {need}',
  },
  schema_change_failed: {
    kind: 'conflict',
    zh: '数据表 {code} 无法按新字段定义迁移（已有数据不兼容），未做任何修改：{reason}',
    en: 'The table of {code} cannot take the new field list (existing data does not fit); nothing changed: {reason}',
  },
  file_unreadable: {
    kind: 'invalid',
    zh: '文件无法读取：{reason_zh}',
    en: 'The file cannot be read: {reason_en}',
  },
  key_columns_missing: {
    kind: 'invalid',
    zh: '文件缺少主键字段对应的列：{fields}（列名应与字段名或中文名一致）',
    en: 'The file has no column for the key fields: {fields} (name columns after the field name or title)',
  },
  import_invalid: {
    kind: 'invalid',
    zh: '导入文件有 {count} 处错误，未导入任何内容',
    en: 'The import file has {count} errors; nothing was imported',
  },
  proof_out_of_range: {
    kind: 'invalid',
    zh: '证明参数超出范围：当前日志大小为 {size}，需 0 ≤ 索引 < 大小 ≤ {size}',
    en: 'Proof parameters out of range: the log has {size} entries; need 0 ≤ index < size ≤ {size}',
  },
  rate_limited: {
    kind: 'rate_limited',
    zh: '请求过于频繁，请 {after} 秒后再试',
    en: 'Too many requests; retry in {after} s',
  },
  payload_too_large: {
    kind: 'too_large',
    zh: '请求体过大（上限 {limit}）',
    en: 'The request body is too large (limit {limit})',
  },
  unsupported_media_type: {
    kind: 'unsupported',
    zh: '不支持的内容类型：{type}',
    en: 'Unsupported content type: {type}',
  },
  unavailable: {
    kind: 'unavailable',
    zh: '服务暂不可用：{reason}',
    en: 'The service is unavailable: {reason}',
  },
  internal: {
    kind: 'internal',
    zh: '服务器内部错误，请稍后重试',
    en: 'Internal server error; please retry later',
  },
} satisfies Record<string, Template>;

export type ErrorCode = keyof typeof messages;
export type FieldError = { field: string; message: string };

/** Names of resources as they appear in messages. */
export const resourceNames: Record<string, { zh: string; en: string }> = {
  area: { zh: '行政区划', en: 'Area' },
  org: { zh: '机构', en: 'Organisation' },
  user: { zh: '用户', en: 'User' },
  client: { zh: 'API 客户端', en: 'API client' },
  job: { zh: '任务', en: 'Job' },
  username: { zh: '用户名', en: 'Username' },
  org_code: { zh: '机构代码', en: 'Organisation code' },
  dataset: { zh: '数据集', en: 'Dataset' },
  dataset_code: { zh: '数据集代码', en: 'Dataset code' },
  element: { zh: '数据元', en: 'Data element' },
  field: { zh: '字段', en: 'Field' },
  import: { zh: '导入任务', en: 'Import' },
};

/** The one error type of the domain: a stable code, safe parameters for the message, optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly fieldErrors: FieldError[] | undefined;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, fieldErrors?: FieldError[]) {
    super(`${code}: ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.fieldErrors = fieldErrors;
  }

  get kind(): ErrorKind {
    return messages[this.code].kind as ErrorKind;
  }
}

/** Shorthand for the common "no such X" error. */
export const notFound = (resource: keyof typeof resourceNames, id: string) =>
  new AppError('not_found', { resource, id });

/** Renders an error's message in a locale, translating resource names. */
export function renderMessage(err: AppError, locale: 'zh-CN' | 'en'): string {
  const tpl = messages[err.code][locale === 'en' ? 'en' : 'zh'];
  return tpl.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = err.params[key];
    if (v === undefined) return '';
    if (key === 'resource' && typeof v === 'string' && resourceNames[v]) {
      return resourceNames[v][locale === 'en' ? 'en' : 'zh'];
    }
    return String(v);
  });
}
