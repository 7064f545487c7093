import type { DatasetSearchQuery } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn } from '../../platform/actor.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import type { OrgsService } from '../orgs/index.ts';
import * as repo from './catalog.repo.ts';
import type { CatalogService } from './catalog.service.ts';

type FacetKey = 'owner_org_id' | 'theme' | 'level' | 'share_type' | 'open_type' | 'update_frequency';
const facetOf: Record<string, FacetKey> = {
  org: 'owner_org_id',
  theme: 'theme',
  level: 'level',
  shareType: 'share_type',
  openType: 'open_type',
  updateFrequency: 'update_frequency',
};

/** What an actor may find: the open view is public; the others need a login and hide others' drafts. */
function visibility(actor: Actor, view: DatasetSearchQuery['view']): repo.SearchFilter['visibility'] {
  if (view === 'open' && actor.kind === 'anonymous') return { kind: 'public' };
  const a = requireSignedIn(actor);
  if (a.roles.includes('platform_admin')) return { kind: 'all' };
  return { kind: 'own_or_published', orgId: a.orgId };
}

/** Catalog search: text terms (AND), facet filters, sorting, offset cursor, and facet counts. */
export function createCatalogSearch(deps: { db: Db; orgs: OrgsService; catalog: CatalogService }) {
  const { db, orgs, catalog } = deps;
  return async function searchDatasets(actor: Actor, q: DatasetSearchQuery) {
    const filter: repo.SearchFilter = {
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
    const [rows, counts] = await Promise.all([
      repo.searchDatasets(db, filter, q.sort, offset, q.limit),
      repo.facetCounts(db, filter),
    ]);
    const orgNames = new Map(
      (await orgs.findOrgs(counts.flatMap((c) => (c.owner_org_id ? [c.owner_org_id] : [])))).map((o) => [
        o.id,
        o.name,
      ]),
    );
    const facets = Object.fromEntries(
      Object.entries(facetOf).map(([name, col]) => [
        name,
        counts
          .filter(
            (c) =>
              c[col] !== null &&
              Object.entries(facetOf).every(([, other]) => other === col || c[other] === null),
          )
          .map((c) => ({
            value: c[col] as string,
            label:
              col === 'owner_org_id'
                ? (orgNames.get(c[col] as string) ?? (c[col] as string))
                : (c[col] as string),
            count: c.n,
          }))
          .sort((a, b) => b.count - a.count),
      ]),
    ) as Record<keyof typeof facetOf, { value: string; label: string; count: number }[]>;
    const total = counts.find((c) => Object.values(facetOf).every((col) => c[col] === null))?.n ?? 0;
    return {
      items: await catalog.toDatasets(rows.slice(0, q.limit)),
      nextCursor: rows.length > q.limit ? encodeCursor([offset + q.limit]) : null,
      total,
      facets: facets as never,
    };
  };
}
