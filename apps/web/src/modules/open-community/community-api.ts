import type {
  AnswerDataRequestBody,
  AskDataRequestBody,
  DataRequest,
  DataRequestStatus,
  Dataset,
  DatasetComment,
  DatasetRatingSummary,
  OpenUsageReport,
  Page,
} from '@shuzhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import { api, apiDelete, apiGet, apiPost } from '../../app/api';
import { useCursorList } from '../../ui/use-cursor-list';

export type AskBody = z.input<typeof AskDataRequestBody>;
export type AnswerBody = z.input<typeof AnswerDataRequestBody>;
export type RequestFilter = { q?: string; status?: DataRequestStatus; overdue?: boolean; mine?: boolean };

export const communityKeys = {
  requests: ['open-community', 'requests'] as const,
  request: (id: string) => ['open-community', 'requests', 'one', id] as const,
  inbox: ['open-community', 'requests', 'inbox'] as const,
  rating: (code: string) => ['open-community', 'rating', code] as const,
  comments: (code: string) => ['open-community', 'comments', code] as const,
  usage: (scope: string) => ['open-community', 'usage', scope] as const,
};

const flags = (f: RequestFilter) => ({
  q: f.q || undefined,
  status: f.status,
  overdue: f.overdue === undefined ? undefined : String(f.overdue),
  mine: f.mine ? 'true' : undefined,
});

// Data requests (点单式开放)

export const useRequests = (filter: RequestFilter) =>
  useCursorList<DataRequest>(communityKeys.requests, '/open/requests', { limit: 20, ...flags(filter) });

export const useInbox = (filter: Omit<RequestFilter, 'q' | 'mine'>) =>
  useCursorList<DataRequest>(communityKeys.inbox, '/open/requests/inbox', flags(filter));

export const useRequest = (id: string | undefined) =>
  useQuery({
    queryKey: communityKeys.request(id ?? ''),
    queryFn: ({ signal }) => apiGet<DataRequest>(`/open/requests/${id}`, undefined, signal),
    enabled: !!id,
    retry: false,
  });

const useRefreshRequests = () => {
  const qc = useQueryClient();
  return (r: DataRequest) => {
    qc.setQueryData(communityKeys.request(r.id), r);
    void qc.invalidateQueries({ queryKey: communityKeys.requests });
  };
};

export const useAsk = () => {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: (body: AskBody) => apiPost<DataRequest>('/open/requests', body),
    onSuccess: refresh,
  });
};

export const useAssign = () => {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: ({ id, orgId }: { id: string; orgId: string }) =>
      apiPost<DataRequest>(`/open/requests/${id}/assign`, { orgId }),
    onSuccess: refresh,
  });
};

export const useAnswer = () => {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AnswerBody }) =>
      apiPost<DataRequest>(`/open/requests/${id}/answer`, body),
    onSuccess: refresh,
  });
};

export const useReject = () => {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiPost<DataRequest>(`/open/requests/${id}/reject`, { reason }),
    onSuccess: refresh,
  });
};

/** The requester's contact: fetched only on demand, since each read is written to the audit ledger. */
export const useContact = () =>
  useMutation({
    mutationFn: (id: string) =>
      apiGet<{ requesterName: string | null; contactEmail: string | null }>(`/open/requests/${id}/contact`),
  });

/** Open datasets (published, open unconditionally) by name or code, for linking an answer. */
export const useOpenDatasetOptions = (q: string) =>
  useQuery({
    queryKey: ['open-community', 'datasets', q],
    queryFn: async ({ signal }) =>
      (
        await apiGet<Page<Dataset>>(
          '/catalog/datasets',
          { q: q || undefined, openType: 'unconditional', status: 'published', limit: 20 },
          signal,
        )
      ).items,
    placeholderData: keepPreviousData,
  });

// Ratings and comments

const enc = encodeURIComponent;

export const useRating = (code: string) =>
  useQuery({
    queryKey: communityKeys.rating(code),
    queryFn: ({ signal }) =>
      apiGet<DatasetRatingSummary>(`/open/datasets/${enc(code)}/rating`, undefined, signal),
  });

export const useRate = (code: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (stars: number | null) =>
      stars === null
        ? apiDelete<DatasetRatingSummary>(`/open/datasets/${enc(code)}/rating`)
        : api<DatasetRatingSummary>(`/open/datasets/${enc(code)}/rating`, { method: 'PUT', body: { stars } }),
    onSuccess: (s) => qc.setQueryData(communityKeys.rating(code), s),
  });
};

export const useComments = (code: string, includeHidden: boolean) =>
  useCursorList<DatasetComment>(communityKeys.comments(code), `/open/datasets/${enc(code)}/comments`, {
    limit: 20,
    includeHidden: includeHidden ? 'true' : undefined,
  });

const useRefreshComments = (code: string) => {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: communityKeys.comments(code) });
};

export const useComment = (code: string) => {
  const refresh = useRefreshComments(code);
  return useMutation({
    mutationFn: (text: string) => apiPost<DatasetComment>(`/open/datasets/${enc(code)}/comments`, { text }),
    onSuccess: refresh,
  });
};

export const useReply = (code: string) => {
  const refresh = useRefreshComments(code);
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) =>
      apiPost<DatasetComment>(`/open/comments/${id}/reply`, { text }),
    onSuccess: refresh,
  });
};

export const useHide = (code: string) => {
  const refresh = useRefreshComments(code);
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiPost<DatasetComment>(`/open/comments/${id}/hide`, { reason }),
    onSuccess: refresh,
  });
};

// Usage statistics

export type UsageScope = { datasetCode: string } | { orgId: string };

export const useUsage = (scope: UsageScope) => {
  const path =
    'datasetCode' in scope
      ? `/open/datasets/${enc(scope.datasetCode)}/usage`
      : `/open/orgs/${scope.orgId}/usage`;
  return useQuery({
    queryKey: communityKeys.usage(path),
    queryFn: ({ signal }) => apiGet<OpenUsageReport>(path, undefined, signal),
  });
};

/** Counts one view of a dataset page: call it once on the portal's dataset page. */
export const useRecordView = (datasetCode: string | undefined) => {
  useEffect(() => {
    if (!datasetCode) return;
    // A lost view is not worth an error shown to a reader.
    void apiPost(`/open/datasets/${enc(datasetCode)}/views`).catch(() => undefined);
  }, [datasetCode]);
};
