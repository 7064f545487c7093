import { mydataMessages } from './messages/mydata.ts';
import { notifyMessages } from './messages/notify.ts';
import { openAccountMessages } from './messages/open-accounts.ts';
import { sharingMessages } from './messages/sharing.ts';
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
  source_schedule_invalid: {
    kind: 'invalid',
    zh: '定时拉取设置有误：{reason_zh}',
    en: 'The pull schedule is invalid: {reason_en}',
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
  calendar_workday_weekday: {
    kind: 'invalid',
    zh: '{date} 是周一至周五，本来就是工作日：调休上班日只能设在周末',
    en: '{date} is a weekday and a working day already: a make-up working day (调休) falls on a weekend',
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
  open_portal_stats_timeout: {
    kind: 'unavailable',
    zh: '数值统计超过 {ms} 毫秒仍未完成，请稍后重试或使用 datastore_search_sql 自行统计',
    en: 'The statistics took longer than {ms} ms; try again later or aggregate with datastore_search_sql',
  },
  open_request_contact_required: {
    kind: 'invalid',
    zh: '未登录时请留下联系邮箱，以便数据部门与您联系（邮箱不会公开）',
    en: 'Give a contact e-mail when not signed in, so the department can reach you (it is never published)',
  },
  open_request_cannot_assign: {
    kind: 'forbidden',
    zh: '只有平台管理员或建议机构的数据专员可以指派此需求（已指派的需求只能由平台管理员改派）',
    en: 'Only the platform admin or a data officer of the suggested organisation may assign this request (once assigned, only the admin may reassign it)',
  },
  open_request_not_assignee: {
    kind: 'forbidden',
    zh: '只有被指派机构的数据专员可以答复此需求',
    en: 'Only a data officer of the assigned organisation may answer this request',
  },
  open_request_dataset_not_open: {
    kind: 'invalid',
    zh: '数据集 {code} 不是已开放的数据集，不能作为“已开放”的答复',
    en: 'Dataset {code} is not open data, so it cannot be given as already open',
  },
  open_request_planned_past: {
    kind: 'invalid',
    zh: '计划开放日期 {date} 早于今天',
    en: 'The planned opening date {date} is before today',
  },
  open_comment_not_owner: {
    kind: 'forbidden',
    zh: '只有数据集所属机构的数据专员可以回复评论',
    en: 'Only a data officer of the dataset’s owner organisation may reply to comments',
  },
  api_key_invalid: {
    kind: 'unauthenticated',
    zh: 'API 密钥无效：请检查 X-API-Key 请求头，或在“我的 API 密钥”中新建密钥',
    en: 'The API key is not valid: check the X-API-Key header, or create a key under "My API keys"',
  },
  api_key_revoked: {
    kind: 'unauthenticated',
    zh: '该 API 密钥已于 {at} 吊销，请改用其他有效密钥',
    en: 'This API key was revoked at {at}; use another active key',
  },
  api_key_required: {
    kind: 'unauthenticated',
    zh: '读取有条件开放的数据集 {code} 需要 API 密钥（X-API-Key 请求头）',
    en: 'Reading dataset {code}, open on conditions, needs an API key (X-API-Key header)',
  },
  api_key_limit: {
    kind: 'conflict',
    zh: '每个账号最多可有 {max} 个有效 API 密钥，请先吊销不再使用的密钥',
    en: 'An account may hold at most {max} active API keys; revoke one you no longer use first',
  },
  open_account_required: {
    kind: 'unauthenticated',
    zh: '请先登录开放数据账号',
    en: 'Please sign in with your open data account first',
  },
  open_account_exists: {
    kind: 'conflict',
    zh: '该邮箱已注册：{email}，请直接登录',
    en: 'This e-mail is already registered: {email}; sign in instead',
  },
  open_invalid_credentials: {
    kind: 'unauthenticated',
    zh: '邮箱或密码错误',
    en: 'Wrong e-mail or password',
  },
  open_access_not_conditional: {
    kind: 'conflict',
    zh: '数据集 {code} 无条件开放，无需申请，可直接下载或调用接口',
    en: 'Dataset {code} is open without conditions: no application is needed, download it or call the API',
  },
  open_access_level_closed: {
    kind: 'forbidden',
    zh: '数据集 {code} 为 L4 级（敏感），不予开放',
    en: 'Dataset {code} is graded L4 (sensitive) and is never opened',
  },
  open_access_field_unknown: {
    kind: 'invalid',
    zh: '数据集 {code} 没有这些字段：{fields}',
    en: 'Dataset {code} has no such fields: {fields}',
  },
  open_access_field_closed: {
    kind: 'invalid',
    zh: '字段 {fields} 为高敏感（L4）数据，不予开放，请从申请中去掉',
    en: 'Fields {fields} hold highly sensitive (L4) data and are never opened; leave them out',
  },
  open_access_period_invalid: {
    kind: 'invalid',
    zh: '使用期限无效：{reason_zh}',
    en: 'The period of use is invalid: {reason_en}',
  },
  open_access_approve_wider: {
    kind: 'invalid',
    zh: '批准范围不能超出申请：{reason_zh}',
    en: 'The approval cannot go beyond the application: {reason_en}',
  },
  open_access_pending_exists: {
    kind: 'conflict',
    zh: '您已有一份待审核的数据集 {code} 申请，请等待答复或先撤回',
    en: 'You already have a pending application for dataset {code}; wait for the answer or withdraw it first',
  },
  open_access_no_approval: {
    kind: 'forbidden',
    zh: '您没有数据集 {code} 的已批准申请，请先提交使用申请',
    en: 'You have no approved application for dataset {code}; apply for it first',
  },
  open_access_outside_period: {
    kind: 'forbidden',
    zh: '数据集 {code} 获批的使用期限为 {start} 至 {end}，今天（{today}）不在期限内',
    en: 'Dataset {code} was approved for {start} to {end}; today ({today}) is outside that period',
  },
  open_access_field_denied: {
    kind: 'forbidden',
    zh: '未获批准读取这些字段：{fields}（已批准：{approved}）',
    en: 'You are not approved to read these fields: {fields} (approved: {approved})',
  },
  open_access_filter_invalid: {
    kind: 'invalid',
    zh: '筛选条件 filters 无效：{reason_zh}',
    en: 'The filters are invalid: {reason_en}',
  },
  privacy_no_quasi_identifiers: {
    kind: 'conflict',
    zh: '数据集 {dataset} 尚未标记准标识符，请先标记再做 k-匿名检查',
    en: 'Dataset {dataset} has no quasi-identifiers marked; mark them before a k-anonymity check',
  },
  privacy_unknown_field: {
    kind: 'invalid',
    zh: '数据集 {dataset} 没有这些字段：{fields}',
    en: 'Dataset {dataset} has no such fields: {fields}',
  },
  privacy_open_blocked: {
    kind: 'conflict',
    zh: '数据集 {dataset} 含个人信息字段（{fields}），开放前须通过 k-匿名检查（k = {k}）：{reason_zh}',
    en: 'Dataset {dataset} has personal fields ({fields}); before it is opened it must pass a k-anonymity check (k = {k}): {reason_en}',
  },
  open_release_withheld: {
    kind: 'forbidden',
    zh: '数据集 {dataset} 含个人信息，其当前数据尚未通过 k-匿名检查，记录暂停提供（元数据照常可见）：{reason_zh}',
    en: 'Dataset {dataset} holds personal data and its current rows have not passed a k-anonymity check, so its records are withheld (its metadata stays visible): {reason_en}',
  },
  privacy_no_budget: {
    kind: 'conflict',
    zh: '数据集 {dataset} 尚未设置隐私预算（ε 总量），请数据专员先设置',
    en: 'Dataset {dataset} has no privacy budget (total ε) yet; its data officer sets one first',
  },
  privacy_budget_exhausted: {
    kind: 'conflict',
    zh: '数据集 {dataset} 的隐私预算不足：本次需要 ε = {need}，剩余 ε = {left}（共 {total}）；未发布任何结果，未花费预算',
    en: 'Dataset {dataset} has too little privacy budget left: this needs ε = {need}, {left} of {total} is left; nothing was released or spent',
  },
  privacy_budget_below_spent: {
    kind: 'conflict',
    zh: '预算不能低于已花费的部分：已花费 ε = {spent}，新的总量 ε = {total}',
    en: 'A budget cannot go below what was spent: ε = {spent} spent, new total ε = {total}',
  },
  dp_query_invalid: {
    kind: 'invalid',
    zh: '统计查询无效：{reason_zh}',
    en: 'The statistics query is invalid: {reason_en}',
  },
  psi_wrong_step: {
    kind: 'conflict',
    zh: '隐私求交会话当前不能这样做：{reason_zh}',
    en: 'The set-intersection session does not allow this now: {reason_en}',
  },
  psi_points_invalid: {
    kind: 'invalid',
    zh: '上传的盲化数据无效：{reason_zh}',
    en: 'The uploaded blinded points are invalid: {reason_en}',
  },
  psi_partner_invalid: {
    kind: 'invalid',
    zh: '求交合作方无效：{reason_zh}',
    en: 'Invalid intersection partner: {reason_en}',
  },
  ...sharingMessages,
  ...mydataMessages,
  ...openAccountMessages,
  ...notifyMessages,
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
  open_request: { zh: '数据需求', en: 'Data request' },
  open_comment: { zh: '评论', en: 'Comment' },
  tag: { zh: '标签', en: 'Tag' },
  privacy_check: { zh: 'k-匿名检查', en: 'k-anonymity check' },
  dp_release: { zh: '差分隐私发布', en: 'Differentially private release' },
  psi_session: { zh: '隐私求交会话', en: 'Set-intersection session' },
  open_account: { zh: '开放数据账号', en: 'Open data account' },
  api_key: { zh: 'API 密钥', en: 'API key' },
  open_application: { zh: '开放数据使用申请', en: 'Application' },
  share_request: { zh: '共享申请', en: 'Sharing request' },
  share_grant: { zh: '共享授权', en: 'Sharing grant' },
  share_record: { zh: '记录', en: 'Record' },
  consent: { zh: '授权同意', en: 'Consent' },
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
