import type { DataRequest } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { OrgsService } from '../../orgs/index.ts';
import { chinaDay } from '../../quality/index.ts';
import { findOpenDatasetByCode } from '../open.repo.ts';
import { canAnswer, canAssign, canReadContact, canReject, isAdmin, isRequester } from './community.policy.ts';
import type { RequestRow } from './requests.repo.ts';

export type Names = { orgs: Map<string, string>; datasets: Map<string, string> };

/** The names a page of requests shows: its organisations, and the open datasets its answers link. */
export async function namesOf(db: Db, orgs: OrgsService, rows: RequestRow[]): Promise<Names> {
  const orgIds = new Set(
    rows.flatMap((r) => [r.suggested_org_id, r.assigned_org_id].filter((x) => x !== null)),
  );
  const datasets = new Map<string, string>();
  for (const code of new Set(rows.flatMap((r) => (r.dataset_code ? [r.dataset_code] : [])))) {
    const d = await findOpenDatasetByCode(db, code);
    if (d) datasets.set(code, d.name);
  }
  return { orgs: new Map((await orgs.findOrgs([...orgIds])).map((o) => [o.id, o.name])), datasets };
}

const orgRef = (id: string | null, names: Names) => (id ? { id, name: names.orgs.get(id) ?? '' } : null);

/** A request as the public sees it: no contact, no requester identity, only the flags the reader has. */
export function toDataRequest(a: Actor, r: RequestRow, names: Names, today: string): DataRequest {
  const pending = r.status === 'submitted' || r.status === 'assigned';
  const answeredDay = r.answered_at ? chinaDay(r.answered_at) : null;
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    fields: r.fields,
    formats: r.formats,
    purpose: r.purpose,
    requesterKind: r.requester_id ? 'registered' : 'anonymous',
    suggestedOrg: orgRef(r.suggested_org_id, names),
    assignedOrg: orgRef(r.assigned_org_id, names),
    status: r.status,
    deadline: r.deadline,
    overdue: pending && today > r.deadline,
    answeredLate: answeredDay !== null && answeredDay > r.deadline,
    outcome: r.outcome,
    reason: r.reason,
    answer: r.answer,
    datasetCode: r.dataset_code,
    datasetName: r.dataset_code ? (names.datasets.get(r.dataset_code) ?? null) : null,
    plannedDate: r.planned_date,
    answeredAt: r.answered_at?.toISOString() ?? null,
    assignedAt: r.assigned_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    rejectReason: isAdmin(a) || isRequester(a, r) ? r.reject_reason : null,
    mine: isRequester(a, r),
    canAssign: canAssign(a, r),
    canAnswer: canAnswer(a, r),
    canReject: canReject(a, r),
    canReadContact: canReadContact(a, r),
  };
}
