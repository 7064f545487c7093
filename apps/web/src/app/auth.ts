import type { ChangePasswordBody, LoginBody, Me, Role } from '@shuzhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, isApiError } from './api';
import { ME_KEY } from './query-client';

/** The signed-in actor, or null when there is no session (the server answered 401). */
export const fetchMe = async (): Promise<Me | null> => {
  try {
    return await apiGet<Me>('/auth/me');
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
};

export const useMe = () => useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });

export const hasAnyRole = (me: Me | null | undefined, roles?: readonly Role[]): boolean =>
  !roles || roles.length === 0 || (!!me && me.roles.some((role) => roles.includes(role)));

export const useLogin = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => apiPost<Me>('/auth/login', body),
    onSuccess: (me) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'meta' });
      qc.setQueryData(ME_KEY, me);
    },
  });
};

export const useLogout = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<void>('/auth/logout'),
    onSettled: () => {
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'meta' && q.queryKey[1] !== 'me' });
    },
  });
};

export const useSwitchOrg = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (orgId: string) => apiPost<Me>('/auth/switch-org', { orgId }),
    onSuccess: (me) => {
      // Everything the workspace shows is scoped by the organisation.
      qc.setQueryData(ME_KEY, me);
      void qc.resetQueries({ predicate: (q) => q.queryKey[0] !== 'meta' && q.queryKey[1] !== 'me' });
    },
  });
};

export const useChangePassword = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => apiPost<void>('/auth/password', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  });
};
