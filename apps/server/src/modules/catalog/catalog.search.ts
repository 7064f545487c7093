import type { Dataset, DatasetSearchQuery } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn } from '../../platform/actor.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import type { OrgsService } from '../orgs/index.ts';
import { type FacetColumn, type SearchFilter, searchCatalog } from './catalog.search.repo.ts';
import type { CatalogService } from './catalog.service.ts';

type FacetName = 'org' | 'theme' | 'level' | 'shareType' | 'openType' | 'updateFrequency';
type Facet = { value: string; label: string; count: number };
type SearchAnswer = {
  items: Dataset[];
  nextCursor: string | null;
  total: number;
  facets: Record<FacetName, Facet[]>;
};
const facetOf: Record<FacetColumn, FacetName> = {
  owner_org_id: 'org',
  theme: 'theme',
  level: 'level',
  share_type: 'shareType',
  open_type: 'openType',
  update_frequency: 'updateFrequency',
};

/** What an actor may find: the open view is public; the others need a login and hide others' drafts. */
function visibility(actor: Actor, view: DatasetSearchQuery['view']): SearchFilter['visibility'] {
  if (view === 'open' && actor.kind === 'anonymous') return { kind: 'public' };
  const a = requireSignedIn(actor);
  if (a.roles.includes('platform_admin')) return { kind: 'all' };
  return { kind: 'own_or_published', orgId: a.orgId };
}

/** Catalog search: text terms (AND), facet filters, sorting, offset cursor, and facet counts. */
export function createCatalogSearch(deps: { db: Db; orgs: OrgsService; catalog: CatalogService }) {
  const { db, orgs, catalog } = deps;
  return async function searchDatasets(actor: Actor, q: DatasetSearchQuery): Promise<SearchAnswer> {
    const filter: SearchFilter = {
      visibility: visibility(actor, q.view),
      view: q.view,
      terms: (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8),
      org: q.org,
      theme: q.theme,
      level: q.level,
      shareType: q.shareType,
      openType: q.openType,
      updateFrequency: q.updateFrequency,
      status: q.status,
    };
    const offset = Number(decodeCursor(q.cursor, 1)?.[0] ?? 0) || 0;
    const { rows, total, counts } = await searchCatalog(db, filter, q.sort, offset, q.limit);
    const page = rows.slice(0, q.limit);
    // The org facet names every owner of a matching entry, the page's among them: one lookup serves both.
    const orgIds = new Set([
      ...counts.flatMap((c) => (c.column === 'owner_org_id' ? [c.value] : [])),
      ...page.map((r) => r.owner_org_id),
    ]);
    const orgNames = new Map((await orgs.findOrgs([...orgIds])).map((o) => [o.id, o.name]));
    const facets: SearchAnswer['facets'] = {
      org: [],
      theme: [],
      level: [],
      shareType: [],
      openType: [],
      updateFrequency: [],
    };
    for (const c of counts) {
      const label = c.column === 'owner_org_id' ? (orgNames.get(c.value) ?? c.value) : c.value;
      facets[facetOf[c.column]].push({ value: c.value, label, count: c.n });
    }
    for (const list of Object.values(facets)) {
      list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    }
    return {
      items: await catalog.toDatasets(page, orgNames),
      nextCursor: rows.length > q.limit ? encodeCursor([offset + q.limit]) : null,
      total,
      facets,
    };
  };
}
