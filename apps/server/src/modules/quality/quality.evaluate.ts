import type { Dataset, DatasetField, RuleKind } from '@shuzhi/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { tableOf } from '../datastore/index.ts';
import {
  col,
  countAndSample,
  emptyOutcome,
  keyFields,
  type Outcome,
  present,
  tableExists,
} from './quality.checks.ts';
import { runCustomSql } from './quality.custom-sql.ts';
import { maxAgeHours } from './quality.params.ts';

/** One row of a binding's 一数一源 check, as the catalog reports it (no personal data). */
export type ConsistencyBinding = {
  element: string;
  elementName: string;
  authoritative: string;
  compared: number;
  open: number;
};

export type EvaluateDeps = {
  db: Db;
  findDataset: (id: string) => Promise<Dataset | undefined>;
  /** The bindings where this dataset is the non-authoritative side, with their open conflicts. */
  consistency: (datasetId: string) => Promise<ConsistencyBinding[]>;
  sqlTimeoutMs: number;
};

export type EvaluatedRule = { kind: RuleKind; field: string | null; params: Record<string, unknown> };

const fieldOf = (ds: Dataset, name: string | null): DatasetField => {
  const f = ds.fields.find((x) => x.name === name);
  // The field was removed from the dataset after the rule was written.
  if (!f) throw new AppError('quality_field_gone', { field: String(name), dataset: ds.code });
  return f;
};

const PG_TYPE: Record<DatasetField['type'], string> = {
  string: 'text',
  integer: 'numeric',
  decimal: 'numeric',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
};

function rangeFails(
  f: DatasetField,
  p: { min?: number | string; max?: number | string },
): RawBuilder<boolean> {
  const c = col(f.name);
  const cast = sql.raw(PG_TYPE[f.type]);
  const parts: RawBuilder<boolean>[] = [];
  if (p.min !== undefined) parts.push(sql<boolean>`${c} < ${String(p.min)}::${cast}`);
  if (p.max !== undefined) parts.push(sql<boolean>`${c} > ${String(p.max)}::${cast}`);
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

async function reference(
  deps: EvaluateDeps,
  ds: Dataset,
  f: DatasetField,
  p: { datasetId: string; field?: string },
) {
  const target = await deps.findDataset(p.datasetId);
  if (target?.status !== 'published') throw notFound('dataset', p.datasetId);
  const tf = p.field ? fieldOf(target, p.field) : keyFields(target)[0];
  if (!tf) throw new AppError('quality_field_gone', { field: '(key)', dataset: target.code });
  if (!(await tableExists(deps.db, target.code)))
    throw new AppError('dataset_no_table', { dataset: target.code });
  const same = tf.type === f.type;
  const theirs = sql.ref(`r.${tf.name}`);
  const match = same ? sql`${theirs} = ${col(f.name)}` : sql`${theirs}::text = ${col(f.name)}::text`;
  return countAndSample(
    deps.db,
    ds,
    {
      applies: present(f),
      fails: sql<boolean>`not exists (select 1 from ${sql.raw(tableOf(target.code))} r where ${match})`,
      show: [f.name],
    },
    tableOf(ds.code),
  );
}

async function consistency(deps: EvaluateDeps, ds: Dataset): Promise<Outcome> {
  const bindings = await deps.consistency(ds.id);
  const out = emptyOutcome();
  for (const b of bindings) {
    out.checked += b.compared;
    out.failed += Math.min(b.open, b.compared);
    out.details.push({
      element: b.element,
      elementName: b.elementName,
      authoritative: b.authoritative,
      compared: b.compared,
      open: b.open,
    });
  }
  return out;
}

/**
 * Evaluates one set-based rule against the dataset's table. The checksum kinds are scanned apart
 * (quality.scan.ts). Throws an AppError when the rule cannot run (field removed, referenced dataset
 * gone, a custom check that fails); the run records it against the rule and goes on.
 */
export async function evaluate(deps: EvaluateDeps, ds: Dataset, rule: EvaluatedRule): Promise<Outcome> {
  const table = tableOf(ds.code);
  const p = rule.params as Record<string, never>;
  switch (rule.kind) {
    case 'required': {
      const f = fieldOf(ds, rule.field);
      return countAndSample(
        deps.db,
        ds,
        {
          applies: sql<boolean>`true`,
          fails: sql<boolean>`not ${present(f, p.blankIsMissing !== false)}`,
          show: [f.name],
        },
        table,
      );
    }
    case 'unique': {
      const f = fieldOf(ds, rule.field);
      const from = sql`(select t.*, count(*) over (partition by ${col(f.name)}) as _dup
                        from ${sql.raw(table)} t where ${present(f)}) t`;
      return countAndSample(
        deps.db,
        ds,
        {
          from,
          applies: sql<boolean>`true`,
          fails: sql<boolean>`t._dup > 1`,
          show: [f.name],
          reason: 'duplicate',
        },
        table,
      );
    }
    case 'pattern': {
      const f = fieldOf(ds, rule.field);
      const op = sql.raw(p.caseInsensitive ? '~*' : '~');
      return countAndSample(
        deps.db,
        ds,
        {
          applies: present(f),
          fails: sql<boolean>`not (${col(f.name)}::text ${op} ${p.regex})`,
          show: [f.name],
        },
        table,
      );
    }
    case 'enum': {
      const f = fieldOf(ds, rule.field);
      const values = p.values as unknown as string[];
      const cs = p.caseSensitive !== false;
      const v = cs ? sql`${col(f.name)}::text` : sql`lower(${col(f.name)}::text)`;
      const list = cs ? values : values.map((x) => x.toLowerCase());
      return countAndSample(
        deps.db,
        ds,
        { applies: present(f), fails: sql<boolean>`not (${v} = any(${list}::text[]))`, show: [f.name] },
        table,
      );
    }
    case 'range': {
      const f = fieldOf(ds, rule.field);
      return countAndSample(
        deps.db,
        ds,
        { applies: present(f), fails: rangeFails(f, p), show: [f.name] },
        table,
      );
    }
    case 'length': {
      const f = fieldOf(ds, rule.field);
      const len = sql`char_length(${col(f.name)}::text)`;
      const parts: RawBuilder<boolean>[] = [];
      if (p.min !== undefined) parts.push(sql<boolean>`${len} < ${p.min}`);
      if (p.max !== undefined) parts.push(sql<boolean>`${len} > ${p.max}`);
      return countAndSample(
        deps.db,
        ds,
        { applies: present(f), fails: sql<boolean>`(${sql.join(parts, sql` or `)})`, show: [f.name] },
        table,
      );
    }
    case 'reference':
      return reference(
        deps,
        ds,
        fieldOf(ds, rule.field),
        rule.params as { datasetId: string; field?: string },
      );
    case 'consistency':
      return consistency(deps, ds);
    case 'freshness': {
      const hours = maxAgeHours(ds.updateFrequency, p.maxAgeHours);
      // Irregularly updated data has no age to go stale at, unless the officer gives one.
      if (hours === null) return emptyOutcome();
      const out = await countAndSample(
        deps.db,
        ds,
        {
          applies: sql<boolean>`true`,
          fails: sql<boolean>`t._loaded_at < now() - make_interval(hours => ${hours})`,
          show: ['_loaded_at'],
          reason: 'stale',
        },
        table,
      );
      out.details.push({ maxAgeHours: hours });
      return out;
    }
    case 'custom_sql':
      return runCustomSql(deps.db, ds, String(p.sql), deps.sqlTimeoutMs);
    default:
      throw new Error(`${rule.kind} is scanned, not evaluated in SQL`);
  }
}
