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
  element_key_required: {
    kind: 'invalid',
    zh: '数据元 {code} 尚未声明主体标识字段（权威数据集中标识个人或企业的字段），请先补充',
    en: 'Data element {code} has no subject key field yet (the authoritative field identifying the person or enterprise); declare it first',
  },
  subject_key_not_unique: {
    kind: 'invalid',
    zh: '主体标识字段 {dataset}.{field} 须是该数据集唯一的主键字段，才能保证每个主体只有一个值',
    en: 'The subject key {dataset}.{field} must be the only key field of its dataset, so that each subject has one value',
  },
  binding_key_type_mismatch: {
    kind: 'invalid',
    zh: '主体标识字段类型不一致：{dataset}.{field} 为{typeZh}，权威数据集的 {authDataset}.{authField} 为{authTypeZh}',
    en: 'Subject key types differ: {dataset}.{field} is {type} but the authoritative {authDataset}.{authField} is {authType}',
  },
  binding_self: {
    kind: 'invalid',
    zh: '数据集 {dataset} 已是数据元 {code} 的权威来源，不能再绑定为引用数据集',
    en: 'Dataset {dataset} is the authoritative source of data element {code}; it cannot also be bound to it',
  },
  binding_same_field: {
    kind: 'invalid',
    zh: '取值字段与主体标识字段不能是同一个字段：{field}',
    en: 'The value field and the subject key field must differ: {field}',
  },
  dataset_no_table: {
    kind: 'conflict',
    zh: '数据集 {dataset} 还没有数据表（尚未发布），无法比对',
    en: 'Dataset {dataset} has no table yet (not published); nothing to compare',
  },
  file_unreadable: {
    kind: 'invalid',
    zh: '文件无法读取：{reason_zh}',
    en: 'The file cannot be read: {reason_en}',
  },
  key_columns_missing: {
    kind: 'invalid',
    zh: '文件缺少主键字段对应的列：{fields}（列名应与字段名或中文名一致，或在列映射中指定）',
    en: 'The file has no column for the key fields: {fields} (name columns after the field name or title, or map them)',
  },
  import_invalid: {
    kind: 'invalid',
    zh: '导入文件有 {count} 处错误，未导入任何内容',
    en: 'The import file has {count} errors; nothing was imported',
  },
  mapping_unknown_field: {
    kind: 'invalid',
    zh: '映射指向数据集中不存在的字段：{fields}',
    en: 'The mapping names fields the dataset does not have: {fields}',
  },
  mapping_duplicate_field: {
    kind: 'invalid',
    zh: '字段被映射了多次：「{field}」（列 {columns}），每个字段只能对应一列',
    en: 'A field is mapped more than once: "{field}" (columns {columns}); each field takes one column',
  },
  mapping_unknown_column: {
    kind: 'invalid',
    zh: '文件中没有这些列：{columns}',
    en: 'The file has no such columns: {columns}',
  },
  source_config_invalid: {
    kind: 'invalid',
    zh: '数据源配置有误：{reason_zh}',
    en: 'The source settings are invalid: {reason_en}',
  },
  pull_host_forbidden: {
    kind: 'forbidden',
    zh: '不允许从该主机拉取数据：{host}，{reason_zh}（见配置项 SHUZHI_PULL_ALLOWED_HOSTS）',
    en: 'Pulling from this host is not allowed: {host}, {reason_en} (see SHUZHI_PULL_ALLOWED_HOSTS)',
  },
  pull_unreachable: {
    kind: 'unavailable',
    zh: '无法连接数据源：{host}，{reason}',
    en: 'The source cannot be reached: {host}, {reason}',
  },
  pull_auth_failed: {
    kind: 'invalid',
    zh: '数据源拒绝了认证：{host}，{reason}；请检查用户名、密码或令牌',
    en: 'The source refused the credentials: {host}, {reason}; check the user, password or token',
  },
  pull_bad_query: {
    kind: 'invalid',
    zh: '查询无效（须为单条只读 SELECT 语句）：{reason}',
    en: 'The query is invalid (it must be one read-only SELECT): {reason}',
  },
  pull_http_status: {
    kind: 'invalid',
    zh: '数据源返回 HTTP 错误：{status}，{url}',
    en: 'The source answered with an HTTP error: {status}, {url}',
  },
  pull_not_json: {
    kind: 'invalid',
    zh: '数据源的响应不是 JSON：{type}，{url}',
    en: 'The source did not answer JSON: {type}, {url}',
  },
  pull_records_not_found: {
    kind: 'invalid',
    zh: '响应中找不到记录数组：「{path}」{reason_zh}',
    en: 'The response has no record array: at "{path}" {reason_en}',
  },
  pull_page_limit: {
    kind: 'invalid',
    zh: '页数超出上限：超过 {max} 页，未导入任何数据；请调大最大页数或使用增量拉取',
    en: 'Too many pages: more than {max}, nothing was imported; raise the page limit or pull incrementally',
  },
  pull_response_invalid: {
    kind: 'invalid',
    zh: '数据源的响应无法使用：{reason_zh}',
    en: 'The source’s response cannot be used: {reason_en}',
  },
  pull_running: {
    kind: 'conflict',
    zh: '数据源正在拉取：「{source}」，请等本次结束',
    en: 'The source is being pulled: "{source}"; wait for this run to end',
  },
  proof_out_of_range: {
    kind: 'invalid',
    zh: '证明参数超出范围：当前日志大小为 {size}，需 0 ≤ 索引 < 大小 ≤ {size}',
    en: 'Proof parameters out of range: the log has {size} entries; need 0 ≤ index < size ≤ {size}',
  },
  unsupported_file_format: {
    kind: 'unsupported',
    zh: '不支持的文件格式：{name}（支持 .csv、.tsv、.txt、.xlsx、.json、.ndjson）',
    en: 'Unsupported file format: {name} (use .csv, .tsv, .txt, .xlsx, .json or .ndjson)',
  },
  classify_no_rows: {
    kind: 'conflict',
    zh: '数据集 {code} 还没有载入任何数据，无法识别；请先导入数据',
    en: 'Dataset {code} has no loaded rows to classify yet; import data first',
  },
  classify_run_outdated: {
    kind: 'conflict',
    zh: '该识别结果已过期（{reason_zh}），请重新识别',
    en: 'This suggestion is out of date ({reason_en}); run detection again',
  },
  classify_already_confirmed: {
    kind: 'conflict',
    zh: '该识别结果已于 {at} 由 {by} 确认',
    en: 'This suggestion was already confirmed by {by} at {at}',
  },
  quality_unknown_field: {
    kind: 'invalid',
    zh: '数据集 {dataset} 没有字段 {field}',
    en: 'Dataset {dataset} has no field {field}',
  },
  quality_rule_field: {
    kind: 'invalid',
    zh: '{kind} 规则针对整个数据集，不能指定字段（收到 {field}）',
    en: 'A {kind} rule is about the whole dataset and names no field (got {field})',
  },
  quality_field_gone: {
    kind: 'conflict',
    zh: '规则所检查的字段 {field} 已从数据集 {dataset} 中删除，请修改或删除该规则',
    en: 'The field {field} this rule checks was removed from dataset {dataset}; change or delete the rule',
  },
  quality_range_type: {
    kind: 'invalid',
    zh: '字段 {field}（{type}）不能用此范围：整数和小数字段用数字，日期字段用 2026-01-31 形式，日期时间字段用 ISO 8601',
    en: 'This range does not fit field {field} ({type}): numbers for integer and decimal fields, 2026-01-31 for dates, ISO 8601 for datetimes',
  },
  quality_range_order: {
    kind: 'invalid',
    zh: '范围下限 {min} 大于上限 {max}',
    en: 'The lower bound {min} is above the upper bound {max}',
  },
  quality_needs_text: {
    kind: 'invalid',
    zh: '字段 {field} 的类型是 {type}，此校验只适用于文本字段',
    en: 'Field {field} is of type {type}; this check applies to text fields only',
  },
  quality_bad_pattern: {
    kind: 'invalid',
    zh: '正则表达式无效（PostgreSQL 语法）：{reason}',
    en: 'The regular expression is invalid (PostgreSQL syntax): {reason}',
  },
  quality_reference_self: {
    kind: 'invalid',
    zh: '参照的数据集不能是 {dataset} 本身',
    en: 'The referenced dataset cannot be {dataset} itself',
  },
  quality_reference_field: {
    kind: 'invalid',
    zh: '参照数据集 {dataset} 没有字段 {field}（未指定字段时，参照数据集须只有一个主键字段）',
    en: 'The referenced dataset {dataset} has no field {field} (without a field, it must have exactly one key field)',
  },
  quality_sql_invalid: {
    kind: 'invalid',
    zh: '自定义 SQL 检查无效（须为一条只读 SELECT，返回问题行的主键列）：{reason}',
    en: 'The custom SQL check is invalid (one read-only SELECT returning the offending rows’ key columns): {reason}',
  },
  complaint_key_fields: {
    kind: 'invalid',
    zh: '记录须以数据集的全部主键字段标识：{fields}',
    en: 'Identify the record by every key field of the dataset: {fields}',
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
  demo_needs_postgres: {
    kind: 'invalid',
    zh: '演示规模 {scale}（{persons} 人）面向 PostgreSQL：请设置 DATABASE_URL，或用 --persons 指定较小的人数',
    en: 'Demo scale {scale} ({persons} persons) is meant for PostgreSQL: set DATABASE_URL, or give a smaller --persons',
  },
  demo_seeded_other: {
    kind: 'conflict',
    zh: '此数据库已有另一份演示数据（规模 {scale}，{persons} 人）；请换用新的 SHUZHI_DATA_DIR 或数据库',
    en: 'This database already holds other demo data (scale {scale}, {persons} persons); use a fresh SHUZHI_DATA_DIR or database',
  },
  demo_code_taken: {
    kind: 'conflict',
    zh: '数据集代码 {code} 已被另一个不同的数据集占用，无法载入演示数据',
    en: 'Dataset code {code} is taken by a different dataset; the demo data cannot be loaded',
  },
  demo_import_failed: {
    kind: 'internal',
    zh: '演示数据集 {code} 导入失败：{reason}',
    en: 'Loading demo dataset {code} failed: {reason}',
  },
  ckan_param_invalid: {
    kind: 'invalid',
    zh: '参数 {field} 无效：{reason}',
    en: 'Parameter {field} is invalid: {reason}',
  },
  ckan_search_query: {
    kind: 'invalid',
    zh: '检索式无法识别：{reason}',
    en: 'The search query cannot be read: {reason}',
  },
  open_sql_invalid: {
    kind: 'invalid',
    zh: 'SQL 查询被拒绝：{reason}',
    en: 'The SQL query is refused: {reason}',
  },
  open_sql_forbidden: {
    kind: 'forbidden',
    zh: 'SQL 查询只能读取开放数据资源（{reason}）',
    en: 'A SQL query may read open data resources only ({reason})',
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
  source: { zh: '数据源', en: 'Pull source' },
  binding: { zh: '数据元绑定', en: 'Element binding' },
  conflict: { zh: '冲突记录', en: 'Conflict' },
  classify_run: { zh: '分类分级识别结果', en: 'Classification run' },
  quality_rule: { zh: '质量规则', en: 'Quality rule' },
  quality_run: { zh: '质量检查记录', en: 'Quality run' },
  complaint: { zh: '质量申诉', en: 'Quality complaint' },
  calendar_day: { zh: '日历条目', en: 'Calendar entry' },
  open_resource: { zh: '开放数据资源', en: 'Resource' },
  open_group: { zh: '主题', en: 'Group' },
  tag: { zh: '标签', en: 'Tag' },
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
