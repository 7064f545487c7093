import {
  DATASET_RULE_KINDS,
  type Dataset,
  DIMENSION_OF,
  type QualityDimension,
  type RuleKind,
  RuleParams,
} from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { headerHints } from '../classify/index.ts';
import { keyFields, tableExists } from './quality.checks.ts';

/** The age past which a row counts as stale, per declared update frequency: one period and a day's grace. */
const MAX_AGE_HOURS: Record<Dataset['updateFrequency'], number | null> = {
  realtime: 2,
  daily: 48,
  weekly: 8 * 24,
  monthly: 32 * 24,
  quarterly: 93 * 24,
  yearly: 367 * 24,
  irregular: null,
};

/** How long the scheduler lets a dataset go unchecked: its update period (a week when irregular). */
export const RECHECK_HOURS: Record<Dataset['updateFrequency'], number> = {
  realtime: 1,
  daily: 24,
  weekly: 7 * 24,
  monthly: 30 * 24,
  quarterly: 91 * 24,
  yearly: 365 * 24,
  irregular: 7 * 24,
};

export const maxAgeHours = (frequency: Dataset['updateFrequency'], override?: number): number | null =>
  override ?? MAX_AGE_HOURS[frequency];

export const dimensionOf = (kind: RuleKind, params: Record<string, unknown>): QualityDimension =>
  kind === 'custom_sql' ? (params.dimension as QualityDimension) : DIMENSION_OF[kind];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses a rule's parameters for its kind; a bad one is a precise validation error that changes nothing. */
export function parseParams(kind: RuleKind, params: unknown): Record<string, unknown> {
  const r = RuleParams[kind].safeParse(params ?? {});
  if (r.success) return r.data as Record<string, unknown>;
  const errors = r.error.issues.map((i) => ({ field: ['params', ...i.path].join('.'), message: i.message }));
  throw new AppError('validation_failed', { fields: errors.map((e) => e.field).join(', ') }, errors);
}

/**
 * Checks a rule against the dataset it is for: the field exists and suits the kind, bounds have the
 * field's type, a pattern compiles in PostgreSQL, a referenced dataset is published and has the field.
 */
export async function assertRuleFits(
  db: Db,
  ds: Dataset,
  rule: { kind: RuleKind; field: string | null; params: Record<string, unknown> },
  findDataset: (id: string) => Promise<Dataset | undefined>,
): Promise<void> {
  const datasetLevel = DATASET_RULE_KINDS.includes(rule.kind);
  if (datasetLevel) {
    if (rule.field !== null) throw new AppError('quality_rule_field', { kind: rule.kind, field: rule.field });
    return;
  }
  const f = ds.fields.find((x) => x.name === rule.field);
  if (!f) throw new AppError('quality_unknown_field', { field: String(rule.field), dataset: ds.code });
  const p = rule.params;
  switch (rule.kind) {
    case 'range': {
      const numeric = f.type === 'integer' || f.type === 'decimal';
      const shape = f.type === 'date' ? ISO_DATE : f.type === 'datetime' ? ISO_DATETIME : null;
      const fits = (v: unknown) =>
        v === undefined ||
        (numeric
          ? typeof v === 'number'
          : !!shape && typeof v === 'string' && shape.test(v) && !Number.isNaN(Date.parse(v)));
      if (!fits(p.min) || !fits(p.max))
        throw new AppError('quality_range_type', { field: f.name, type: f.type });
      const order = (v: unknown) => (typeof v === 'number' ? v : Date.parse(String(v)));
      if (p.min !== undefined && p.max !== undefined && order(p.min) > order(p.max))
        throw new AppError('quality_range_order', { min: String(p.min), max: String(p.max) });
      return;
    }
    case 'resident_id':
    case 'credit_code':
    case 'mobile':
      if (f.type !== 'string') throw new AppError('quality_needs_text', { field: f.name, type: f.type });
      return;
    case 'pattern':
      try {
        await sql`select '' ~ ${String(p.regex)} as ok`.execute(db);
      } catch (e) {
        throw new AppError('quality_bad_pattern', { reason: (e as Error).message.slice(0, 200) });
      }
      return;
    case 'reference': {
      const target = await findDataset(String(p.datasetId));
      if (target?.status !== 'published') throw notFound('dataset', String(p.datasetId));
      if (target.id === ds.id) throw new AppError('quality_reference_self', { dataset: ds.code });
      const name =
        (p.field as string | undefined) ??
        (keyFields(target).length === 1 ? keyFields(target)[0]?.name : undefined);
      if (!name || !target.fields.some((x) => x.name === name))
        throw new AppError('quality_reference_field', { dataset: target.code, field: name ?? '(key)' });
      if (!(await tableExists(db, target.code)))
        throw new AppError('dataset_no_table', { dataset: target.code });
      return;
    }
    default:
      return;
  }
}

export type Suggestion = { kind: RuleKind; field: string | null; params: Record<string, unknown> };

/**
 * The rules a dataset gets when it is first checked: key fields required (and unique when the key is
 * one field), checksums for fields whose name or title says resident ID, credit code or mobile,
 * freshness against the declared update frequency, and 一数一源 consistency when it is bound to an element.
 */
export function suggestRules(ds: Dataset, boundToElement: boolean): Suggestion[] {
  const out: Suggestion[] = [];
  const keys = keyFields(ds);
  for (const k of keys) out.push({ kind: 'required', field: k.name, params: parseParams('required', {}) });
  if (keys.length === 1 && keys[0]) out.push({ kind: 'unique', field: keys[0].name, params: {} });
  for (const f of ds.fields) {
    if (f.type !== 'string') continue;
    const hints = new Set([...headerHints(f.title), ...headerHints(f.name)]);
    if (hints.has('resident_id') && !hints.has('passport'))
      out.push({ kind: 'resident_id', field: f.name, params: parseParams('resident_id', {}) });
    else if (hints.has('credit_code'))
      out.push({ kind: 'credit_code', field: f.name, params: parseParams('credit_code', {}) });
    else if (hints.has('mobile') && !hints.has('landline'))
      out.push({ kind: 'mobile', field: f.name, params: parseParams('mobile', {}) });
  }
  if (ds.updateFrequency !== 'irregular') out.push({ kind: 'freshness', field: null, params: {} });
  if (boundToElement) out.push({ kind: 'consistency', field: null, params: {} });
  return out;
}
