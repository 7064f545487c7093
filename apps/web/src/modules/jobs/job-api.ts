import type { Job } from '@shuzhi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../app/api';
import { useCursorList } from '../../ui/use-cursor-list';

export const jobKeys = { all: ['jobs'] as const, list: ['jobs', 'list'] as const };

export const isActiveJob = (job: Job) => job.status === 'queued' || job.status === 'running';

/** The org's jobs; polls every 2 s while any of them is still queued or running. */
export const useJobList = () =>
  useCursorList<Job>(
    jobKeys.list,
    '/jobs',
    {},
    { refetchInterval: (jobs) => (jobs.some(isActiveJob) ? 2000 : false) },
  );

export const useCancelJob = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<Job>(`/jobs/${id}/cancel`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: jobKeys.all }),
  });
};

export const useImportAreas = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<Job>('/areas/import', {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: jobKeys.all }),
  });
};
