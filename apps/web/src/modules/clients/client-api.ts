import type { ApiClient, CreateClientBody } from '@shuzhi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete, apiPost } from '../../app/api';
import { useCursorList } from '../../ui/use-cursor-list';

export const clientKeys = { all: ['clients'] as const, list: ['clients', 'list'] as const };

export const useClientList = () => useCursorList<ApiClient>(clientKeys.list, '/auth/clients');

export const useCreateClient = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClientBody) =>
      apiPost<{ client: ApiClient; clientSecret: string }>('/auth/clients', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: clientKeys.all }),
  });
};

export const useRevokeClient = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiDelete(`/auth/clients/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: clientKeys.all }),
  });
};
