import type { GrantStatus, ShareApp, ShareGrant, ShareRequest } from '@shuzhi/contracts';
import type { GrantRow, RequestRow } from './requests.repo.ts';

export type ViewSources = {
  orgNames: (ids: string[]) => Promise<Map<string, string>>;
  app: (id: string) => Promise<ShareApp | undefined>;
  /** Calls each grant made today, by grant id. */
  callsToday: (grantIds: string[]) => Promise<Map<string, number>>;
};

/** A grant's state on a day: revoked, or active only within its period. */
export function grantStatus(
  g: Pick<GrantRow, 'status' | 'period_start' | 'period_end'>,
  day: string,
): GrantStatus {
  if (g.status === 'revoked') return 'revoked';
  if (day < g.period_start) return 'not_started';
  if (day > g.period_end) return 'expired';
  return 'active';
}

/** Rows as the API shows them, with the names of organisations and apps. */
export function createViews(src: ViewSources) {
  async function apps(ids: string[]) {
    const out = new Map<string, ShareApp>();
    for (const id of new Set(ids)) out.set(id, (await src.app(id)) ?? { id, clientId: '', name: id });
    return out;
  }

  async function requests(rows: RequestRow[], day: string): Promise<ShareRequest[]> {
    const names = await src.orgNames([...new Set(rows.flatMap((r) => [r.owner_org_id, r.consumer_org_id]))]);
    const byId = await apps(rows.map((r) => r.client_id));
    return rows.map((r) => ({
      id: r.id,
      datasetCode: r.dataset_code,
      datasetName: r.dataset_name,
      shareType: r.share_type,
      approver: r.share_type === 'conditional' ? 'owner' : 'platform',
      ownerOrgId: r.owner_org_id,
      ownerOrgName: names.get(r.owner_org_id) ?? '',
      consumerOrgId: r.consumer_org_id,
      consumerOrgName: names.get(r.consumer_org_id) ?? '',
      app: byId.get(r.client_id) as ShareApp,
      fields: r.fields,
      purpose: r.purpose,
      legalBasis: r.legal_basis,
      consentRequired: r.consent_required,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      dailyQuota: r.daily_quota,
      areaField: r.area_field,
      areaCode: r.area_code,
      status: r.status,
      submittedByName: r.submitted_by_name,
      submittedAt: r.submitted_at.toISOString(),
      deadline: r.deadline,
      overdue: r.status === 'pending' && day > r.deadline,
      messages: r.messages,
      decidedAt: r.decided_at?.toISOString() ?? null,
      decidedByName: r.decided_by_name,
      decisionNote: r.decision_note,
      grantId: r.grant_id,
    }));
  }

  async function grants(
    rows: GrantRow[],
    day: string,
    titles: (g: GrantRow) => Map<string, string>,
  ): Promise<ShareGrant[]> {
    const names = await src.orgNames([...new Set(rows.flatMap((r) => [r.owner_org_id, r.consumer_org_id]))]);
    const byId = await apps(rows.map((r) => r.client_id));
    const calls = await src.callsToday(rows.map((r) => r.id));
    return rows.map((g) => {
      const title = titles(g);
      return {
        id: g.id,
        requestId: g.request_id,
        datasetCode: g.dataset_code,
        datasetName: g.dataset_name,
        ownerOrgId: g.owner_org_id,
        ownerOrgName: names.get(g.owner_org_id) ?? '',
        consumerOrgId: g.consumer_org_id,
        consumerOrgName: names.get(g.consumer_org_id) ?? '',
        app: byId.get(g.client_id) as ShareApp,
        fields: g.fields.map((name) => ({ name, title: title.get(name) ?? name })),
        purpose: g.purpose,
        consentRequired: g.consent_required,
        periodStart: g.period_start,
        periodEnd: g.period_end,
        dailyQuota: g.daily_quota,
        areaField: g.area_field,
        areaCode: g.area_code,
        status: grantStatus(g, day),
        createdAt: g.created_at.toISOString(),
        revokedAt: g.revoked_at?.toISOString() ?? null,
        revokedByName: g.revoked_by_name,
        revokeReason: g.revoke_reason,
        callsToday: calls.get(g.id) ?? 0,
      };
    });
  }

  return {
    requests,
    request: async (row: RequestRow, day: string) => (await requests([row], day))[0] as ShareRequest,
    grants,
  };
}

export type SharingViews = ReturnType<typeof createViews>;
