import { z } from 'zod';
import { page } from './common.ts';

/** The five quality dimensions every rule feeds (GB/T 36344-2018 names them, among others). */
export const QualityDimension = z.enum([
  'completeness',
  'validity',
  'uniqueness',
  'consistency',
  'timeliness',
]);
export type QualityDimension = z.infer<typeof QualityDimension>;

export const RuleKind = z.enum([
  'required',
  'unique',
  'pattern',
  'enum',
  'range',
  'length',
  'resident_id',
  'credit_code',
  'mobile',
  'reference',
  'consistency',
  'freshness',
  'custom_sql',
]);
export type RuleKind = z.infer<typeof RuleKind>;
/** Rules about the dataset as a whole: they name no field. */
export const DATASET_RULE_KINDS: readonly RuleKind[] = ['consistency', 'freshness', 'custom_sql'];
export const RuleSeverity = z.enum(['error', 'warning']);
export type RuleSeverity = z.infer<typeof RuleSeverity>;

const bound = z.union([z.number(), z.string().trim().min(1).max(40)]);

/** Parameters per rule kind; unknown keys are refused so that a typo never silently does nothing. */
export const RuleParams = {
  /** Empty and blank text (ASCII or ideographic spaces) counts as missing unless `blankIsMissing` is false. */
  required: z.strictObject({ blankIsMissing: z.boolean().default(true) }),
  unique: z.strictObject({}),
  /** A PostgreSQL regular expression (POSIX ARE) the whole value must match; anchor it with ^…$. */
  pattern: z.strictObject({
    regex: z.string().min(1).max(500),
    caseInsensitive: z.boolean().default(false),
  }),
  enum: z.strictObject({
    values: z
      .array(z.string().max(200))
      .min(1)
      .max(500)
      .refine((v) => new Set(v).size === v.length, 'values must be distinct'),
    caseSensitive: z.boolean().default(true),
  }),
  /** Numbers for integer and decimal fields, ISO dates (2026-01-31) or datetimes for date fields. */
  range: z
    .strictObject({ min: bound.optional(), max: bound.optional() })
    .refine((p) => p.min !== undefined || p.max !== undefined, 'give min, max or both'),
  /** Length in characters of the value as text. */
  length: z
    .strictObject({ min: z.number().int().min(0).optional(), max: z.number().int().min(1).optional() })
    .refine((p) => p.min !== undefined || p.max !== undefined, 'give min, max or both')
    .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, 'min must not exceed max'),
  /** GB 11643: 18 characters, ISO 7064 MOD 11-2 check character (X), real birth date, known area. */
  resident_id: z.strictObject({
    /** First-generation 15-digit numbers (no check character; the cards expired in 2013). */
    allowLegacy15: z.boolean().default(false),
    /** GB 11643 writes the check character as capital X; a lowercase x is a defect unless allowed. */
    acceptLowercaseX: z.boolean().default(false),
    /** Check the province and known retired area codes against the birth year. */
    checkAreaCode: z.boolean().default(true),
  }),
  /** GB 32100: 18 characters of the code alphabet with a MOD 31 check character. */
  credit_code: z.strictObject({ acceptLowercase: z.boolean().default(false) }),
  /** 11 digits in a block MIIT has allocated; `allowFormatting` also accepts +86, spaces and dashes. */
  mobile: z.strictObject({ allowFormatting: z.boolean().default(false) }),
  /** Every value must be a value of `field` (default: its only key field) in another published dataset. */
  reference: z.strictObject({
    datasetId: z.uuid(),
    field: z.string().min(1).max(63).optional(),
  }),
  /** 一数一源: the open conflicts of this dataset against the authoritative sources it is bound to. */
  consistency: z.strictObject({}),
  /** Rows not (re)delivered within the dataset's update frequency (or `maxAgeHours`) are stale. */
  freshness: z.strictObject({ maxAgeHours: z.number().int().min(1).max(87_840).optional() }),
  /**
   * The platform admin's own check: one SELECT (or WITH … SELECT) returning the key columns of the
   * offending rows. It runs read-only with a time limit; the dataset's table is `data."<code>"`.
   */
  custom_sql: z.strictObject({
    sql: z.string().trim().min(8).max(5000),
    dimension: QualityDimension.default('validity'),
    description: z.string().trim().max(200).default(''),
  }),
} satisfies Record<RuleKind, z.ZodType>;

