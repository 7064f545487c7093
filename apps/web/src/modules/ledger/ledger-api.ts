import type { InclusionProof, LedgerEntries, LedgerEntry } from '@shuzhi/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet } from '../../app/api';
import { apiRaw } from '../../app/api-raw';
import { parseCheckpoint } from './checkpoint';

export type LedgerRow = z.infer<typeof LedgerEntry>;
type LedgerPage = z.infer<typeof LedgerEntries>;
type Inclusion = z.infer<typeof InclusionProof>;

export const PAGE_SIZE = 50;
export const REFRESH_MS = 10_000;

export const ledgerKeys = {
  all: ['ledger'] as const,
  checkpoint: ['ledger', 'checkpoint'] as const,
  verifierKey: ['ledger', 'verifier-key'] as const,
  head: ['ledger', 'head'] as const,
  entries: (start: number, end: number) => ['ledger', 'entries', start, end] as const,
};

// The checkpoint and the key are text/plain (the formats witnesses read), which `api` would parse as JSON.
const getText = async (path: string, signal?: AbortSignal): Promise<string> =>
  (await apiRaw(path, { signal, headers: { Accept: 'text/plain, application/problem+json' } })).text();

/** The latest signed checkpoint, raw and parsed; refreshed every 10 s. */
export const useCheckpoint = () =>
  useQuery({
    queryKey: ledgerKeys.checkpoint,
    queryFn: async ({ signal }) => {
      const note = await getText('/ledger/checkpoint', signal);
      return { note, ...parseCheckpoint(note) };
    },
    refetchInterval: REFRESH_MS,
  });

export const useVerifierKey = () =>
  useQuery({
    queryKey: ledgerKeys.verifierKey,
    queryFn: async ({ signal }) => (await getText('/ledger/verifier-key', signal)).trim(),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Entries [start, end) of `size`, counting back from the newest: page 1 holds the latest 50. */
export const pageRange = (size: number, page: number) => {
  const end = Math.max(0, size - (page - 1) * PAGE_SIZE);
  return { start: Math.max(0, end - PAGE_SIZE), end };
};

/** The page of `index` when pages count back from the newest entry. */
export const pageOf = (size: number, index: number) => Math.floor((size - 1 - index) / PAGE_SIZE) + 1;

/** The log's current size (the head may be ahead of the latest checkpoint); auditors only. */
export const useLedgerSize = (enabled: boolean) =>
  useQuery({
    queryKey: ledgerKeys.head,
    queryFn: async ({ signal }) =>
      (await apiGet<LedgerPage>('/ledger/entries', { start: 0, end: 1 }, signal)).size,
    refetchInterval: REFRESH_MS,
    enabled,
  });

/** One page of entries, newest first. */
export const useLedgerPage = (size: number | undefined, page: number) => {
  const { start, end } = pageRange(size ?? 0, page);
  return useQuery({
    queryKey: ledgerKeys.entries(start, end),
    queryFn: async ({ signal }) => {
      const body = await apiGet<LedgerPage>('/ledger/entries', { start, end }, signal);
      return [...body.entries].sort((a, b) => b.index - a.index);
    },
    enabled: size !== undefined && end > start,
    placeholderData: keepPreviousData,
    // A range of a Merkle log never changes once written.
    staleTime: Number.POSITIVE_INFINITY,
  });
};

export const fetchInclusionProof = (index: number, size: number) =>
  apiGet<Inclusion>('/ledger/proof/inclusion', { index, size });
