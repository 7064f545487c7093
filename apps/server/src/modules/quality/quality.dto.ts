import type { Dataset, ProblemSample, QualityRule, QualityRun, RuleResult } from '@shuzhi/contracts';
import { type Approval, datasetRules, type FieldRule, maskRecord } from '../masking/index.ts';
import type { ResultRow, RuleRow, RunRow } from './quality.repo.ts';
import { passRate } from './quality.scores.ts';
import type { StoredSample } from './quality.tables.ts';

export const toRule = (r: RuleRow): QualityRule => ({
  id: r.id,
  datasetId: r.dataset_id,
  field: r.field,
  kind: r.kind,
  dimension: r.dimension,
  params: r.params,
  severity: r.severity,
  enabled: r.enabled,
  suggested: r.suggested,
  createdBy: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export const toRun = (r: RunRow): QualityRun => ({
  id: r.id,
  datasetId: r.dataset_id,
  datasetCode: r.dataset_code,
  trigger: r.trigger,
  status: r.status,
  jobId: r.job_id,
  rowCount: r.row_count === null ? null : Number(r.row_count),
  problems: Number(r.problems),
  scores: {
    overall: r.overall,
    completeness: r.completeness,
    validity: r.validity,
    uniqueness: r.uniqueness,
    consistency: r.consistency,
    timeliness: r.timeliness,
  },
  error: r.error,
  createdAt: new Date(r.created_at).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
});

/** Masking rules per field; a field under a checksum rule is masked as what that rule says it holds. */
export function fieldRules(ds: Dataset, rules: Pick<RuleRow, 'kind' | 'field'>[]): FieldRule[] {
  const typed = new Map<string, string>();
  for (const r of rules)
    if (r.field && (r.kind === 'resident_id' || r.kind === 'credit_code' || r.kind === 'mobile'))
      typed.set(r.field, r.kind);
  return datasetRules(ds, typed);
}

const asText = (rec: Record<string, unknown>): Record<string, string | null> =>
  Object.fromEntries(
    Object.entries(rec).map(([k, v]) => [k, v === null || v === undefined ? null : String(v)]),
  );

/** A sample as the reader may see it, through the masking policy, and whether masking changed it. */
export function maskSample(
  s: StoredSample,
  rules: FieldRule[],
  approval: Approval,
  salt: string,
): { sample: ProblemSample; masked: boolean } {
  const key = asText(maskRecord(s.key, rules, approval, { salt }));
  const values = asText(maskRecord(s.values, rules, approval, { salt }));
  const changed = (out: Record<string, string | null>, before: Record<string, string | null>) =>
    Object.keys(out).some((k) => out[k] !== (before[k] ?? null));
  return {
    sample: { key, values, reason: s.reason },
    masked: changed(key, asText(s.key)) || changed(values, asText(s.values)),
  };
}

export const toResult = (r: ResultRow, samples: ProblemSample[]): RuleResult => ({
  ruleId: r.rule_id,
  kind: r.kind,
  field: r.field,
  dimension: r.dimension,
  severity: r.severity,
  checked: Number(r.checked),
  failed: Number(r.failed),
  passRate: passRate({ checked: Number(r.checked), failed: Number(r.failed), error: r.error }),
  error: r.error,
  reasons: r.reasons,
  samples,
  details: r.details,
});
