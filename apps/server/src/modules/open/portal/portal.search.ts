import type {
  Org,
  PortalFacetName,
  PortalSearchQuery,
  PortalSearchResult,
  PortalSort,
} from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import type { OrgsService } from '../../orgs/index.ts';
import { orgSlugOf } from '../open.names.ts';
import * as repo from '../open.repo.ts';
import { FORMATS, orgsById, toCard } from './portal.cards.ts';

type FacetRow = Awaited<ReturnType<typeof repo.facetSource>>[number];

/** A chosen facet value as a clause for the query and as a test on a facet row, which must agree. */
type Filter = { clause: repo.Clause | null; holds: (r: FacetRow) => boolean };

const SORTS: Record<PortalSort, repo.PackageSort[]> = {
  relevance: [
    { key: 'score', dir: 'desc' },
    { key: 'modified', dir: 'desc' },
  ],
  modified: [{ key: 'modified', dir: 'desc' }],
  created: [{ key: 'created', dir: 'desc' }],
  title: [{ key: 'title', dir: 'asc' }],
};

const NONE: Filter = { clause: { field: 'none' }, holds: () => false };
const ofOpenType = (value: 'unconditional' | 'conditional'): Filter => ({
  clause: { field: 'open', value },
  holds: (r) => r.open_type === value,
});

/** Free text: every whitespace-separated term must appear (the catalog's text search, as CKAN's q uses it). */
const termsOf = (q: string | undefined) => (q ?? '').split(/\s+/).filter(Boolean);

async function filtersOf(orgs: OrgsService, q: PortalSearchQuery): Promise<Map<PortalFacetName, Filter>> {
  const out = new Map<PortalFacetName, Filter>();
  if (q.organization) {
    const org = await orgs.findOrgByCode(q.organization.toUpperCase());
    out.set(
      'organization',
      org ? { clause: { field: 'org', value: org.id }, holds: (r) => r.owner_org_id === org.id } : NONE,
    );
  }
  const theme = q.theme;
  if (theme) out.set('theme', { clause: { field: 'theme', value: theme }, holds: (r) => r.theme === theme });
  const level = q.level;
  if (level) out.set('level', { clause: { field: 'level', value: level }, holds: (r) => r.level === level });
  const freq = q.updateFrequency;
  if (freq)
    out.set('updateFrequency', {
      clause: { field: 'frequency', value: freq },
      holds: (r) => r.update_frequency === freq,
    });
  const open = q.openType;
  if (open) out.set('openType', open === 'none' ? NONE : ofOpenType(open));
  // Every unconditionally open dataset offers every format; a conditional one none (it is applied for).
  if (q.format) out.set('format', ofOpenType('unconditional'));
  return out;
}

function count(values: string[]): { value: string; count: number }[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()]
    .map(([value, n]) => ({ value, count: n }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * Each facet is counted over the text matches that satisfy every other chosen filter, so that a
 * chosen value's siblings keep their counts and stay choosable (one value per facet at a time).
 */
function facets(rows: FacetRow[], filters: Map<PortalFacetName, Filter>, orgById: Map<string, Org>) {
  const others = (name: PortalFacetName) =>
    rows.filter((r) => [...filters.entries()].every(([n, f]) => n === name || f.holds(r)));
  // The formats are those of the unconditionally open matches.
  const downloadable = others('format').filter((r) => r.open_type === 'unconditional').length;
  return {
    organization: count(others('organization').map((r) => r.owner_org_id)).flatMap((x) => {
      const o = orgById.get(x.value);
      return o ? [{ value: orgSlugOf(o.code), label: o.name, count: x.count }] : [];
    }),
    theme: count(others('theme').map((r) => r.theme)),
    level: count(others('level').map((r) => r.level)).sort((a, b) => a.value.localeCompare(b.value)),
    updateFrequency: count(others('updateFrequency').map((r) => r.update_frequency)),
    openType: count(others('openType').map((r) => r.open_type)),
    format: downloadable ? FORMATS.map((value) => ({ value, count: downloadable })) : [],
  };
}

/**
 * The portal's dataset search: CKAN's query over the listed datasets (open unconditionally or on
 * conditions), with the facets CKAN has no field for.
 */
export async function searchDatasets(
  db: Db,
  orgs: OrgsService,
  q: PortalSearchQuery,
): Promise<PortalSearchResult> {
  const terms = termsOf(q.q);
  const text = terms.map((value): repo.Clause => ({ field: 'text', value }));
  const filters = await filtersOf(orgs, q);
  const clauses = [...text, ...[...filters.values()].flatMap((f) => (f.clause ? [f.clause] : []))];
  const offset = (q.page - 1) * q.size;
  const [rows, total, source] = await Promise.all([
    repo.searchPackages(db, clauses, SORTS[q.sort], terms[0], offset, q.size, 'listed'),
    repo.countPackages(db, clauses, 'listed'),
    repo.facetSource(db, text, 'listed'),
  ]);
  const orgById = await orgsById(orgs, [
    ...rows.map((r) => r.owner_org_id),
    ...source.map((r) => r.owner_org_id),
  ]);
  const stats = await repo.tableStatsOf(
    db,
    rows.map((r) => r.code),
  );
  const items = rows.map((r) => toCard(r, orgById.get(r.owner_org_id), stats.get(r.code) as repo.TableStats));
  return { total, page: q.page, size: q.size, items, facets: facets(source, filters, orgById) };
}
