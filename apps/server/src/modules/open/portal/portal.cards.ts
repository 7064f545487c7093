import type { Level, Org, PortalDatasetCard, PortalFormat, Theme } from '@shuzhi/contracts';
import type { OrgsService } from '../../orgs/index.ts';
import { orgSlugOf, slugOf } from '../open.names.ts';
import type { OpenDatasetRow, TableStats } from '../open.repo.ts';

/**
 * Every unconditionally open dataset downloads as these and answers datastore_search (an empty table
 * answers nothing); a conditionally open one offers none of them here: its data is applied for.
 */
export const FORMATS: PortalFormat[] = ['CSV', 'JSON', 'XLSX', 'API'];

export async function orgsById(orgs: OrgsService, ids: string[]): Promise<Map<string, Org>> {
  return new Map((await orgs.findOrgs([...new Set(ids)])).map((o) => [o.id, o]));
}

export const orgRef = (o: Org | undefined) => ({
  name: o ? orgSlugOf(o.code) : '',
  title: o?.name ?? '',
  titleEn: o?.nameEn ?? null,
});

/** A search hit, home-page tile or profile head: the catalog entry's public attributes and its row count. */
export function toCard(d: OpenDatasetRow, org: Org | undefined, stats: TableStats): PortalDatasetCard {
  return {
    name: slugOf(d.code),
    code: d.code,
    title: d.name,
    titleEn: d.name_en,
    description: d.description,
    organization: orgRef(org),
    theme: d.theme as Theme,
    level: d.level as Level,
    openType: d.open_type as PortalDatasetCard['openType'],
    updateFrequency: d.update_frequency as PortalDatasetCard['updateFrequency'],
    tags: d.tags as string[],
    formats: d.open_type === 'unconditional' ? FORMATS : [],
    records: stats.rows,
    modifiedAt: new Date(d.updated_at).toISOString(),
    publishedAt: d.published_at ? new Date(d.published_at).toISOString() : null,
  };
}
