import type {
  AccessList,
  Complaint,
  ConsentBody,
  ConsentList,
  ConsentParties,
  ConsentRecord,
  DisputeBody,
  DisputeList,
  Holdings,
  MyDataChallenge,
  MyDataLoginStart,
  MyDataMe,
} from '@shuzhi/contracts';
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet, apiPost, isApiError } from '../../app/api';
import { apiRaw } from '../../app/api-raw';

/*
 * Every key starts ['mydata', 'me', …]: the app's global 401 handler signs staff out on any other
 * 401, and a citizen's expired session must not touch a staff session in the same browser.
 */
export const ME_KEY = ['mydata', 'me'] as const;
const keys = {
  holdings: [...ME_KEY, 'holdings'] as const,
  accesses: [...ME_KEY, 'accesses'] as const,
  disputes: [...ME_KEY, 'disputes'] as const,
  consents: [...ME_KEY, 'consents'] as const,
  parties: (q: string) => [...ME_KEY, 'parties', q] as const,
  key: [...ME_KEY, 'consent-key'] as const,
};

const P = '/mydata';

/** The data of the signed-in subject, not the session itself. */
const isSubjectData = (q: { queryKey: readonly unknown[] }) =>
  q.queryKey[0] === 'mydata' && q.queryKey.length > 2;

/** A 401 from a data call means the session ended: forget who was signed in, so the page goes to login. */
const guarded = async <T>(qc: QueryClient, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (err) {
    if (isApiError(err) && err.status === 401) {
      qc.removeQueries({ predicate: isSubjectData });
      qc.setQueryData(ME_KEY, null);
    }
    throw err;
  }
};

/** The signed-in data subject, or null. */
export const useMyDataMe = () =>
  useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }): Promise<MyDataMe | null> => {
      try {
        return await apiGet<MyDataMe>(`${P}/me`, undefined, signal);
      } catch (err) {
        if (isApiError(err) && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });

export const useLoginStart = () =>
  useMutation({ mutationFn: (body: MyDataLoginStart) => apiPost<MyDataChallenge>(`${P}/login/start`, body) });

export const useLoginVerify = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { challengeId: string; code: string }) => apiPost<MyDataMe>(`${P}/login/verify`, body),
    onSuccess: (me) => {
      qc.removeQueries({ predicate: isSubjectData });
      qc.setQueryData(ME_KEY, me);
    },
  });
};

export const useLogout = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<void>(`${P}/logout`),
    onSettled: () => {
      qc.removeQueries({ predicate: isSubjectData });
      qc.setQueryData(ME_KEY, null);
    },
  });
};

/**
 * What the datasets hold about me. Each read is itself ledgered (本人查询), so it stays fresh for a
 * while; `fetch: false` only reads what is already loaded (names for the access list).
 */
export const useHoldings = ({ fetch = true }: { fetch?: boolean } = {}) => {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.holdings,
    queryFn: ({ signal }) => guarded(qc, () => apiGet<Holdings>(`${P}/holdings`, undefined, signal)),
    staleTime: 5 * 60_000,
    enabled: fetch,
  });
};

export type AccessPage = z.infer<typeof AccessList>;

export const useAccesses = () => {
  const qc = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: keys.accesses,
    queryFn: ({ pageParam, signal }) =>
      guarded(qc, () => apiGet<AccessPage>(`${P}/accesses`, { limit: 50, cursor: pageParam }, signal)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
};

export const useDisputes = () => {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.disputes,
    queryFn: ({ signal }) =>
      guarded(qc, () => apiGet<z.infer<typeof DisputeList>>(`${P}/disputes`, undefined, signal)),
  });
};

export const useRaiseDispute = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DisputeBody) => guarded(qc, () => apiPost<Complaint>(`${P}/disputes`, body)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.disputes });
      void qc.invalidateQueries({ queryKey: keys.accesses });
    },
  });
};

export const useConsents = () => {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.consents,
    queryFn: ({ signal }) =>
      guarded(qc, () => apiGet<z.infer<typeof ConsentList>>(`${P}/consents`, undefined, signal)),
  });
};

const useConsentMutation = <V>(fn: (v: V) => Promise<ConsentRecord>) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => guarded(qc, () => fn(v)),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.consents }),
  });
};
export const useGrantConsent = () =>
  useConsentMutation((body: ConsentBody) => apiPost<ConsentRecord>(`${P}/consents`, body));
export const useWithdrawConsent = () =>
  useConsentMutation((id: string) => apiPost<ConsentRecord>(`${P}/consents/${id}/withdraw`));

export const useConsentParties = (q: string) => {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.parties(q),
    queryFn: ({ signal }) =>
      guarded(qc, () => apiGet<z.infer<typeof ConsentParties>>(`${P}/consents/parties`, { q }, signal)),
    staleTime: 5 * 60_000,
  });
};

/** The key as served: PEM text, or (should the server answer JSON) the string or its `pem`/`key` member. */
const pemOf = (text: string): string => {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('"')) return trimmed;
  try {
    const body = JSON.parse(trimmed) as unknown;
    if (typeof body === 'string') return body.trim();
    const obj = body as Record<string, unknown>;
    const value = obj.pem ?? obj.publicKey ?? obj.key;
    return typeof value === 'string' ? value.trim() : trimmed;
  } catch {
    return trimmed;
  }
};

/** The platform's Ed25519 public key (PEM), which verifies the consent records' signatures. */
export const useConsentKey = () =>
  useQuery({
    queryKey: keys.key,
    queryFn: async ({ signal }) => {
      const res = await apiRaw(`${P}/consents/key`, {
        signal,
        headers: { Accept: 'text/plain, application/json, application/problem+json' },
      });
      return pemOf(await res.text());
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
