import type {
  ShareApp,
  ShareApproveBody,
  ShareableDataset,
  ShareGrant,
  ShareRequest,
  ShareRequestBody,
  ShareRequestStatus,
  ShareSide,
  ShareUsage,
} from '@shuzhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../app/api';

const ROOT = '/sharing';
const requestsKey = ['sharing', 'requests'] as const;
const grantsKey = ['sharing', 'grants'] as const;

/** The caller organisation's active apps (API clients), to name in a request. */
export const useShareApps = () =>
  useQuery({ queryKey: ['sharing', 'apps'], queryFn: () => apiGet<{ items: ShareApp[] }>(`${ROOT}/apps`) });

/** What the request form needs about a shared dataset; 404 when it is not shared. */
export const useShareableDataset = (code: string | undefined) =>
  useQuery({
    queryKey: ['sharing', 'dataset', code],
    queryFn: () => apiGet<ShareableDataset>(`${ROOT}/datasets/${encodeURIComponent(code as string)}`),
    enabled: !!code,
    retry: false,
  });

export type RequestFilter = { status?: ShareRequestStatus; overdue?: boolean };

export const useShareRequests = (side: ShareSide, filter: RequestFilter) =>
  useQuery({
    queryKey: [...requestsKey, 'list', side, filter],
    queryFn: () =>
      apiGet<{ items: ShareRequest[] }>(`${ROOT}/requests`, {
        side,
        status: filter.status,
        overdue: filter.overdue ? 'true' : undefined,
      }),
  });

export const useShareRequest = (id: string | undefined) =>
  useQuery({
    queryKey: [...requestsKey, 'one', id],
    queryFn: () => apiGet<ShareRequest>(`${ROOT}/requests/${id}`),
    enabled: !!id,
    retry: false,
  });

export const useCreateShareRequest = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ShareRequestBody) => apiPost<ShareRequest>(`${ROOT}/requests`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: requestsKey }),
  });
};

export type RequestAction =
  | { verb: 'approve'; body: ShareApproveBody }
  | { verb: 'reject'; body: { reason: string } }
  | { verb: 'ask'; body: { question: string } }
  | { verb: 'answer'; body: { answer: string } }
  | { verb: 'withdraw'; body?: undefined };

/** Every step of a request after submission; the answer replaces the cached request. */
export const useRequestAction = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: RequestAction) => apiPost<ShareRequest>(`${ROOT}/requests/${id}/${a.verb}`, a.body ?? {}),
    onSuccess: (r) => {
      qc.setQueryData([...requestsKey, 'one', id], r);
      void qc.invalidateQueries({ queryKey: requestsKey });
      void qc.invalidateQueries({ queryKey: grantsKey });
    },
  });
};

export const useShareGrants = (side: ShareSide) =>
  useQuery({
    queryKey: [...grantsKey, side],
    queryFn: () => apiGet<{ items: ShareGrant[] }>(`${ROOT}/grants`, { side }),
  });

export const useRevokeGrant = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) =>
      apiPost<ShareGrant>(`${ROOT}/grants/${v.id}/revoke`, { reason: v.reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: grantsKey }),
  });
};

export const useShareUsage = (side: ShareSide, days: number) =>
  useQuery({
    queryKey: ['sharing', 'usage', side, days],
    queryFn: () => apiGet<ShareUsage>(`${ROOT}/usage`, { side, days }),
  });
