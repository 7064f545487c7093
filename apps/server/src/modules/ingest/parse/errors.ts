type Template = { zh: string; en: string };
export type Params = Record<string, string | number>;

/**
 * Errors that stop a whole file: nothing after them can be read reliably, so the import is
 * rejected as a whole with this reason.
 */
export const fileErrorMessages = {
  empty_file: { zh: '文件为空或没有表头', en: 'The file is empty or has no header row' },
  binary_file: {
    zh: '文件不是文本文件（{hint}）',
    en: 'The file is not a text file ({hint})',
  },
  unsupported_encoding: {
    zh: '不支持的文件编码 {encoding}，请另存为 UTF-8 或 GB18030',
    en: 'Unsupported text encoding {encoding}; save the file as UTF-8 or GB18030',
  },
  invalid_encoding: {
    zh: '第 {line} 行（第 {byte} 字节附近）不是有效的 {encoding} 编码',
    en: 'Line {line} (near byte {byte}) is not valid {encoding}',
  },
  unclosed_quote: {
    zh: '从第 {line} 行开始的引号直到文件末尾都没有闭合',
    en: 'A quote opened in the record starting on line {line} is never closed',
  },
  record_too_large: {
    zh: '从第 {line} 行开始的记录超过 {limit} 个字符，可能是引号未闭合',
    en: 'The record starting on line {line} exceeds {limit} characters; a quote is probably left open',
  },
  malformed_csv: { zh: 'CSV 格式错误：{detail}', en: 'Malformed CSV: {detail}' },
  duplicate_header: {
    zh: '表头“{name}”重复出现（第 {columns} 列）',
    en: 'The header "{name}" appears more than once (columns {columns})',
  },
  not_xlsx: {
    zh: '文件不是有效的 XLSX 工作簿（{hint}）',
    en: 'The file is not a valid XLSX workbook ({hint})',
  },
  sheet_not_found: {
    zh: '工作簿中没有名为“{sheet}”的工作表',
    en: 'The workbook has no sheet named "{sheet}"',
  },
  invalid_json: {
    zh: 'JSON 格式错误（第 {position} 个字符附近）：{detail}',
    en: 'Malformed JSON (near character {position}): {detail}',
  },
  not_json_records: {
    zh: 'JSON 文件应为对象数组或每行一个对象（NDJSON）',
    en: 'A JSON file must be an array of objects or one object per line (NDJSON)',
  },
} satisfies Record<string, Template>;

/** Errors confined to one record: the caller rejects that row with this reason and reads on. */
export const rowErrorMessages = {
  ragged_row: {
    zh: '该行有 {actual} 个单元格，表头有 {expected} 列',
    en: 'The row has {actual} cells but the header has {expected} columns',
  },
  field_too_large: {
    zh: '第 {column} 列的内容超过 {limit} 个字符',
    en: 'The value in column {column} exceeds {limit} characters',
  },
  cell_error: {
    zh: '第 {column} 列是公式错误值 {value}',
    en: 'Column {column} holds the formula error {value}',
  },
  formula_without_result: {
    zh: '第 {column} 列的公式没有计算结果，请在 Excel 中重新计算并保存',
    en: 'The formula in column {column} has no cached result; recalculate and save it in Excel',
  },
  invalid_json_record: { zh: '该行不是有效的 JSON：{detail}', en: 'The record is not valid JSON: {detail}' },
  object_too_large: {
    zh: '该记录超过 {limit} 个字符',
    en: 'The record exceeds {limit} characters',
  },
  not_an_object: { zh: '该记录不是 JSON 对象', en: 'The record is not a JSON object' },
  unknown_keys: {
    zh: '该记录含有表头之外的字段：{keys}',
    en: 'The record has keys outside the header: {keys}',
  },
  unsafe_number: {
    zh: '字段“{key}”的数字 {value} 超出精确范围，请改为字符串',
    en: 'The number {value} in "{key}" is too large to keep exactly; send it as a string',
  },
} satisfies Record<string, Template>;

/** Reasons a single value fails type coercion. */
export const valueErrorMessages = {
  invalid_integer: { zh: '“{value}”不是整数', en: '"{value}" is not an integer' },
  integer_out_of_range: {
    zh: '整数 {value} 超出可精确表示的范围',
    en: 'The integer {value} is outside the exactly representable range',
  },
  invalid_decimal: { zh: '“{value}”不是数字', en: '"{value}" is not a number' },
  invalid_boolean: { zh: '“{value}”不是是/否值', en: '"{value}" is not a yes/no value' },
  invalid_date: { zh: '“{value}”不是可识别的日期', en: '"{value}" is not a recognised date' },
  impossible_date: { zh: '日期 {value} 不存在', en: 'The date {value} does not exist' },
  invalid_datetime: {
    zh: '“{value}”不是可识别的日期时间',
    en: '"{value}" is not a recognised date and time',
  },
} satisfies Record<string, Template>;

export type FileErrorCode = keyof typeof fileErrorMessages;
export type RowErrorCode = keyof typeof rowErrorMessages;
export type ValueErrorCode = keyof typeof valueErrorMessages;

/** A localised reason, ready to show or to write into a rejects file. */
export type Reason<C extends string = string> = { code: C; params: Params; zh: string; en: string };

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

function render<C extends string>(table: Record<C, Template>, code: C, params: Params): Reason<C> {
  const t = table[code];
  return { code, params, zh: fill(t.zh, params), en: fill(t.en, params) };
}

export const rowReason = (code: RowErrorCode, params: Params = {}) => render(rowErrorMessages, code, params);
export const valueReason = (code: ValueErrorCode, params: Params = {}) =>
  render(valueErrorMessages, code, params);

/** A failure of the whole file; `message` is the English text so logs stay readable. */
export class ParseError extends Error {
  readonly code: FileErrorCode;
  readonly params: Params;
  readonly zh: string;
  readonly en: string;

  constructor(code: FileErrorCode, params: Params = {}, options?: { cause?: unknown }) {
    const r = render(fileErrorMessages, code, params);
    super(r.en, options);
    this.name = 'ParseError';
    this.code = code;
    this.params = params;
    this.zh = r.zh;
    this.en = r.en;
  }

  get reason(): Reason<FileErrorCode> {
    return { code: this.code, params: this.params, zh: this.zh, en: this.en };
  }
}
