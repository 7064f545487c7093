import type {
  ApiKey,
  ApiKeyUsageDay,
  ApplicableDataset,
  Application,
  ApplyBody,
  ApproveBody,
  OpenAccount,
  OpenEmailCode,
  OpenSignedUp,
  OpenSignupBody,
} from '@shuzhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost, isApiError } from '../../app/api';

/* The second element 'me' keeps the app's 401 handling (which signs staff out) away from this key. */
const ACCOUNT_KEY = ['openAccess', 'me'] as const;
const keysKey = ['openAccess', 'keys'] as const;
const appsKey = ['openAccess', 'applications'] as const;
const inboxKey = ['openAccess', 'inbox'] as const;
/* The last code sent in this tab (expiry, demo code); another sign-in drops it with the keys. */
const codeKey = ['openAccess', 'emailCode'] as const;

/** The last verification code sent, with when it was sent (for the resend countdown). */
export type SentCode = OpenEmailCode & { sentAt: number };

/** The signed-in open data account, or null. */
export const useOpenAccount = () =>
  useQuery({
    queryKey: ACCOUNT_KEY,
    queryFn: async (): Promise<OpenAccount | null> => {
      try {
        return await apiGet<OpenAccount>('/open/access/me');
      } catch (err) {
        if (isApiError(err) && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });

/** Another account's keys and applications must not show; the account query itself is replaced in place. */
const notTheAccount = (q: { queryKey: readonly unknown[] }) =>
  q.queryKey[0] === 'openAccess' && q.queryKey[1] !== 'me';

const useSession = <B>(path: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiPost<OpenAccount>(path, body),
    onSuccess: (account) => {
      qc.removeQueries({ predicate: notTheAccount });
      qc.setQueryData(ACCOUNT_KEY, account);
    },
  });
};
/** Sign-up: the account starts unverified, and the code that went to the e-mail is remembered here. */
export const useOpenSignup = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenSignupBody) => apiPost<OpenSignedUp>('/open/access/signup', body),
    onSuccess: ({ codeExpiresAt, demoCode, ...account }) => {
      qc.removeQueries({ predicate: notTheAccount });
      qc.setQueryData(ACCOUNT_KEY, account);
      qc.setQueryData<SentCode>(codeKey, { expiresAt: codeExpiresAt, demoCode, sentAt: Date.now() });
    },
  });
};
export const useOpenLogin = () => useSession<{ email: string; password: string }>('/open/access/login');

export const useOpenLogout = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<void>('/open/access/logout'),
    onSettled: () => {
      qc.removeQueries({ predicate: notTheAccount });
      qc.setQueryData(ACCOUNT_KEY, null);
    },
  });
};

/** The code sent since this page loaded, if any: after a reload, only a resend shows one again. */
export const useSentCode = () =>
  useQuery({ queryKey: codeKey, queryFn: (): SentCode | null => null, staleTime: Number.POSITIVE_INFINITY });

export const useVerifyEmail = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiPost<OpenAccount>('/open/access/verify-email', { code }),
    onSuccess: (account) => {
      qc.setQueryData(ACCOUNT_KEY, account);
      qc.removeQueries({ queryKey: codeKey });
    },
  });
};

export const useResendCode = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<OpenEmailCode>('/open/access/verify-email/resend'),
    onSuccess: (sent) => qc.setQueryData<SentCode>(codeKey, { ...sent, sentAt: Date.now() }),
  });
};

export const useKeys = (enabled: boolean) =>
  useQuery({
    queryKey: keysKey,
    queryFn: () => apiGet<{ items: ApiKey[]; maxActive: number }>('/open/access/keys'),
    enabled,
  });

export const useKeyUsage = (id: string | null) =>
  useQuery({
    queryKey: [...keysKey, id, 'usage'],
    queryFn: () => apiGet<{ items: ApiKeyUsageDay[] }>(`/open/access/keys/${id}/usage`),
    enabled: id !== null,
  });

const useKeyMutation = <V, R>(fn: (v: V) => Promise<R>) => {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keysKey }) });
};
export const useCreateKey = () =>
  useKeyMutation((name: string) => apiPost<{ key: ApiKey; secret: string }>('/open/access/keys', { name }));
export const useRenameKey = () =>
  useKeyMutation((v: { id: string; name: string }) =>
    apiPatch<ApiKey>(`/open/access/keys/${v.id}`, { name: v.name }),
  );
export const useRevokeKey = () =>
  useKeyMutation((id: string) => apiPost<ApiKey>(`/open/access/keys/${id}/revoke`));

export const useApplicable = (code: string | undefined) =>
  useQuery({
    queryKey: ['openAccess', 'dataset', code],
    queryFn: () => apiGet<ApplicableDataset>(`/open/access/datasets/${encodeURIComponent(code as string)}`),
    enabled: !!code,
  });

export const useMyApplications = (enabled: boolean) =>
  useQuery({
    queryKey: appsKey,
    queryFn: () => apiGet<{ items: Application[] }>('/open/access/applications'),
    enabled,
  });

export const useApply = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyBody) => apiPost<Application>('/open/access/applications', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: appsKey }),
  });
};

export const useWithdraw = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<Application>(`/open/access/applications/${id}/withdraw`),
    onSuccess: () => qc.invalidateQueries({ queryKey: appsKey }),
  });
};

export type InboxFilter = { status?: Application['status']; overdue?: boolean };

export const useInbox = (filter: InboxFilter) =>
  useQuery({
    queryKey: [...inboxKey, filter],
    queryFn: () =>
      apiGet<{ items: Application[] }>('/open/access/inbox', {
        status: filter.status,
        overdue: filter.overdue ? 'true' : undefined,
      }),
  });

export const useDecide = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      v:
        | { id: string; verb: 'approve'; body: ApproveBody }
        | { id: string; verb: 'reject'; body: { reason: string } },
    ) => apiPost<Application>(`/open/access/inbox/${v.id}/${v.verb}`, v.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKey }),
  });
};
