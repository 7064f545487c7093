import type { OpenUsageCounts, OpenUsageDay, OpenUsageReport } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { notFound } from '../../../platform/errors.ts';
import type { OrgsService } from '../../orgs/index.ts';
import { chinaDay } from '../../quality/index.ts';
import { findOpenDatasetByCode } from '../open.repo.ts';
import * as repo from './usage.repo.ts';

export type { UsageKind } from './usage.repo.ts';

const DAYS = 30;
const MS_PER_DAY = 86_400_000;

/** The `n` calendar days up to and including `last`, oldest first. */
const daysUpTo = (last: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(`${last}T00:00:00Z`) - (n - 1 - i) * MS_PER_DAY).toISOString().slice(0, 10),
  );

/**
 * Usage statistics of open data (使用统计): the open routes count each view, download and API call
 * of a dataset in a per-day counter; reports read the counters, never the ledger.
 */
export function createUsageService(deps: { db: Db; orgs: OrgsService; now?: () => Date }) {
  const { db, orgs } = deps;
  const now = deps.now ?? (() => new Date());

  async function report(
    scope: { datasetId: string } | { orgId: string },
    head: Pick<OpenUsageReport, 'scope' | 'id' | 'code' | 'name'>,
  ): Promise<OpenUsageReport> {
    const days = daysUpTo(chinaDay(now()), DAYS);
    const rows = new Map((await repo.daily(db, scope, days[0] as string)).map((r) => [r.day, r]));
    const series: OpenUsageDay[] = days.map((day) => {
      const r = rows.get(day);
      return { day, views: r?.views ?? 0, downloads: r?.downloads ?? 0, apiCalls: r?.apiCalls ?? 0 };
    });
    const last30: OpenUsageCounts = { views: 0, downloads: 0, apiCalls: 0 };
    for (const d of series) {
      last30.views += d.views;
      last30.downloads += d.downloads;
      last30.apiCalls += d.apiCalls;
    }
    return { ...head, days: series, last30, total: await repo.totals(db, scope) };
  }

  /** One more view, download or API call of an open dataset, on today's counter. */
  const count = (kind: repo.UsageKind, d: { id: string; owner_org_id: string }) =>
    repo.bump(db, kind, d, chinaDay(now()));

  return {
    count,
    /** As `count`, by the dataset's code; a code that is not open data is not found. */
    async countCode(kind: repo.UsageKind, code: string): Promise<void> {
      const d = await findOpenDatasetByCode(db, code);
      if (!d) throw notFound('dataset', code);
      await count(kind, d);
    },

    /** All-time downloads of each dataset (by id), for rankings such as the portal's most downloaded. */
    downloadsByDataset: () => repo.downloadsByDataset(db),

    async datasetUsage(code: string): Promise<OpenUsageReport> {
      const d = await findOpenDatasetByCode(db, code);
      if (!d) throw notFound('dataset', code);
      return report({ datasetId: d.id }, { scope: 'dataset', id: d.id, code: d.code, name: d.name });
    },

    async orgUsage(orgId: string): Promise<OpenUsageReport> {
      const org = (await orgs.findOrgs([orgId]))[0];
      if (!org) throw notFound('org', orgId);
      return report({ orgId }, { scope: 'org', id: org.id, code: org.code, name: org.name });
    },
  };
}

export type UsageService = ReturnType<typeof createUsageService>;
export type UsageCounter = Pick<UsageService, 'count' | 'countCode'>;
