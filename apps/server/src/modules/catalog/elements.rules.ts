import type { DatasetField } from '@shuzhi/contracts';
import { AppError, notFound } from '../../platform/errors.ts';

type DatasetLike = { id: string; code: string; fields: DatasetField[] };

const typeZh: Record<DatasetField['type'], string> = {
  string: '文本',
  integer: '整数',
  decimal: '小数',
  boolean: '是否',
  date: '日期',
  datetime: '日期时间',
};

export function fieldOf(ds: DatasetLike, name: string): DatasetField {
  const f = ds.fields.find((x) => x.name === name);
  if (!f) throw notFound('field', `${ds.code}.${name}`);
  return f;
}

/**
 * A subject key must be its dataset's only key field: then every subject has exactly one row, so
 * one value, and comparing two datasets means comparing one value with one value.
 */
export function subjectKeyOf(ds: DatasetLike, name: string): DatasetField {
  const f = fieldOf(ds, name);
  const keys = ds.fields.filter((x) => x.key);
  if (!f.key || keys.length !== 1)
    throw new AppError('subject_key_not_unique', { dataset: ds.code, field: name });
  return f;
}

/** The element's key field when given, or the authoritative dataset's key field when it has just one. */
export function defaultKeyField(ds: DatasetLike, given: string | undefined): string | null {
  if (given) return subjectKeyOf(ds, given).name;
  const keys = ds.fields.filter((x) => x.key);
  return keys.length === 1 ? (keys[0] as DatasetField).name : null;
}

export type BindingCheck = {
  element: { code: string; field_name: string; key_field: string | null };
  authoritative: DatasetLike;
  bound: DatasetLike;
  valueField: string;
  keyField: string;
};

/**
 * Whether another dataset can be compared with the element's authoritative one: run when the binding
 * is declared and again before every check (fields may have changed since). Throws the first problem.
 */
export function assertComparable(b: BindingCheck): { value: DatasetField; key: DatasetField } {
  const { element, authoritative, bound } = b;
  if (bound.id === authoritative.id)
    throw new AppError('binding_self', { code: element.code, dataset: bound.code });
  if (!element.key_field) throw new AppError('element_key_required', { code: element.code });
  fieldOf(authoritative, element.field_name);
  const authKey = subjectKeyOf(authoritative, element.key_field);
  const value = fieldOf(bound, b.valueField);
  const key = subjectKeyOf(bound, b.keyField);
  if (value.name === key.name) throw new AppError('binding_same_field', { field: key.name });
  if (key.type !== authKey.type) {
    throw new AppError('binding_key_type_mismatch', {
      dataset: bound.code,
      field: key.name,
      type: key.type,
      typeZh: typeZh[key.type],
      authDataset: authoritative.code,
      authField: authKey.name,
      authType: authKey.type,
      authTypeZh: typeZh[authKey.type],
    });
  }
  return { value, key };
}
