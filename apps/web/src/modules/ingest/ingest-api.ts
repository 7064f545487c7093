import type { DataImport, ImportPreview, Page, RejectedRow as RejectedRowSchema } from '@shuzhi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import { api, apiGet, apiPost } from '../../app/api';
import { useCursorList } from '../../ui/use-cursor-list';

export type RejectedRow = z.infer<typeof RejectedRowSchema>;
export type ImportStatus = DataImport['status'];

export const ingestKeys = {
  all: ['ingest'] as const,
  history: (datasetId: string) => ['ingest', 'history', datasetId] as const,
  import: (importId: string) => ['ingest', 'import', importId] as const,
  rejects: (importId: string) => ['ingest', 'rejects', importId] as const,
  sources: (datasetId: string) => ['ingest', 'sources', datasetId] as const,
};

export const isActiveImport = (imp: Pick<DataImport, 'status'>) =>
  imp.status === 'queued' || imp.status === 'running';

/** The dataset's imports, newest first; polls every 2 s while any of them is still in progress. */
export const useImportHistory = (datasetId: string) =>
  useCursorList<DataImport>(
    ingestKeys.history(datasetId),
    `/ingest/datasets/${datasetId}/imports`,
    { limit: 20 },
    { refetchInterval: (items) => (items.some(isActiveImport) ? 2000 : false) },
  );

/** One import; polls every second while it is queued or running. */
export const useDataImport = (importId: string | undefined, initial?: DataImport) => {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: ingestKeys.import(importId ?? ''),
    queryFn: ({ signal }) => apiGet<DataImport>(`/ingest/imports/${importId}`, undefined, signal),
    enabled: !!importId,
    initialData: initial,
    refetchInterval: (q) => (q.state.data && isActiveImport(q.state.data) ? 1000 : false),
  });
  const active = query.data ? isActiveImport(query.data) : false;
  const wasActive = useRef(active);
  const datasetId = query.data?.datasetId;
  useEffect(() => {
    // The history table shows the same counters: refresh it once, when the run ends.
    if (wasActive.current && !active && datasetId) {
      void qc.invalidateQueries({ queryKey: ingestKeys.history(datasetId) });
    }
    wasActive.current = active;
  }, [active, datasetId, qc]);
  return query;
};

/** One page of rejected rows, addressed by the server's cursor. */
export const useRejects = (importId: string, cursor: string | undefined, limit: number, live = false) =>
  useQuery({
    refetchInterval: live ? 2000 : false,
    queryKey: [...ingestKeys.rejects(importId), cursor ?? '', limit],
    queryFn: ({ signal }) =>
      apiGet<Page<RejectedRow>>(`/ingest/imports/${importId}/rejects`, { cursor, limit }, signal),
    placeholderData: keepPreviousData,
  });

export const useCancelImport = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) => apiPost<DataImport>(`/ingest/imports/${importId}/cancel`, {}),
    onSuccess: (imp) => {
      qc.setQueryData(ingestKeys.import(imp.id), imp);
      return qc.invalidateQueries({ queryKey: ingestKeys.history(imp.datasetId) });
    },
  });
};

/** Column → field, or null: the column is not imported. */
export type MappingDraft = Record<string, string | null>;

/** Changes a staged import's mapping; answers the preview of its first rows under it. */
export const useSetImportMapping = () =>
  useMutation({
    mutationFn: ({ importId, mapping, save }: { importId: string; mapping: MappingDraft; save: boolean }) =>
      api<ImportPreview>(`/ingest/imports/${importId}/mapping`, { method: 'PUT', body: { mapping, save } }),
  });

/** Queues a staged import; 200 hands back an earlier import of the same file, mode and mapping. */
export const useStartStaged = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (importId: string) => {
      const imp = await apiPost<DataImport>(`/ingest/imports/${importId}/start`, {});
      // The answer is an earlier import when this one repeats it.
      return { imp, alreadyImported: imp.id !== importId };
    },
    onSuccess: ({ imp }) => {
      qc.setQueryData(ingestKeys.import(imp.id), imp);
      return qc.invalidateQueries({ queryKey: ingestKeys.history(imp.datasetId) });
    },
  });
};
