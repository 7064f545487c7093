import type { Area, AreaWithPath } from '@shuzhi/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../app/api';

/** Hangzhou: the root of the city's area tree. */
export const CITY_CODE = '330100';

export const areaKeys = {
  children: (code: string) => ['areas', 'children', code] as const,
  path: (code: string) => ['areas', 'path', code] as const,
  search: (q: string) => ['areas', 'search', q] as const,
};

const childrenQuery = (code: string) => ({
  queryKey: areaKeys.children(code),
  queryFn: async () => (await apiGet<{ items: Area[] }>(`/areas/${code}/children`)).items,
  staleTime: 5 * 60_000,
});

const pathQuery = (code: string) => ({
  queryKey: areaKeys.path(code),
  queryFn: async () => (await apiGet<{ items: Area[] }>(`/areas/${code}/path`)).items,
  staleTime: 5 * 60_000,
});

export const fetchChildren = (qc: QueryClient, code: string) => qc.fetchQuery(childrenQuery(code));
export const fetchPath = (qc: QueryClient, code: string) => qc.fetchQuery(pathQuery(code));

export const useAreaChildren = (code: string) => useQuery(childrenQuery(code));
export const useAreaPath = (code: string | undefined) =>
  useQuery({ ...pathQuery(code ?? ''), enabled: !!code });

export const useAreaSearch = (q: string) =>
  useQuery({
    queryKey: areaKeys.search(q),
    queryFn: async ({ signal }) =>
      (await apiGet<{ items: AreaWithPath[] }>('/areas/search', { q, limit: 20 }, signal)).items,
    enabled: q.trim().length > 0,
    placeholderData: (previous) => previous,
  });

export const useCreateGrid = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, name }: { code: string; name: string }) =>
      apiPost<Area>(`/areas/${code}/grids`, { name }),
    onSuccess: async (_grid, { code }) => {
      await qc.invalidateQueries({ queryKey: ['areas'] });
      await qc.refetchQueries({ queryKey: areaKeys.children(code) });
    },
  });
};
