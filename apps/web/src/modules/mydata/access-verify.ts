import type { AccessEntry } from '@shuzhi/contracts';
import { useCallback, useState } from 'react';
import { apiRaw } from '../../app/api-raw';
import { parseCheckpoint } from '../ledger/checkpoint';
import { fetchInclusionProof } from '../ledger/ledger-api';
import { base64ToBytes, bytesEqual, leafHash, rootFromInclusionProof } from '../ledger/merkle-verify';

export type Verdict =
  | { state: 'checking' }
  | { state: 'verified'; size: number }
  | { state: 'failed'; size: number }
  | { state: 'pending' }
  | { state: 'error'; message: string };

type Head = { size: number; root: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The latest signed checkpoint: fetched fresh, as the proof must lead to a root the server signed. */
const fetchHead = async (): Promise<Head> => {
  const res = await apiRaw('/ledger/checkpoint', {
    headers: { Accept: 'text/plain, application/problem+json' },
    cache: 'no-store',
  });
  const { size, root } = parseCheckpoint(await res.text());
  return { size, root };
};

/**
 * A fresh entry may be newer than the latest checkpoint (signed about every second): wait a few
 * checkpoints for it rather than call it unverifiable.
 */
const headCovering = async (index: number): Promise<Head> => {
  let head = await fetchHead();
  for (let attempt = 0; attempt < 3 && index >= head.size; attempt++) {
    await sleep(1200);
    head = await fetchHead();
  }
  return head;
};

/**
 * Recomputes the leaf hash from the entry's canonical bytes and walks the server's inclusion proof
 * up to the signed root: the server's word that the entry is in the log is not trusted.
 */
export const verifyEntry = async (
  entry: Pick<AccessEntry, 'index' | 'data'>,
  head: Head,
): Promise<Verdict> => {
  if (entry.index >= head.size) return { state: 'pending' };
  const proof = await fetchInclusionProof(entry.index, head.size);
  const leaf = await leafHash(base64ToBytes(entry.data));
  const root = await rootFromInclusionProof(entry.index, head.size, leaf, proof.hashes.map(base64ToBytes));
  const ok = root !== null && bytesEqual(root, base64ToBytes(head.root));
  return ok ? { state: 'verified', size: head.size } : { state: 'failed', size: head.size };
};

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The verdict per ledger index, and a way to check one entry or many against one checkpoint. */
export const useAccessVerifier = () => {
  const [verdicts, setVerdicts] = useState<ReadonlyMap<number, Verdict>>(new Map());
  const put = useCallback((index: number, verdict: Verdict) => {
    setVerdicts((prev) => new Map(prev).set(index, verdict));
  }, []);

  const verify = useCallback(
    async (entries: Pick<AccessEntry, 'index' | 'data'>[]) => {
      if (entries.length === 0) return;
      for (const e of entries) put(e.index, { state: 'checking' });
      let head: Head;
      try {
        head = await headCovering(Math.max(...entries.map((e) => e.index)));
      } catch (err) {
        for (const e of entries) put(e.index, { state: 'error', message: messageOf(err) });
        return;
      }
      // A few at a time: each proof is one small request.
      const queue = [...entries];
      const worker = async () => {
        for (let e = queue.shift(); e; e = queue.shift()) {
          try {
            put(e.index, await verifyEntry(e, head));
          } catch (err) {
            put(e.index, { state: 'error', message: messageOf(err) });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(4, entries.length) }, worker));
    },
    [put],
  );

  return { verdicts, verify };
};
