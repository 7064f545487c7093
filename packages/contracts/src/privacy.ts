import { z } from 'zod';

const fieldName = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'field name: a-z, 0-9, _; starts with a letter');

// ---- k-anonymity before release ----

/** How a quasi-identifier can be coarsened, from finer to coarser; `drop` leaves it out of the release. */
export const Generalisation = z.enum(['month', 'year', 'age5', 'age10', 'band5', 'band10', 'street', 'drop']);
export type Generalisation = z.infer<typeof Generalisation>;

export const PutQuasiIdentifiersBody = z.object({
  quasiIdentifiers: z
    .array(fieldName)
    .min(1, 'mark at least one quasi-identifier')
    .max(8, 'at most 8 quasi-identifiers')
    .refine((f) => new Set(f).size === f.length, 'quasi-identifiers: no field twice'),
});
export type PutQuasiIdentifiersBody = z.infer<typeof PutQuasiIdentifiersBody>;

export const QuasiIdentifierOption = z.object({
  field: z.string(),
  title: z.string(),
  type: z.string(),
  sensitivity: z.string(),
  /** Whether the data officer marked it. */
  marked: z.boolean(),
  /** The generalisations that apply to it, finer first. */
  generalisations: z.array(Generalisation),
});

export const PrivacySettings = z.object({
  datasetId: z.uuid(),
  datasetCode: z.string(),
  /** The k every release must reach (SHUZHI_PRIVACY_MIN_K). */
  k: z.number().int(),
  /** Whether the dataset has fields whose sensitivity is not none (and so needs a check to be opened). */
  personal: z.boolean(),
  fields: z.array(QuasiIdentifierOption),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /**
   * Whether open data serves the rows now: `not_open` (closed or unpublished), `released`, or
   * `withheld` (personal fields and no passing check of the current data), with the reason.
   */
  release: z.object({
    status: z.enum(['not_open', 'released', 'withheld']),
    reasonZh: z.string().nullable(),
    reasonEn: z.string().nullable(),
  }),
});
export type PrivacySettings = z.infer<typeof PrivacySettings>;

export const KanonSuggestion = z.object({
  steps: z.array(z.object({ field: z.string(), generalisation: Generalisation })),
  smallestClass: z.number().int().nullable(),
  classesBelowK: z.number().int(),
  rowsBelowK: z.number().int(),
  passes: z.boolean(),
});
export type KanonSuggestion = z.infer<typeof KanonSuggestion>;

