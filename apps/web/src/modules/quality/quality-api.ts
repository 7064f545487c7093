import type {
  Complaint,
  ComplaintStatus,
  CreateRuleBody,
  DatasetQuality,
  QualityDashboard,
  QualityRule,
  QualityRun,
  QualityRunDetail,
  RaiseComplaintBody,
} from '@shuzhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiDelete, apiGet, apiPatch, apiPost } from '../../app/api';
import { useCursorList } from '../../ui/use-cursor-list';

export type RuleBody = z.input<typeof CreateRuleBody>;
export type ComplaintBox = 'mine' | 'inbox';
export type ComplaintFilter = { status?: ComplaintStatus; overdue?: boolean; dataset?: string };

export const qualityKeys = {
  all: ['quality'] as const,
  dashboard: ['quality', 'dashboard'] as const,
  dataset: (id: string) => ['quality', 'dataset', id] as const,
  rules: (id: string) => ['quality', 'rules', id] as const,
  problems: (id: string) => ['quality', 'problems', id] as const,
  runs: (id: string) => ['quality', 'runs', id] as const,
  complaints: ['quality', 'complaints'] as const,
};

const active = (run: QualityRun | null | undefined) =>
  !!run && (run.status === 'queued' || run.status === 'running');

export const useQualityDashboard = (org: string | undefined, days = 90) =>
  useQuery({
    queryKey: [...qualityKeys.dashboard, org ?? '', days],
    queryFn: ({ signal }) => apiGet<QualityDashboard>('/quality/dashboard', { org, days }, signal),
  });

/** Scores and history; polls every 2 s while a run is queued or under way, then refreshes the problems. */
export const useDatasetQuality = (id: string | undefined) => {
  const qc = useQueryClient();
  return useQuery({
    queryKey: qualityKeys.dataset(id ?? ''),
    queryFn: async ({ signal }) => {
      const q = await apiGet<DatasetQuality>(`/quality/datasets/${id}`, { days: 180 }, signal);
      const before = qc.getQueryData<DatasetQuality>(qualityKeys.dataset(id ?? ''));
      if (active(before?.active) && !q.active) {
        void qc.invalidateQueries({ queryKey: qualityKeys.problems(id ?? '') });
        void qc.invalidateQueries({ queryKey: qualityKeys.runs(id ?? '') });
      }
      return q;
    },
    enabled: !!id,
    refetchInterval: (q) => (active(q.state.data?.active) ? 2000 : false),
  });
};

export const useRules = (datasetId: string, enabled = true) =>
  useQuery({
    queryKey: qualityKeys.rules(datasetId),
    queryFn: ({ signal }) =>
      apiGet<{ items: QualityRule[] }>(`/quality/datasets/${datasetId}/rules`, undefined, signal).then(
        (r) => r.items,
      ),
    enabled,
  });

/** The latest run's problem list with sample rows (each read is written to the audit ledger). */
export const useProblems = (datasetId: string, enabled = true) =>
  useQuery({
    queryKey: qualityKeys.problems(datasetId),
    queryFn: ({ signal }) =>
      apiGet<QualityRunDetail | null>(`/quality/datasets/${datasetId}/problems`, undefined, signal),
    enabled,
  });

export const useRuns = (datasetId: string) =>
  useCursorList<QualityRun>(qualityKeys.runs(datasetId), `/quality/datasets/${datasetId}/runs`, {
    limit: 20,
  });

const useRefreshDataset = (datasetId: string) => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: qualityKeys.rules(datasetId) });
    void qc.invalidateQueries({ queryKey: qualityKeys.dataset(datasetId) });
  };
};

export const useCreateRule = (datasetId: string) => {
  const refresh = useRefreshDataset(datasetId);
  return useMutation({
    mutationFn: (body: RuleBody) => apiPost<QualityRule>(`/quality/datasets/${datasetId}/rules`, body),
    onSuccess: refresh,
  });
};

export const useUpdateRule = (datasetId: string) => {
  const refresh = useRefreshDataset(datasetId);
  return useMutation({
    mutationFn: ({
      id,
      patch,
    }: {
      id: string;
      patch: { enabled?: boolean; severity?: 'error' | 'warning' };
    }) => apiPatch<QualityRule>(`/quality/rules/${id}`, patch),
    onSuccess: refresh,
  });
};

export const useDeleteRule = (datasetId: string) => {
  const refresh = useRefreshDataset(datasetId);
  return useMutation({ mutationFn: (id: string) => apiDelete(`/quality/rules/${id}`), onSuccess: refresh });
};

export const useSuggestRules = (datasetId: string) => {
  const refresh = useRefreshDataset(datasetId);
  return useMutation({
    mutationFn: () => apiPost<{ items: QualityRule[] }>(`/quality/datasets/${datasetId}/rules/suggest`, {}),
    onSuccess: refresh,
  });
};

export const useStartRun = (datasetId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<QualityRun>(`/quality/datasets/${datasetId}/runs`, {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: qualityKeys.dataset(datasetId) });
      void qc.invalidateQueries({ queryKey: qualityKeys.runs(datasetId) });
    },
  });
};

// Complaints

export const useComplaints = (box: ComplaintBox, filter: ComplaintFilter, enabled = true) =>
  useCursorList<Complaint>(
    [...qualityKeys.complaints, box],
    '/quality/complaints',
    {
      box,
      status: filter.status,
      dataset: filter.dataset,
      overdue: filter.overdue === undefined ? undefined : String(filter.overdue),
      limit: 50,
    },
    { enabled },
  );

const useRefreshComplaints = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: qualityKeys.complaints });
    void qc.invalidateQueries({ queryKey: qualityKeys.dashboard });
  };
};

export const useRaiseComplaint = () => {
  const refresh = useRefreshComplaints();
  return useMutation({
    mutationFn: (body: RaiseComplaintBody) => apiPost<Complaint>('/quality/complaints', body),
    onSuccess: refresh,
  });
};

export const useAnswerComplaint = () => {
  const refresh = useRefreshComplaints();
  return useMutation({
    mutationFn: ({
      id,
      outcome,
      answer,
    }: {
      id: string;
      outcome: 'answered' | 'corrected';
      answer: string;
    }) => apiPost<Complaint>(`/quality/complaints/${id}/answer`, { outcome, answer }),
    onSuccess: refresh,
  });
};

export const useCloseComplaint = () => {
  const refresh = useRefreshComplaints();
  return useMutation({
    mutationFn: ({ id, feedback }: { id: string; feedback: string }) =>
      apiPost<Complaint>(`/quality/complaints/${id}/close`, { feedback }),
    onSuccess: refresh,
  });
};