/** The dimension each kind scores (a custom SQL check names its own). */
export const DIMENSION_OF: Record<Exclude<RuleKind, 'custom_sql'>, QualityDimension> = {
  required: 'completeness',
  unique: 'uniqueness',
  pattern: 'validity',
  enum: 'validity',
  range: 'validity',
  length: 'validity',
  resident_id: 'validity',
  credit_code: 'validity',
  mobile: 'validity',
  reference: 'consistency',
  consistency: 'consistency',
  freshness: 'timeliness',
};

const fieldName = z.string().min(1).max(63);
const common = { severity: RuleSeverity.default('error'), enabled: z.boolean().default(true) };
// Kinds whose parameters all have defaults may leave `params` out.
const fieldRule = <K extends RuleKind, P extends z.ZodType>(kind: K, params: P) =>
  z.object({ kind: z.literal(kind), field: fieldName, params, ...common });
const datasetRule = <K extends RuleKind, P extends z.ZodType>(kind: K, params: P) =>
  z.object({ kind: z.literal(kind), field: z.null().default(null), params, ...common });

export const CreateRuleBody = z.discriminatedUnion('kind', [
  fieldRule('required', RuleParams.required.prefault({})),
  fieldRule('unique', RuleParams.unique.prefault({})),
  fieldRule('pattern', RuleParams.pattern),
  fieldRule('enum', RuleParams.enum),
  fieldRule('range', RuleParams.range),
  fieldRule('length', RuleParams.length),
  fieldRule('resident_id', RuleParams.resident_id.prefault({})),
  fieldRule('credit_code', RuleParams.credit_code.prefault({})),
  fieldRule('mobile', RuleParams.mobile.prefault({})),
  fieldRule('reference', RuleParams.reference),
  datasetRule('consistency', RuleParams.consistency.prefault({})),
  datasetRule('freshness', RuleParams.freshness.prefault({})),
  datasetRule('custom_sql', RuleParams.custom_sql),
]);
export type CreateRuleBody = z.infer<typeof CreateRuleBody>;
/** Parameters are checked against the rule's kind on the server. */
export const UpdateRuleBody = z
  .strictObject({
    severity: RuleSeverity.optional(),
    enabled: z.boolean().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const QualityRule = z.object({
  id: z.uuid(),
  datasetId: z.uuid(),
  field: z.string().nullable(),
  kind: RuleKind,
  dimension: QualityDimension,
  params: z.record(z.string(), z.unknown()),
  severity: RuleSeverity,
  enabled: z.boolean(),
  /** Proposed by the platform from the field list; the data officer may disable it. */
  suggested: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QualityRule = z.infer<typeof QualityRule>;
export const QualityRuleList = z.object({ items: z.array(QualityRule) });
export const RuleIdParams = z.object({ id: z.uuid() });

/** Scores 0–100; null when no enabled rule of that dimension had anything to check. */
export const QualityScores = z.object({
  overall: z.number().nullable(),
  completeness: z.number().nullable(),
  validity: z.number().nullable(),
  uniqueness: z.number().nullable(),
  consistency: z.number().nullable(),
  timeliness: z.number().nullable(),
});
export type QualityScores = z.infer<typeof QualityScores>;

export const RunTrigger = z.enum(['import', 'schedule', 'manual', 'complaint']);
export const RunStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type RunStatus = z.infer<typeof RunStatus>;

export const QualityRun = z.object({
  id: z.uuid(),
  datasetId: z.uuid(),
  datasetCode: z.string(),
  trigger: RunTrigger,
  status: RunStatus,
  jobId: z.uuid().nullable(),
  rowCount: z.number().int().nullable(),
  /** Offending rows summed over the rules (a row failing two rules counts twice). */
  problems: z.number().int(),
  scores: QualityScores,
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type QualityRun = z.infer<typeof QualityRun>;
export const QualityRunPage = page(QualityRun);

/** One offending row: its key, the values the rule looked at, and why it failed when the rule says. */
export const ProblemSample = z.object({
  key: z.record(z.string(), z.string().nullable()),
  values: z.record(z.string(), z.string().nullable()),
  reason: z.string().nullable(),
});
export type ProblemSample = z.infer<typeof ProblemSample>;

export const RuleResult = z.object({
  ruleId: z.uuid(),
  kind: RuleKind,
  field: z.string().nullable(),
  dimension: QualityDimension,
  severity: RuleSeverity,
  /** Values (or rows) the rule looked at; 0 means it did not apply. */
  checked: z.number().int(),
  failed: z.number().int(),
  /** 0–1, null when nothing was checked or the rule could not run. */
  passRate: z.number().nullable(),
  /** Why the rule could not run (zh / en), e.g. a referenced dataset that is gone. */
  error: z.string().nullable(),
  /** Counts per failure reason (checksum rules: check_char, birth_date, lowercase_x …). */
  reasons: z.record(z.string(), z.number().int()),
  samples: z.array(ProblemSample),
  details: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
export type RuleResult = z.infer<typeof RuleResult>;

export const QualityRunDetail = QualityRun.extend({
  results: z.array(RuleResult),
  /** True when sample values were masked for this reader (only the owner's data officers and the admin see them in clear). */
  samplesMasked: z.boolean(),
});
export type QualityRunDetail = z.infer<typeof QualityRunDetail>;
export const RunListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ScorePoint = QualityScores.extend({ at: z.string() });
export type ScorePoint = z.infer<typeof ScorePoint>;
export const DatasetQuality = z.object({
  datasetId: z.uuid(),
  latest: QualityRun.nullable(),
  /** A run queued or under way, if any. */
  active: QualityRun.nullable(),
  /** Succeeded runs of the last `days`, oldest first. */
  history: z.array(ScorePoint.extend({ runId: z.uuid() })),
  /** Whether the reader may change rules and start runs. */
  canManage: z.boolean(),
  /** Whether the reader may open the problem lists. */
  canSeeProblems: z.boolean(),
});
export type DatasetQuality = z.infer<typeof DatasetQuality>;
export const HistoryQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(90) });

export const DashboardQuery = z.object({
  org: z.uuid().optional(),
  days: z.coerce.number().int().min(1).max(366).default(90),
});
export const QualityDashboard = z.object({
  scope: z.object({ orgId: z.uuid().nullable(), orgName: z.string().nullable() }),
  totals: z.object({
    datasets: z.number().int(),
    checked: z.number().int(),
    problems: z.number().int(),
    overall: z.number().nullable(),
    openComplaints: z.number().int(),
    overdueComplaints: z.number().int(),
  }),
  orgs: z.array(
    QualityScores.extend({
      orgId: z.uuid(),
      orgName: z.string(),
      datasets: z.number().int(),
      problems: z.number().int(),
    }),
  ),
  datasets: z.array(
    QualityScores.extend({
      datasetId: z.uuid(),
      datasetCode: z.string(),
      datasetName: z.string(),
      ownerOrgId: z.uuid(),
      ownerOrgName: z.string(),
      rowCount: z.number().int().nullable(),
      problems: z.number().int(),
      lastRunAt: z.string().nullable(),
    }),
  ),
  /** Per organisation and day: the mean of its datasets' latest overall scores that day. */
  trend: z.array(
    QualityScores.extend({
      day: z.string(),
      orgId: z.uuid(),
      orgName: z.string(),
      datasets: z.number().int(),
    }),
  ),
  /** Offending rows of the latest runs per organisation and rule kind. */
  problems: z.array(
    z.object({ orgId: z.uuid(), orgName: z.string(), kind: RuleKind, failed: z.number().int() }),
  ),
});
export type QualityDashboard = z.infer<typeof QualityDashboard>;

// Complaints (质量申诉)

export const ComplaintStatus = z.enum(['open', 'answered', 'corrected', 'closed']);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;
export const ComplaintSource = z.enum(['staff', 'data_subject']);

export const RaiseComplaintBody = z.object({
  datasetId: z.uuid(),
  /** The record's key: every key field of the dataset with its value. */
  recordKey: z.record(z.string(), z.string().trim().min(1).max(200)).optional(),
  field: z.string().min(1).max(63).optional(),
  text: z.string().trim().min(5).max(2000),
});
export type RaiseComplaintBody = z.infer<typeof RaiseComplaintBody>;
export const AnswerComplaintBody = z.object({
  outcome: z.enum(['answered', 'corrected']),
  answer: z.string().trim().min(2).max(2000),
});
export const CloseComplaintBody = z.object({ feedback: z.string().trim().max(1000).default('') });

export const Complaint = z.object({
  id: z.uuid(),
  datasetId: z.uuid(),
  datasetCode: z.string(),
  datasetName: z.string(),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  recordKey: z.record(z.string(), z.string()).nullable(),
  /** True when the record key is shown masked to this reader. */
  keyMasked: z.boolean(),
  field: z.string().nullable(),
  fieldTitle: z.string().nullable(),
  text: z.string(),
  source: ComplaintSource,
  complainantName: z.string(),
  complainantOrgName: z.string().nullable(),
  status: ComplaintStatus,
  /** The last working day the owner has to answer (Asia/Shanghai), as YYYY-MM-DD. */
  deadline: z.string(),
  /** Open past its deadline. */
  overdue: z.boolean(),
  /** Answered after its deadline. */
  answeredLate: z.boolean(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  feedback: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  mine: z.boolean(),
  canAnswer: z.boolean(),
  canClose: z.boolean(),
});
export type Complaint = z.infer<typeof Complaint>;
export const ComplaintPage = page(Complaint);
export const ComplaintListQuery = z.object({
  /** `mine`: raised by me; `inbox`: on my organisation's datasets (data officers; everything for the admin). */
  box: z.enum(['mine', 'inbox']).default('mine'),
  status: ComplaintStatus.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  dataset: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// The working-day calendar (法定节假日与调休)

export const CalendarDayKind = z.enum(['holiday', 'workday']);
export const IsoDate = z.iso.date();
export const CalendarDay = z.object({
  date: IsoDate,
  /** `holiday`: a day off that would otherwise be worked; `workday`: a weekend day worked instead (调休). */
  kind: CalendarDayKind,
  name: z.string(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;
export const CalendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const CalendarDayParams = z.object({ date: IsoDate });
/** Why the calendar changes (the notice it follows, a decision taken): it goes to the audit ledger. */
const CalendarReason = z.string().trim().min(2).max(200);
export const PutCalendarDayBody = z.object({
  kind: CalendarDayKind,
  name: z.string().trim().min(1).max(40),
  reason: CalendarReason,
});
export type PutCalendarDayBody = z.infer<typeof PutCalendarDayBody>;
export const DeleteCalendarDayQuery = z.object({ reason: CalendarReason });
export const CalendarYear = z.object({
  year: z.number().int(),
  days: z.array(CalendarDay),
  /** False when no holiday of that year is on record: deadlines then count Monday to Friday only. */
  known: z.boolean(),
});
export type CalendarYear = z.infer<typeof CalendarYear>;
