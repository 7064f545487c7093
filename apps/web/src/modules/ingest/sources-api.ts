import type { DataImport, PullSource, PullSourceInput } from '@shuzhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, apiDelete, apiGet, apiPost } from '../../app/api';
import { useCursorList } from '../../ui/use-cursor-list';
import { ingestKeys } from './ingest-api';

export type SourceBody = PullSourceInput & { resetWatermark?: boolean };

export const isRunActive = (s: PullSource) =>
  s.lastRun?.status === 'queued' || s.lastRun?.status === 'running';

/** The next scheduled run is due within a minute: worth looking again soon. */
const dueSoon = (s: PullSource) => s.nextRunAt !== null && Date.parse(s.nextRunAt) - Date.now() < 60_000;

/**
 * The dataset's pull sources; polls every 2 s while one of them is being pulled, every 30 s while
 * a schedule is switched on (so scheduled runs show up without a reload).
 */
export const useSources = (datasetId: string) => {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: ingestKeys.sources(datasetId),
    queryFn: ({ signal }) =>
      apiGet<{ items: PullSource[] }>(`/ingest/datasets/${datasetId}/sources`, undefined, signal),
    refetchInterval: (q) => {
      const items = q.state.data?.items ?? [];
      if (items.some(isRunActive)) return 2000;
      if (items.some(dueSoon)) return 5000;
      return items.some((s) => s.schedule?.enabled) ? 30_000 : false;
    },
  });
  const active = query.data?.items.some(isRunActive) ?? false;
  const wasActive = useRef(active);
  useEffect(() => {
    // A run that ended made an import: the history and the runs lists show it.
    if (wasActive.current && !active) {
      void qc.invalidateQueries({ queryKey: ingestKeys.history(datasetId) });
      void qc.invalidateQueries({ queryKey: [...ingestKeys.sources(datasetId), 'runs'] });
    }
    wasActive.current = active;
  }, [active, datasetId, qc]);
  return query;
};

const useSourceMutation = <V>(datasetId: string, fn: (vars: V) => Promise<unknown>) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ingestKeys.sources(datasetId) }),
        qc.invalidateQueries({ queryKey: ingestKeys.history(datasetId) }),
      ]),
  });
};

/** Creates a source, or replaces the settings of one (masked secrets sent back keep the stored ones). */
export const useSaveSource = (datasetId: string) =>
  useSourceMutation(datasetId, ({ id, body }: { id: string | null; body: SourceBody }) =>
    id
      ? api<PullSource>(`/ingest/datasets/${datasetId}/sources/${id}`, { method: 'PUT', body })
      : apiPost<PullSource>(`/ingest/datasets/${datasetId}/sources`, body),
  );

export const useRunSource = (datasetId: string) =>
  useSourceMutation(datasetId, (id: string) =>
    apiPost<PullSource>(`/ingest/datasets/${datasetId}/sources/${id}/run`, {}),
  );

export const useDeleteSource = (datasetId: string) =>
  useSourceMutation(datasetId, (id: string) => apiDelete(`/ingest/datasets/${datasetId}/sources/${id}`));

/** The imports a source's runs made, newest first. */
export const useSourceRuns = (datasetId: string, sourceId: string) =>
  useCursorList<DataImport>(
    [...ingestKeys.sources(datasetId), 'runs', sourceId],
    `/ingest/datasets/${datasetId}/sources/${sourceId}/runs`,
    { limit: 10 },
  );
