export type { CoercedValue, CoerceOptions, FieldType } from './coerce.ts';
export {
  type Coerced,
  coerce,
  coerceBoolean,
  coerceDate,
  coerceDatetime,
  coerceDecimal,
  coerceInteger,
  normaliseText,
} from './coerce.ts';
export { type CsvDelimiter, type CsvFile, type CsvOptions, readCsv, sniffDelimiter } from './csv.ts';
export {
  type Detected,
  detectEncoding,
  type EncodingOption,
  type TextEncoding,
} from './detect-encoding.ts';
export {
  type FileErrorCode,
  fileErrorMessages,
  ParseError,
  type Reason,
  type RowErrorCode,
  rowErrorMessages,
  type ValueErrorCode,
  valueErrorMessages,
} from './errors.ts';
export { type JsonFile, type JsonFormat, type JsonOptions, readJson } from './json.ts';
export { type LinePiece, openPlainCsv, type PlainCsv, plainRow } from './plain-lines.ts';
export { type FileFormat, formatFromFileName, readTabular } from './read-file.ts';
export { neutralise, neutraliseRow } from './spreadsheet-safety.ts';
export type { ByteSource, ParsedRow, RejectedRow, RowResult, TabularFile } from './tabular.ts';
export { readXlsx, type XlsxFile, type XlsxOptions } from './xlsx.ts';
