import type { CreateUserBody, UpdateUserBody, User } from '@shuzhi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch, apiPost } from '../../app/api';
import { useCursorList } from '../../ui/use-cursor-list';

export const userKeys = { all: ['users'] as const, list: ['users', 'list'] as const };

export const useUserList = (filter: { q?: string; orgId?: string }) =>
  useCursorList<User>(userKeys.list, '/auth/users', { q: filter.q || undefined, orgId: filter.orgId });

const useInvalidateUsers = () => {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: userKeys.all });
};

export const useCreateUser = () => {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: CreateUserBody) => apiPost<User>('/auth/users', body),
    onSuccess: invalidate,
  });
};

export const useUpdateUser = () => {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      apiPatch<User>(`/auth/users/${id}`, body),
    onSuccess: invalidate,
  });
};

export const useResetPassword = () => {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => apiPost<{ password: string }>(`/auth/users/${id}/reset-password`, {}),
    onSuccess: invalidate,
  });
};
