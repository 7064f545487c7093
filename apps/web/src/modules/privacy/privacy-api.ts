import type {
  CreatePsiSessionBody,
  DpBudget,
  DpQueryBody,
  DpRelease,
  KanonCheck,
  PrivacySettings,
  PsiSession,
} from '@shuzhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiGet, apiPost } from '../../app/api';

export const privacyKeys = {
  settings: (id: string) => ['privacy', 'settings', id] as const,
  checks: (id: string) => ['privacy', 'checks', id] as const,
  budget: (id: string) => ['privacy', 'budget', id] as const,
  releases: (id: string) => ['privacy', 'releases', id] as const,
  sessions: ['privacy', 'psi'] as const,
};

const base = (id: string) => `/privacy/datasets/${id}`;

export const usePrivacySettings = (id: string | undefined, enabled = true) =>
  useQuery({
    queryKey: privacyKeys.settings(id ?? ''),
    queryFn: ({ signal }) => apiGet<PrivacySettings>(`${base(id ?? '')}/settings`, undefined, signal),
    enabled: !!id && enabled,
    retry: false,
  });

export const useSaveQuasiIdentifiers = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (quasiIdentifiers: string[]) =>
      api<PrivacySettings>(`${base(id)}/quasi-identifiers`, { method: 'PUT', body: { quasiIdentifiers } }),
    onSuccess: (s) => {
      qc.setQueryData(privacyKeys.settings(id), s);
      void qc.invalidateQueries({ queryKey: privacyKeys.checks(id) });
    },
  });
};

/** Recent checks; polls every 2 s while the newest is running. */
export const useKanonChecks = (id: string, enabled = true) => {
  const qc = useQueryClient();
  return useQuery({
    queryKey: privacyKeys.checks(id),
    queryFn: async ({ signal }) => {
      const r = await apiGet<{ items: KanonCheck[] }>(`${base(id)}/kanon/checks`, undefined, signal);
      // A finished check may change whether open data serves the rows (the settings' release status).
      if (r.items[0]?.status !== 'running') void qc.invalidateQueries({ queryKey: privacyKeys.settings(id) });
      return r;
    },
    enabled,
    refetchInterval: (q) => (q.state.data?.items[0]?.status === 'running' ? 2000 : false),
  });
};

export const useStartCheck = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<KanonCheck>(`${base(id)}/kanon/checks`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: privacyKeys.checks(id) }),
  });
};

export const useDpBudget = (id: string, enabled = true) =>
  useQuery({
    queryKey: privacyKeys.budget(id),
    queryFn: ({ signal }) => apiGet<DpBudget>(`${base(id)}/dp/budget`, undefined, signal),
    enabled,
  });

export const useSetBudget = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (epsilonTotal: number) =>
      api<DpBudget>(`${base(id)}/dp/budget`, { method: 'PUT', body: { epsilonTotal } }),
    onSuccess: (b) => qc.setQueryData(privacyKeys.budget(id), b),
  });
};

export const useDpReleases = (id: string, enabled = true) =>
  useQuery({
    queryKey: privacyKeys.releases(id),
    queryFn: ({ signal }) =>
      apiGet<{ items: DpRelease[]; nextCursor: string | null }>(
        `${base(id)}/dp/releases`,
        { limit: 50 },
        signal,
      ),
    enabled,
  });

export const useRelease = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DpQueryBody) => apiPost<DpRelease>(`${base(id)}/dp/releases`, body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: privacyKeys.budget(id) });
      void qc.invalidateQueries({ queryKey: privacyKeys.releases(id) });
    },
  });
};

export const usePsiSessions = () =>
  useQuery({
    queryKey: privacyKeys.sessions,
    queryFn: ({ signal }) => apiGet<{ items: PsiSession[] }>('/privacy/psi/sessions', undefined, signal),
    refetchInterval: 10_000,
  });

export const useCreatePsiSession = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePsiSessionBody) => apiPost<PsiSession>('/privacy/psi/sessions', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: privacyKeys.sessions }),
  });
};

export const useFinishPsiSession = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<PsiSession>(`/privacy/psi/sessions/${id}/finish`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: privacyKeys.sessions }),
  });
};
