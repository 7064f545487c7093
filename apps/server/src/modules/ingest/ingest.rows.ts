import type { DatasetField } from '@shuzhi/contracts';
import type { Value } from '../datastore/index.ts';
import { coerce, type RowResult } from './parse/index.ts';

export type Reject = {
  row_number: number;
  code: string;
  reason_zh: string;
  reason_en: string;
  raw: Record<string, string> | null;
};

export const reject = (
  rowNumber: number,
  code: string,
  zh: string,
  en: string,
  raw: Record<string, string> | null,
): Reject => ({ row_number: rowNumber, code, reason_zh: zh, reason_en: en, raw });

export const duplicateReject = (rowNumber: number, raw: Record<string, string> | null) =>
  reject(
    rowNumber,
    'duplicate_key',
    '主键重复：该主键已存在，追加模式不覆盖',
    'Duplicate key: append mode does not overwrite an existing row',
    raw,
  );

export type Converted =
  | { ok: true; r: number; values: Value[]; cells: string[] }
  | { ok: false; reject: Reject };

/**
 * Turns a read row into the dataset's typed values, or into a reject saying why not. Both load
 * paths (rows parsed in JavaScript, and rows the database could not convert itself) go through
 * here, so a value means the same whichever path carried it.
 */
export function rowConverter(
  header: string[],
  fields: DatasetField[],
  sources: number[],
  opts: { excelSerial: boolean },
) {
  const rawOf = (cells: string[]): Record<string, string> =>
    Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  return {
    rawOf,
    convert(row: RowResult): Converted {
      if (!row.ok) {
        const e = row.error;
        return {
          ok: false,
          reject: reject(row.rowNumber, e.code, e.zh, e.en, row.values ? rawOf(row.values) : null),
        };
      }
      const values: Value[] = [];
      for (const [i, f] of fields.entries()) {
        const src = sources[i] as number;
        const text = src >= 0 ? (row.values[src] ?? '') : '';
        const c = coerce(text, f.type, opts);
        if (!c.ok) {
          return {
            ok: false,
            reject: reject(
              row.rowNumber,
              c.reason.code,
              `${f.title}（${f.name}）：${c.reason.zh}`,
              `${f.title} (${f.name}): ${c.reason.en}`,
              rawOf(row.values),
            ),
          };
        }
        if (f.key && c.value === null) {
          return {
            ok: false,
            reject: reject(
              row.rowNumber,
              'missing_key',
              `主键字段「${f.title}」为空`,
              `Key field "${f.title}" is empty`,
              rawOf(row.values),
            ),
          };
        }
        values.push(c.value as Value);
      }
      return { ok: true, r: row.rowNumber, values, cells: row.values };
    },
  };
}
