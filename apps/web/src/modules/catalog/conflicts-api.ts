import type {
  ConflictStatus,
  ConflictSummary,
  CreateElementBindingBody,
  ElementBinding,
  ElementConflict,
  Job,
  SubjectKeyType,
} from '@shuzhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { z } from 'zod';
import { apiDelete, apiGet, apiPatch, apiPost } from '../../app/api';
import { useCursorList } from '../../ui/use-cursor-list';
import { catalogKeys, type ElementRow } from './catalog-api';

export type ConflictFilter = { element?: string; dataset?: string; status?: ConflictStatus };
export type BindingBody = z.input<typeof CreateElementBindingBody>;

export const conflictKeys = {
  all: ['conflicts'] as const,
  list: ['conflicts', 'list'] as const,
  summary: ['conflicts', 'summary'] as const,
};

/** Conflicts the user may see, newest first; every page read is recorded in the audit ledger. */
export const useConflicts = (filter: ConflictFilter) =>
  useCursorList<ElementConflict>(conflictKeys.list, '/catalog/conflicts', { ...filter, limit: 50 });

export const useConflictSummary = (filter: Pick<ConflictFilter, 'element' | 'dataset'>) =>
  useQuery({
    queryKey: [...conflictKeys.summary, filter],
    queryFn: ({ signal }) => apiGet<ConflictSummary>('/catalog/conflicts/summary', filter, signal),
  });

export const useResolveConflict = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      apiPost<ElementConflict>(`/catalog/conflicts/${id}/resolve`, { note }),
    onSuccess: () => qc.invalidateQueries({ queryKey: conflictKeys.all }),
  });
};

const useRefreshElements = () => {
  const qc = useQueryClient();
  return useCallback(() => {
    void qc.invalidateQueries({ queryKey: catalogKeys.elements });
    void qc.invalidateQueries({ queryKey: conflictKeys.all });
  }, [qc]);
};

export const useAddBinding = () => {
  const refresh = useRefreshElements();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: BindingBody }) =>
      apiPost<ElementBinding>(`/catalog/elements/${encodeURIComponent(code)}/bindings`, body),
    onSuccess: refresh,
  });
};

export const useRemoveBinding = () => {
  const refresh = useRefreshElements();
  return useMutation({
    mutationFn: ({ code, id }: { code: string; id: string }) =>
      apiDelete(`/catalog/elements/${encodeURIComponent(code)}/bindings/${id}`),
    onSuccess: refresh,
  });
};

export const useUpdateElementKey = () => {
  const refresh = useRefreshElements();
  return useMutation({
    mutationFn: ({ code, keyField, keyType }: { code: string; keyField: string; keyType: SubjectKeyType }) =>
      apiPatch<ElementRow>(`/catalog/elements/${encodeURIComponent(code)}`, { keyField, keyType }),
    onSuccess: refresh,
  });
};

export const useStartCheck = () =>
  useMutation({
    mutationFn: (code: string) => apiPost<Job>(`/catalog/elements/${encodeURIComponent(code)}/check`, {}),
  });

const finished = (job: Job | undefined) => !!job && job.status !== 'queued' && job.status !== 'running';

/** Follows a check job every second until it ends, then refreshes elements and conflicts. */
export const useCheckJob = (jobId: string | undefined) => {
  const refresh = useRefreshElements();
  const query = useQuery({
    queryKey: ['jobs', 'one', jobId],
    queryFn: ({ signal }) => apiGet<Job>(`/jobs/${jobId}`, undefined, signal),
    enabled: !!jobId,
    refetchInterval: (q) => (finished(q.state.data) ? false : 1000),
  });
  const done = finished(query.data);
  useEffect(() => {
    if (done) refresh();
  }, [done, refresh]);
  return query;
};
