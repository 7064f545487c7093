import type { QualityDimension, RuleSeverity } from '@shuzhi/contracts';
import type { ScoreColumns } from './quality.tables.ts';

export const DIMENSIONS: readonly QualityDimension[] = [
  'completeness',
  'validity',
  'uniqueness',
  'consistency',
  'timeliness',
];

/** An error-severity rule counts twice as much as a warning within its dimension. */
const WEIGHT: Record<RuleSeverity, number> = { error: 2, warning: 1 };

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => (xs.length === 0 ? null : round1(xs.reduce((a, b) => a + b, 0) / xs.length));

export type ScoredResult = {
  dimension: QualityDimension;
  severity: RuleSeverity;
  checked: number;
  failed: number;
  error: string | null;
};

/** A rule's pass rate 0–1; null when it checked nothing or could not run (it then does not count). */
export const passRate = (r: Pick<ScoredResult, 'checked' | 'failed' | 'error'>): number | null =>
  r.error !== null || r.checked <= 0 ? null : Math.max(0, 1 - r.failed / r.checked);

/**
 * A run's scores: per dimension the severity-weighted mean pass rate of its rules (×100, one
 * decimal); overall the mean of the dimensions that have a score. Dimensions without an applicable
 * rule stay null rather than pretending to be perfect.
 */
export function scoreRun(results: ScoredResult[]): ScoreColumns {
  const out = { overall: null } as ScoreColumns;
  for (const d of DIMENSIONS) {
    let sum = 0;
    let weight = 0;
    for (const r of results) {
      const rate = r.dimension === d ? passRate(r) : null;
      if (rate === null) continue;
      sum += rate * WEIGHT[r.severity];
      weight += WEIGHT[r.severity];
    }
    out[d] = weight === 0 ? null : round1((100 * sum) / weight);
  }
  out.overall = mean(DIMENSIONS.map((d) => out[d]).filter((x): x is number => x !== null));
  return out;
}

/** An organisation's scores: per dimension the mean over its datasets that have one. */
export function aggregate(datasets: ScoreColumns[]): ScoreColumns {
  const pick = (k: keyof ScoreColumns) =>
    mean(datasets.map((d) => d[k]).filter((x): x is number => x !== null));
  return {
    overall: pick('overall'),
    completeness: pick('completeness'),
    validity: pick('validity'),
    uniqueness: pick('uniqueness'),
    consistency: pick('consistency'),
    timeliness: pick('timeliness'),
  };
}
