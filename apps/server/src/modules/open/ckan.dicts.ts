import type { OpenDownloadFormat, Org, Theme } from '@shuzhi/contracts';
import { ckanTime, groupIdOf, LICENSE, orgSlugOf, resourceIdOf, slugOf, themeTitles } from './open.names.ts';
import type { OpenDatasetRow, TableStats } from './open.repo.ts';

/*
 * CKAN's default schema for packages, resources, organisations and groups, filled from the catalog.
 * Keys CKAN always sends are always sent (null or empty when the catalog has nothing for them), so
 * that clients which index into them do not break.
 */

export const downloadUrl = (base: string, code: string, format: OpenDownloadFormat) =>
  `${base}/api/v1/open/datasets/${encodeURIComponent(code)}/download.${format}`;

export function organizationDict(org: Org, packageCount?: number) {
  return {
    id: org.id,
    name: orgSlugOf(org.code),
    title: org.name,
    display_name: org.name,
    description: org.nameEn ?? '',
    image_url: '',
    image_display_url: '',
    created: null,
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    type: 'organization',
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export function groupDict(theme: Theme, packageCount?: number) {
  const t = themeTitles[theme];
  return {
    id: groupIdOf(theme),
    name: theme,
    title: t.zh,
    display_name: t.zh,
    description: t.en,
    image_url: '',
    image_display_url: '',
    created: null,
    is_organization: false,
    approval_status: 'approved',
    state: 'active',
    type: 'group',
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export const tagDict = (name: string) => ({
  id: name,
  name,
  display_name: name,
  state: 'active',
  vocabulary_id: null,
});

export function resourceDict(base: string, d: OpenDatasetRow, stats: TableStats) {
  return {
    id: resourceIdOf(d.id),
    package_id: d.id,
    name: d.name,
    description: d.description,
    url: downloadUrl(base, d.code, 'csv'),
    format: 'CSV',
    mimetype: 'text/csv',
    datastore_active: stats.exists && stats.rows > 0,
    created: ckanTime(d.published_at ?? d.created_at),
    last_modified: ckanTime(stats.lastLoaded),
    metadata_modified: ckanTime(d.updated_at),
    position: 0,
    state: 'active',
    url_type: null,
    resource_type: null,
    size: null,
    hash: '',
    cache_url: null,
    cache_last_updated: null,
    mimetype_inner: null,
  };
}

export function packageDict(base: string, d: OpenDatasetRow, org: Org, stats: TableStats) {
  const tags = (d.tags as string[]).map(tagDict);
  return {
    id: d.id,
    name: slugOf(d.code),
    title: d.name,
    notes: d.description,
    url: '',
    version: String(d.version),
    author: null,
    author_email: null,
    maintainer: d.contact.name || null,
    maintainer_email: d.contact.email || null,
    license_id: LICENSE.id,
    license_title: LICENSE.title,
    isopen: true,
    private: false,
    state: 'active',
    type: 'dataset',
    creator_user_id: null,
    owner_org: org.id,
    organization: organizationDict(org),
    metadata_created: ckanTime(d.created_at),
    metadata_modified: ckanTime(d.updated_at),
    groups: [groupDict(d.theme as Theme)],
    tags,
    num_tags: tags.length,
    resources: [resourceDict(base, d, stats)],
    num_resources: 1,
    extras: [
      { key: 'identifier', value: d.code },
      { key: 'title_en', value: d.name_en ?? '' },
      { key: 'update_frequency', value: d.update_frequency },
      { key: 'level', value: d.level },
      { key: 'source_system', value: d.source_system },
      { key: 'contact_phone', value: d.contact.phone },
    ],
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}
