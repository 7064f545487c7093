import type { Dataset, QualityDashboard } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { ComplaintsService } from './complaints.service.ts';
import { toRun } from './quality.dto.ts';
import { isAdmin } from './quality.policy.ts';
import * as repo from './quality.repo.ts';
import { aggregate } from './quality.scores.ts';

/**
 * The 数据质量 dashboard: the latest scores of each dataset, per organisation, their daily trend,
 * offending rows per organisation and rule kind, and open and overdue complaints. The platform admin
 * sees every organisation (or picks one); everyone else sees their own organisation.
 */
export function createDashboard(deps: {
  db: Db;
  complaints: ComplaintsService;
  findDataset: (id: string) => Promise<Dataset | undefined>;
  orgNames: (ids: string[]) => Promise<Map<string, string>>;
}) {
  const { db } = deps;
  return async function dashboard(
    actor: Actor,
    q: { org?: string; days: number },
  ): Promise<QualityDashboard> {
    const a = requireSignedIn(actor);
    if (!isAdmin(a) && q.org && q.org !== a.orgId)
      throw new AppError('forbidden', { need: 'platform_admin (another organisation’s scores)' });
    const orgId = isAdmin(a) ? (q.org ?? null) : a.orgId;
    const latest = [];
    for (const run of await repo.latestRuns(db, orgId)) {
      const ds = await deps.findDataset(run.dataset_id);
      // Retired datasets (and ones that changed hands since) no longer count for the organisation.
      if (ds?.status === 'published' && ds.ownerOrgId === run.org_id) latest.push({ run, ds });
    }
    const [trendRows, byKind, open] = [
      await repo.orgDays(db, orgId, q.days),
      await repo.problemsByKind(
        db,
        latest.map((l) => l.run.id),
      ),
      await deps.complaints.openCounts(orgId),
    ];
    const names = await deps.orgNames([
      ...new Set([
        ...latest.map((l) => l.run.org_id),
        ...trendRows.map((r) => r.org_id),
        ...(orgId ? [orgId] : []),
      ]),
    ]);
    const perOrg = new Map<string, typeof latest>();
    for (const l of latest) perOrg.set(l.run.org_id, [...(perOrg.get(l.run.org_id) ?? []), l]);
    const orgOfRun = new Map(latest.map((l) => [l.run.id, l.run.org_id]));
    const problems = new Map<
      string,
      { orgId: string; kind: (typeof byKind)[number]['kind']; failed: number }
    >();
    for (const p of byKind) {
      const org = orgOfRun.get(p.run_id) as string;
      const k = `${org}:${p.kind}`;
      const entry = problems.get(k) ?? { orgId: org, kind: p.kind, failed: 0 };
      entry.failed += p.failed;
      problems.set(k, entry);
    }
    const overall = aggregate(latest.map((l) => l.run)).overall;
    return {
      scope: { orgId, orgName: orgId ? (names.get(orgId) ?? null) : null },
      totals: {
        datasets: latest.length,
        checked: latest.reduce((n, l) => n + Number(l.run.row_count ?? 0), 0),
        problems: latest.reduce((n, l) => n + Number(l.run.problems), 0),
        overall,
        openComplaints: open.reduce((n, o) => n + o.open, 0),
        overdueComplaints: open.reduce((n, o) => n + o.overdue, 0),
      },
      orgs: [...perOrg.entries()]
        .map(([id, runs]) => ({
          orgId: id,
          orgName: names.get(id) ?? '',
          datasets: runs.length,
          problems: runs.reduce((n, l) => n + Number(l.run.problems), 0),
          ...aggregate(runs.map((l) => l.run)),
        }))
        .sort((x, y) => (x.overall ?? 101) - (y.overall ?? 101)),
      datasets: latest
        .map(({ run, ds }) => ({
          datasetId: ds.id,
          datasetCode: ds.code,
          datasetName: ds.name,
          ownerOrgId: ds.ownerOrgId,
          ownerOrgName: ds.ownerOrgName,
          rowCount: run.row_count === null ? null : Number(run.row_count),
          problems: Number(run.problems),
          lastRunAt: toRun(run).finishedAt,
          ...toRun(run).scores,
        }))
        .sort((x, y) => (x.overall ?? 101) - (y.overall ?? 101)),
      trend: trendRows.map((r) => ({
        day: r.day,
        orgId: r.org_id,
        orgName: names.get(r.org_id) ?? '',
        datasets: r.datasets,
        overall: r.overall,
        completeness: r.completeness,
        validity: r.validity,
        uniqueness: r.uniqueness,
        consistency: r.consistency,
        timeliness: r.timeliness,
      })),
      problems: [...problems.values()]
        .filter((p) => p.failed > 0)
        .map((p) => ({ ...p, orgName: names.get(p.orgId) ?? '' })),
    };
  };
}