export const KanonCheck = z.object({
  id: z.uuid(),
  datasetId: z.uuid(),
  datasetCode: z.string(),
  quasiIdentifiers: z.array(z.string()),
  k: z.number().int(),
  status: z.enum(['running', 'done', 'failed']),
  jobId: z.uuid().nullable(),
  rows: z.number().int().nullable(),
  classes: z.number().int().nullable(),
  /** Size of the smallest equivalence class (rows sharing all quasi-identifier values). */
  smallestClass: z.number().int().nullable(),
  classesBelowK: z.number().int().nullable(),
  rowsBelowK: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  /** True when rows were loaded or removed, or the marked quasi-identifiers changed, since the check. */
  stale: z.boolean(),
  sizeHistogram: z.array(
    z.object({
      from: z.number().int(),
      to: z.number().int().nullable(),
      classes: z.number().int(),
      rows: z.number().int(),
    }),
  ),
  /** Generalisations that reach k (or come closest), found by coarsening one step at a time. */
  suggestions: z.array(KanonSuggestion),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type KanonCheck = z.infer<typeof KanonCheck>;

export const KanonCheckList = z.object({ items: z.array(KanonCheck) });

// ---- differential privacy for aggregate statistics ----

/** ε in millionths at most, so budgets add up exactly. */
const epsilon = z
  .number()
  .positive()
  .max(10)
  .refine((e) => Math.abs(Math.round(e * 1e6) - e * 1e6) < 1e-6, 'ε: at most 6 decimals');

export const PutDpBudgetBody = z.object({
  epsilonTotal: z
    .number()
    .positive()
    .max(100)
    .refine((e) => Math.abs(Math.round(e * 1e6) - e * 1e6) < 1e-6, 'ε: at most 6 decimals'),
});
export type PutDpBudgetBody = z.infer<typeof PutDpBudgetBody>;

export const DpBudget = z.object({
  datasetId: z.uuid(),
  datasetCode: z.string(),
  epsilonTotal: z.number(),
  epsilonSpent: z.number(),
  epsilonRemaining: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type DpBudget = z.infer<typeof DpBudget>;

export const DpGroupBy = z
  .object({
    field: fieldName,
    /** A public list of groups (compared as text); rows with any other value count under `other`. */
    values: z.array(z.string().max(200)).min(1).max(1000).optional(),
    /** Numeric bins [start + i·width, start + (i+1)·width), i < count; values outside count under `other`. */
    bins: z
      .object({
        start: z.number().finite(),
        width: z.number().positive().finite(),
        count: z.number().int().min(1).max(1000),
      })
      .optional(),
  })
  .refine((g) => (g.values === undefined) !== (g.bins === undefined), 'groupBy: give either values or bins');
export type DpGroupBy = z.infer<typeof DpGroupBy>;

export const DpQueryBody = z
  .object({
    kind: z.enum(['count', 'sum', 'mean', 'histogram']),
    epsilon,
    /** The numeric field summed or averaged. */
    field: fieldName.optional(),
    /** Values are clamped to [lower, upper] (integers) before summing: this bounds one row's influence. */
    bounds: z
      .object({ lower: z.number().int().min(-1e12).max(1e12), upper: z.number().int().min(-1e12).max(1e12) })
      .refine((b) => b.lower < b.upper, 'bounds: lower must be below upper')
      .optional(),
    groupBy: DpGroupBy.optional(),
    purpose: z.string().trim().min(2).max(500),
  })
  .refine((q) => q.kind === 'count' || q.kind === 'histogram' || (q.field && q.bounds), {
    message: 'sum and mean need a field and bounds',
    path: ['bounds'],
  })
  .refine((q) => q.kind !== 'histogram' || q.groupBy, {
    message: 'a histogram needs groupBy',
    path: ['groupBy'],
  });
export type DpQueryBody = z.infer<typeof DpQueryBody>;

export const DpValue = z.object({ group: z.string().nullable(), value: z.number().nullable() });

export const DpRelease = z.object({
  id: z.uuid(),
  datasetId: z.uuid(),
  datasetCode: z.string(),
  kind: z.enum(['count', 'sum', 'mean', 'histogram']),
  epsilon: z.number(),
  query: z.record(z.string(), z.unknown()),
  /** Noisy values: one with group null when ungrouped; one per declared group and `other` when grouped. */
  values: z.array(DpValue),
  /** Scale b of the discrete Laplace noise added to each count or sum (P(x) ∝ e^(−|x|/b)). */
  noiseScale: z.number(),
  purpose: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type DpRelease = z.infer<typeof DpRelease>;

export const DpReleaseList = z.object({ items: z.array(DpRelease), nextCursor: z.string().nullable() });

// ---- private set intersection ----

export const PsiSide = z.enum(['initiator', 'partner']);
export const CreatePsiSessionBody = z.object({
  partnerOrgId: z.uuid(),
  purpose: z.string().trim().min(2).max(500),
});
export type CreatePsiSessionBody = z.infer<typeof CreatePsiSessionBody>;

const upload = z.object({ count: z.number().int(), uploadedAt: z.string() }).nullable();
export const PsiSession = z.object({
  id: z.uuid(),
  initiatorOrgId: z.uuid(),
  initiatorOrgName: z.string(),
  partnerOrgId: z.uuid(),
  partnerOrgName: z.string(),
  purpose: z.string(),
  status: z.enum(['open', 'finished']),
  /** The caller's side, or null for the platform admin looking on. */
  mySide: PsiSide.nullable(),
  /** What to do next, for the caller. */
  next: z.enum([
    'upload_blinded',
    'wait_peer_blinded',
    'upload_reblinded',
    'wait_peer_reblinded',
    'fetch_result',
    'done',
  ]),
  uploads: z.object({
    initiator: z.object({ blinded: upload, reblinded: upload }),
    partner: z.object({ blinded: upload, reblinded: upload }),
  }),
  intersectionSize: z.number().int().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type PsiSession = z.infer<typeof PsiSession>;
export const PsiSessionList = z.object({ items: z.array(PsiSession) });
