import type { CreateOrgBody, Org, OrgType, Page, UpdateOrgBody } from '@shuzhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost } from '../../app/api';
import { useCursorList } from '../../ui/use-cursor-list';

export const orgKeys = { all: ['orgs'] as const, list: ['orgs', 'list'] as const };

export type OrgFilter = { q?: string; type?: OrgType };

export const useOrgList = (filter: OrgFilter) =>
  useCursorList<Org>(orgKeys.list, '/orgs', { q: filter.q || undefined, type: filter.type });

/** Up to 200 organisations matching `q`, for pickers and the portal. */
export const useOrgOptions = (q = '') =>
  useQuery({
    queryKey: ['orgs', 'options', q],
    queryFn: async ({ signal }) =>
      (await apiGet<Page<Org>>('/orgs', { limit: 200, q: q || undefined }, signal)).items,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
  });

export const useCreateOrg = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrgBody) => apiPost<Org>('/orgs', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.all }),
  });
};

export const useUpdateOrg = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateOrgBody }) => apiPatch<Org>(`/orgs/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.all }),
  });
};
