import type {
  CatalogView,
  CreateDataElementBody,
  CreateDatasetBody,
  DataElement,
  DataElementList,
  Dataset,
  DatasetSearchResult,
  DatasetStatus,
  DatasetVersion,
  DatasetVersions,
  Level,
  OpenType,
  ShareType,
  Theme,
  UpdateDatasetBody,
  UpdateFrequency,
} from '@shuzhi/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet, apiPatch, apiPost } from '../../app/api';

export type View = z.infer<typeof CatalogView>;
export type SearchResult = z.infer<typeof DatasetSearchResult>;
export type FacetName = keyof SearchResult['facets'];
export type VersionRow = z.infer<typeof DatasetVersion>;
export type ElementRow = z.infer<typeof DataElement>;
export type ElementBody = z.input<typeof CreateDataElementBody>;
export type SortKey = 'relevance' | 'name' | 'updated';

export type CatalogFilter = {
  q?: string;
  view: View;
  org?: string;
  theme?: Theme;
  level?: Level;
  shareType?: z.infer<typeof ShareType>;
  openType?: z.infer<typeof OpenType>;
  updateFrequency?: z.infer<typeof UpdateFrequency>;
  status?: DatasetStatus;
  sort?: SortKey;
};

export const catalogKeys = {
  all: ['catalog'] as const,
  search: ['catalog', 'search'] as const,
  dataset: (id: string) => ['catalog', 'dataset', id] as const,
  versions: (id: string) => ['catalog', 'versions', id] as const,
  elements: ['catalog', 'elements'] as const,
};

const PAGE_SIZE = 20;

/** Catalog search with facets; pages are appended while the server hands out a next cursor. */
export const useCatalogSearch = (filter: CatalogFilter) => {
  const params = { ...filter, q: filter.q || undefined, limit: PAGE_SIZE };
  const query = useInfiniteQuery({
    queryKey: [...catalogKeys.search, params],
    queryFn: ({ pageParam, signal }) =>
      apiGet<SearchResult>('/catalog/datasets', { ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages ?? [];
  return {
    ...query,
    items: pages.flatMap((p) => p.items),
    total: pages[0]?.total,
    facets: pages[0]?.facets,
    loadMore: () => void query.fetchNextPage(),
  };
};

/** Up to 20 datasets matching `q`, for pickers. */
export const useDatasetOptions = (q: string) =>
  useQuery({
    queryKey: [...catalogKeys.search, 'options', q],
    queryFn: async ({ signal }) =>
      (await apiGet<SearchResult>('/catalog/datasets', { q: q || undefined, limit: 20 }, signal)).items,
    placeholderData: keepPreviousData,
  });

export const useDataset = (id: string | undefined) =>
  useQuery({
    queryKey: catalogKeys.dataset(id ?? ''),
    queryFn: ({ signal }) => apiGet<Dataset>(`/catalog/datasets/${id}`, undefined, signal),
    enabled: !!id,
  });

export const useDatasetVersions = (id: string) =>
  useQuery({
    queryKey: catalogKeys.versions(id),
    queryFn: async ({ signal }) =>
      (await apiGet<z.infer<typeof DatasetVersions>>(`/catalog/datasets/${id}/versions`, undefined, signal))
        .items,
  });

const useRefreshCatalog = () => {
  const qc = useQueryClient();
  return (dataset?: Dataset) => {
    if (dataset) qc.setQueryData(catalogKeys.dataset(dataset.id), dataset);
    return qc.invalidateQueries({ queryKey: catalogKeys.all });
  };
};

export const useCreateDataset = () => {
  const refresh = useRefreshCatalog();
  return useMutation({
    mutationFn: (body: CreateDatasetBody) => apiPost<Dataset>('/catalog/datasets', body),
    onSuccess: (dataset) => refresh(dataset),
  });
};

export const useUpdateDataset = () => {
  const refresh = useRefreshCatalog();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDatasetBody }) =>
      apiPatch<Dataset>(`/catalog/datasets/${id}`, body),
    onSuccess: (dataset) => refresh(dataset),
  });
};

export type LifecycleAction = 'submit' | 'approve' | 'reject' | 'retire';

/** One lifecycle step; approve and reject carry the reviewer's comment. */
export const useLifecycle = () => {
  const refresh = useRefreshCatalog();
  return useMutation({
    mutationFn: ({ id, action, comment }: { id: string; action: LifecycleAction; comment?: string }) =>
      apiPost<Dataset>(
        `/catalog/datasets/${id}/${action}`,
        action === 'approve' || action === 'reject' ? { comment: comment ?? '' } : {},
      ),
    onSuccess: (dataset) => refresh(dataset),
  });
};

export const useDataElements = (enabled = true) =>
  useQuery({
    queryKey: catalogKeys.elements,
    queryFn: async ({ signal }) =>
      (await apiGet<z.infer<typeof DataElementList>>('/catalog/elements', undefined, signal)).items,
    enabled,
    staleTime: 60_000,
  });

export const useCreateDataElement = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ElementBody) => apiPost<ElementRow>('/catalog/elements', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: catalogKeys.elements }),
  });
};
