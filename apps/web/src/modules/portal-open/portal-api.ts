import type {
  PortalDatasetProfile,
  PortalDatasetStats,
  PortalOrganization,
  PortalSearchQuery,
  PortalSearchResult,
  PortalSummary,
} from '@shuzhi/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../app/api';
import { ckan, type DatastoreResult } from './ckan-api';

export type SearchParams = Partial<PortalSearchQuery>;

export const PREVIEW_ROWS = 10;

const keys = {
  all: ['open-portal'] as const,
  summary: ['open-portal', 'summary'] as const,
  search: (p: SearchParams) => ['open-portal', 'search', p] as const,
  profile: (name: string) => ['open-portal', 'profile', name] as const,
  stats: (name: string) => ['open-portal', 'stats', name] as const,
  preview: (id: string) => ['open-portal', 'preview', id] as const,
  orgs: ['open-portal', 'orgs'] as const,
  org: (name: string) => ['open-portal', 'org', name] as const,
};

/** Home figures, themes, latest and most downloaded datasets. */
export const usePortalSummary = () =>
  useQuery({
    queryKey: keys.summary,
    queryFn: ({ signal }) => apiGet<PortalSummary>('/open/portal/summary', undefined, signal),
    staleTime: 60_000,
  });

/** Faceted search; the previous page stays on screen while the next one loads. */
export const usePortalSearch = (p: SearchParams) =>
  useQuery({
    queryKey: keys.search(p),
    queryFn: ({ signal }) => apiGet<PortalSearchResult>('/open/portal/datasets', p, signal),
    placeholderData: keepPreviousData,
  });

/**
 * A listed dataset's page: attributes, fields, quality and history. CKAN's package_show knows the
 * unconditionally open datasets only; this knows the conditionally open ones too.
 */
export const useProfile = (name: string) =>
  useQuery({
    queryKey: keys.profile(name),
    queryFn: ({ signal }) =>
      apiGet<PortalDatasetProfile>(`/open/portal/datasets/${encodeURIComponent(name)}`, undefined, signal),
    retry: false,
  });

export const useStats = (name: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.stats(name),
    queryFn: ({ signal }) =>
      apiGet<PortalDatasetStats>(
        `/open/portal/datasets/${encodeURIComponent(name)}/stats`,
        undefined,
        signal,
      ),
    enabled,
    staleTime: 60_000,
  });

/** The first rows of a resource, through datastore_search. */
export const usePreview = (resourceId: string | undefined) =>
  useQuery({
    queryKey: keys.preview(resourceId ?? ''),
    queryFn: ({ signal }) =>
      ckan<DatastoreResult>('datastore_search', { resource_id: resourceId, limit: PREVIEW_ROWS }, signal),
    enabled: !!resourceId,
  });

/** Organisations with listed datasets (open unconditionally or on conditions), most datasets first. */
export const useOrganizations = () =>
  useQuery({
    queryKey: keys.orgs,
    queryFn: ({ signal }) => apiGet<PortalOrganization[]>('/open/portal/organizations', undefined, signal),
    staleTime: 60_000,
  });

export const useOrganization = (name: string) =>
  useQuery({
    queryKey: keys.org(name),
    queryFn: ({ signal }) =>
      apiGet<PortalOrganization>(`/open/portal/organizations/${encodeURIComponent(name)}`, undefined, signal),
    retry: false,
  });

/** The one download address of every format (the API key, when sent, reaches conditional data there). */
export const downloadUrl = (code: string, format: 'csv' | 'json' | 'xlsx') =>
  `/api/v1/open/datasets/${encodeURIComponent(code)}/download.${format}`;
