import type {
  CannotOpenReason,
  DataRequestOutcome,
  DataRequestStatus,
  WantedFormat,
} from '@shuzhi/contracts';
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
/** A `date` column: always selected as `::text` (YYYY-MM-DD), never as a JavaScript Date in local time. */
type Day = ColumnType<string, string, string>;

export interface DataRequestTable {
  id: string;
  title: string;
  description: string;
  fields: string;
  formats: Json<WantedFormat[]>;
  purpose: string;
  requester_id: string | null;
  requester_name: string | null;
  contact_email: string | null;
  suggested_org_id: string | null;
  assigned_org_id: string | null;
  assigned_by: string | null;
  assigned_by_name: string | null;
  assigned_at: Date | null;
  status: DataRequestStatus;
  deadline: Day;
  outcome: DataRequestOutcome | null;
  reason: CannotOpenReason | null;
  answer: string | null;
  dataset_id: string | null;
  dataset_code: string | null;
  planned_date: Day | null;
  answered_by: string | null;
  answered_by_name: string | null;
  answered_at: Date | null;
  reject_reason: string | null;
  rejected_by: string | null;
  rejected_at: Date | null;
  /** Lower-cased title and description: what the public search matches. */
  search_text: string;
  created_at: Generated<Date>;
}

export interface RatingTable {
  dataset_id: string;
  user_id: string;
  stars: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CommentTable {
  id: string;
  dataset_id: string;
  dataset_code: string;
  owner_org_id: string;
  author_id: string;
  author_name: string;
  text: string;
  created_at: Generated<Date>;
  reply: string | null;
  reply_org_id: string | null;
  reply_org_name: string | null;
  replied_by: string | null;
  replied_by_name: string | null;
  replied_at: Date | null;
  hidden_at: Date | null;
  hidden_by: string | null;
  hidden_by_name: string | null;
  hidden_reason: string | null;
}

export interface UsageDayTable {
  dataset_id: string;
  day: Day;
  org_id: string;
  views: Generated<number>;
  downloads: Generated<number>;
  api_calls: Generated<number>;
}

export interface OpenCommunityTables {
  'open_community.data_request': DataRequestTable;
  'open_community.rating': RatingTable;
  'open_community.comment': CommentTable;
  'open_community.usage_day': UsageDayTable;
}
