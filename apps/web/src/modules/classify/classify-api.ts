import type { ClassifyRun, ColumnClassification, ConfirmClassifyBody, Level } from '@shuzhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet, apiPost, isApiError } from '../../app/api';
import { apiRaw } from '../../app/api-raw';
import { catalogKeys } from '../catalog/catalog-api';

export const classifyKeys = {
  latest: (datasetId: string) => ['classify', 'latest', datasetId] as const,
};

/** The dataset's newest detection run, or null when none has run yet. */
export const useLatestRun = (datasetId: string, enabled: boolean) =>
  useQuery({
    queryKey: classifyKeys.latest(datasetId),
    queryFn: async ({ signal }) => {
      try {
        return await apiGet<ClassifyRun>(`/classify/datasets/${datasetId}/runs/latest`, undefined, signal);
      } catch (err) {
        if (isApiError(err) && err.status === 404) return null;
        throw err;
      }
    },
    enabled,
  });

export const useRunDetection = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ datasetId, sampleRows }: { datasetId: string; sampleRows: number }) =>
      apiPost<ClassifyRun>(`/classify/datasets/${datasetId}/runs`, { sampleRows }),
    onSuccess: (run) => qc.setQueryData(classifyKeys.latest(run.datasetId), run),
  });
};

type ConfirmVars = { datasetId: string; runId: string; body: z.input<typeof ConfirmClassifyBody> };

/** Confirms a run; the catalog entry changed with it, so its queries are refreshed. */
export const useConfirmClassification = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ datasetId, runId, body }: ConfirmVars) =>
      apiPost<ClassifyRun>(`/classify/datasets/${datasetId}/runs/${runId}/confirm`, body),
    onSuccess: (run) => {
      qc.setQueryData(classifyKeys.latest(run.datasetId), run);
      return qc.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
};

export const CLASSIFY_ACCEPT = '.csv,.tsv,.txt,.xlsx,.xlsm,.json,.ndjson,.jsonl';
export const classifiable = (name: string) => /\.(csv|tsv|txt|xlsx|xlsm|json|ndjson|jsonl)$/i.test(name);

export type FileResult = {
  fileName: string;
  columns: ColumnClassification[];
  level: Level;
  rowsExamined: number;
  rowsSkipped: number;
};

/** Streams a file to the detector; the per-column array is the body, the rest comes in headers. */
export const useClassifyFile = () =>
  useMutation({
    mutationFn: async ({ file, sample }: { file: File; sample?: number }): Promise<FileResult> => {
      const qs = new URLSearchParams({ filename: file.name });
      if (sample) qs.set('sample', String(sample));
      const response = await apiRaw(`/classify/files?${qs}`, {
        method: 'POST',
        headers: {
          Accept: 'application/json, application/problem+json',
          'Content-Type': 'application/octet-stream',
        },
        body: file,
      });
      return {
        fileName: file.name,
        columns: (await response.json()) as ColumnClassification[],
        level: (response.headers.get('x-suggested-level') ?? 'L1') as Level,
        rowsExamined: Number(response.headers.get('x-rows-examined') ?? 0),
        rowsSkipped: Number(response.headers.get('x-rows-skipped') ?? 0),
      };
    },
  });
