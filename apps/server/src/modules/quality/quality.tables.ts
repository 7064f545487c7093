import type { ComplaintStatus, QualityDimension, RuleKind, RuleSeverity, RunStatus } from '@shuzhi/contracts';
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
/** A `date` column: always selected as `::text` (YYYY-MM-DD), never as a JavaScript Date in local time. */
type Day = ColumnType<string, string, string>;

/** Per-dimension scores 0–100, null when nothing of that dimension was checked. */
export type ScoreColumns = {
  overall: number | null;
  completeness: number | null;
  validity: number | null;
  uniqueness: number | null;
  consistency: number | null;
  timeliness: number | null;
};

export interface RuleTable {
  id: string;
  dataset_id: string;
  field: string | null;
  kind: RuleKind;
  dimension: QualityDimension;
  params: Json<Record<string, unknown>>;
  severity: RuleSeverity;
  enabled: boolean;
  suggested: boolean;
  created_by: string;
  created_by_name: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** What the platform remembers per dataset: when it proposed the default rules (once). */
export interface DatasetStateTable {
  dataset_id: string;
  suggested_at: Date;
}

export interface RunTable extends ScoreColumns {
  id: string;
  dataset_id: string;
  dataset_code: string;
  /** The owner when the run was made: organisation scores aggregate by it. */
  org_id: string;
  trigger: 'import' | 'schedule' | 'manual' | 'complaint';
  status: RunStatus;
  job_id: string | null;
  row_count: number | null;
  problems: Generated<number>;
  error: string | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
}

export type StoredSample = {
  key: Record<string, string | null>;
  values: Record<string, string | null>;
  reason: string | null;
};

export interface RuleResultTable {
  run_id: string;
  rule_id: string;
  kind: RuleKind;
  field: string | null;
  dimension: QualityDimension;
  severity: RuleSeverity;
  checked: number;
  failed: number;
  error: string | null;
  reasons: Json<Record<string, number>>;
  /** Offending rows in clear (personal data): masked on the way out unless the reader may see them. */
  samples: Json<StoredSample[]>;
  details: Json<Record<string, string | number | null>[]>;
}

export interface OrgDayTable extends ScoreColumns {
  org_id: string;
  day: Day;
  datasets: number;
  problems: number;
}

export interface ComplaintTable {
  id: string;
  dataset_id: string;
  dataset_code: string;
  owner_org_id: string;
  record_key: Json<Record<string, string>> | null;
  field: string | null;
  text: string;
  source: 'staff' | 'data_subject';
  complainant_id: string;
  complainant_name: string;
  complainant_org_id: string | null;
  status: ComplaintStatus;
  deadline: Day;
  answer: string | null;
  answered_by: string | null;
  answered_by_name: string | null;
  answered_at: Date | null;
  feedback: string | null;
  closed_by: string | null;
  closed_at: Date | null;
  created_at: Generated<Date>;
}

export interface CalendarDayTable {
  day: Day;
  kind: 'holiday' | 'workday';
  name: string;
  updated_by_name: string;
  updated_at: Generated<Date>;
}

/** The scheduler chain's current job (one row). */
export interface ScheduleTable {
  id: number;
  job_id: string;
  run_at: Date;
}

export interface QualityTables {
  'quality.rule': RuleTable;
  'quality.dataset_state': DatasetStateTable;
  'quality.run': RunTable;
  'quality.rule_result': RuleResultTable;
  'quality.org_day': OrgDayTable;
  'quality.complaint': ComplaintTable;
  'quality.calendar_day': CalendarDayTable;
  'quality.schedule': ScheduleTable;
}
