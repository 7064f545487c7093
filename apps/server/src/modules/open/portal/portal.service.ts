import type {
  Org,
  PortalDatasetProfile,
  PortalDatasetStats,
  PortalOrganization,
  PortalSearchQuery,
  PortalSummary,
  Theme,
} from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { notFound } from '../../../platform/errors.ts';
import type { OrgsService } from '../../orgs/index.ts';
import { orgSlugOf, slugOf } from '../open.names.ts';
import * as repo from '../open.repo.ts';
import { orgsById, toCard } from './portal.cards.ts';
import { type PortalSources, profileOf } from './portal.profile.ts';
import { searchDatasets } from './portal.search.ts';
import { numericStats } from './portal.stats.ts';

export type { PortalSources } from './portal.profile.ts';

/** How long the home figures are kept: they count every listed table's rows. */
export const SUMMARY_TTL_MS = 60_000;
const TILES = 6;

/**
 * The public portal's reads beyond CKAN's: home figures, faceted search, dataset profiles and
 * organisations over every listed dataset (open unconditionally or on conditions); numeric
 * statistics of the unconditionally open ones only, since they read the rows.
 */
export function createOpenPortal(deps: {
  db: Db;
  orgs: OrgsService;
  sources: PortalSources;
  /** All-time downloads per dataset id, from the usage counters of open data (never the ledger). */
  downloads: () => Promise<Map<string, number>>;
  now?: () => number;
}) {
  const { db, orgs, sources } = deps;
  const now = deps.now ?? Date.now;
  let cached: { at: number; value: PortalSummary } | null = null;

  async function countSummary(): Promise<PortalSummary> {
    const rows = await repo.listOpenDatasets(db, 'listed');
    const [stats, downloads, byOrg] = await Promise.all([
      repo
        .tableStatsOf(
          db,
          rows.map((r) => r.code),
        )
        .then((m) => rows.map((r) => m.get(r.code) as repo.TableStats)),
      deps.downloads(),
      orgsById(
        orgs,
        rows.map((r) => r.owner_org_id),
      ),
    ]);
    const statsOf = new Map(rows.map((r, i) => [r.id, stats[i] as repo.TableStats]));
    const card = (r: repo.OpenDatasetRow) =>
      toCard(r, byOrg.get(r.owner_org_id), statsOf.get(r.id) as repo.TableStats);
    const themes = new Map<string, number>();
    for (const r of rows) themes.set(r.theme, (themes.get(r.theme) ?? 0) + 1);
    const dl = (r: repo.OpenDatasetRow) => downloads.get(r.id) ?? 0;
    const open = rows.filter((r) => r.open_type === 'unconditional');
    return {
      figures: {
        datasets: rows.length,
        unconditional: open.length,
        conditional: rows.length - open.length,
        // Only unconditionally open tables answer datastore_search.
        apis: open.filter((r) => {
          const s = statsOf.get(r.id);
          return s?.exists && s.rows > 0;
        }).length,
        records: stats.reduce((n, s) => n + s.rows, 0),
        organizations: new Set(rows.map((r) => r.owner_org_id)).size,
        downloads: rows.reduce((n, r) => n + dl(r), 0),
      },
      themes: [...themes.entries()]
        .map(([theme, count]) => ({ theme: theme as Theme, count }))
        .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme)),
      latest: [...rows]
        .sort((a, b) => +new Date(b.updated_at) - +new Date(a.updated_at))
        .slice(0, TILES)
        .map(card),
      popular: rows
        .filter((r) => dl(r) > 0)
        .sort((a, b) => dl(b) - dl(a) || slugOf(a.code).localeCompare(slugOf(b.code)))
        .slice(0, TILES)
        .map(card),
      countedAt: new Date(now()).toISOString(),
    };
  }

  /** Listed and unconditionally open datasets per organisation id. */
  const orgCounts = () => Promise.all([repo.countsByOrg(db, 'listed'), repo.countsByOrg(db)]);
  const entry = (o: Org, listed: number, open: number): PortalOrganization => ({
    id: o.id,
    name: orgSlugOf(o.code),
    title: o.name,
    titleEn: o.nameEn ?? null,
    datasets: listed,
    unconditional: open,
    conditional: listed - open,
  });

  return {
    /** The home page: figures, themes, the latest and the most downloaded datasets. */
    async summary(): Promise<PortalSummary> {
      if (cached && now() - cached.at < SUMMARY_TTL_MS) return cached.value;
      const value = await countSummary();
      cached = { at: now(), value };
      return value;
    },

    search: (q: PortalSearchQuery) => searchDatasets(db, orgs, q),

    /** Attributes, fields, row count, quality score and update history of one listed dataset. */
    async profile(name: string): Promise<PortalDatasetProfile> {
      const d = await repo.findOpenDataset(db, name, 'listed');
      if (!d) throw notFound('dataset', name);
      const [org, stats] = await Promise.all([orgsById(orgs, [d.owner_org_id]), repo.tableStats(db, d.code)]);
      return profileOf(d, org.get(d.owner_org_id), stats, sources);
    },

    /** Count, range, mean and histogram of each open numeric field of an unconditionally open dataset. */
    async stats(name: string): Promise<PortalDatasetStats> {
      const d = await repo.findOpenDataset(db, name);
      if (!d) throw notFound('dataset', name);
      return { name: slugOf(d.code), ...(await numericStats(db, d)) };
    },

    /** The organisations with listed datasets, most first. */
    async organizations(): Promise<PortalOrganization[]> {
      const [listed, open] = await orgCounts();
      const byId = await orgsById(orgs, [...listed.keys()]);
      return [...listed.entries()]
        .flatMap(([id, n]) => {
          const o = byId.get(id);
          return o ? [entry(o, n, open.get(id) ?? 0)] : [];
        })
        .sort((a, b) => b.datasets - a.datasets || a.name.localeCompare(b.name));
    },

    /** One organisation by its CKAN name; one without listed datasets is not found. */
    async organization(name: string): Promise<PortalOrganization> {
      const org = await orgs.findOrgByCode(name.toUpperCase());
      const [listed, open] = org ? await orgCounts() : [new Map(), new Map()];
      const n = org ? (listed.get(org.id) ?? 0) : 0;
      if (!org || n === 0) throw notFound('org', name);
      return entry(org, n, open.get(org.id) ?? 0);
    },
  };
}

export type OpenPortal = ReturnType<typeof createOpenPortal>;
