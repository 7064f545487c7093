import type { Db } from '../../db/connection.ts';
import { type Actor, requireRole } from '../actor.ts';
import { AppError } from '../errors.ts';
import { entryOf, type LedgerInput, subjectHash } from './entry.ts';
import * as repo from './ledger.repo.ts';
import {
  consistencyProof,
  Frontier,
  inclusionProof,
  type NodeGetter,
  sha256Concat,
  withNodes,
} from './merkle.ts';
import { checkpointText, type NoteSigner, signNote, verifierKey } from './note.ts';

export type LedgerSettings = {
  origin: string;
  signer: NoteSigner;
  salt: string;
  checkpointEveryMs: number;
  batchSize: number;
};

/** Splits a concatenation of 32-byte hashes. */
export const splitHashes = (b: Buffer): Buffer[] =>
  Array.from({ length: b.length / 32 }, (_, i) => b.subarray(i * 32, (i + 1) * 32));

/**
 * The audit ledger: an append-only Merkle log (RFC 9162) with signed C2SP checkpoints.
 * Writers enqueue canonical entries (grouped into one insert per tick); the sequencer assigns
 * indices in batches under one lock and signs checkpoints.
 */
export function createLedger(deps: { db: Db; settings: LedgerSettings; now?: () => Date }) {
  const { db, settings } = deps;
  const now = deps.now ?? (() => new Date());
  let pending: {
    entry: { body: Buffer; subjects: string[] };
    resolve: () => void;
    reject: (e: unknown) => void;
  }[] = [];
  let flushing: Promise<void> | null = null;
  let lastCheckpointAt = 0;
  let wakeSequencer: (() => void) | null = null;

  async function flush(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await repo.enqueue(
          db,
          batch.map((p) => p.entry),
        );
        for (const p of batch) p.resolve();
      } catch (e) {
        for (const p of batch) p.reject(e);
      }
    }
    flushing = null;
    wakeSequencer?.();
  }

  /** Writes an entry durably (it is in the queue table when this resolves), inside `trx` when given. */
  async function record(input: LedgerInput, trx?: Db): Promise<void> {
    const entry = entryOf(input, settings.salt, now());
    if (trx) return repo.enqueue(trx, [entry]);
    const done = new Promise<void>((resolve, reject) => pending.push({ entry, resolve, reject }));
    // Group commit: every record() of this tick goes into one multi-row insert.
    flushing ??= new Promise<void>((r) => setImmediate(r)).then(flush);
    return done;
  }

  function signCheckpoint(size: number, root: Buffer): { size: number; root: Buffer; note: string } {
    return {
      size,
      root,
      note: signNote(checkpointText({ origin: settings.origin, size, root }), settings.signer),
    };
  }

  /** Sequences up to one batch of queued entries; answers how many. */
  async function sequence(): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const head = await repo.lockHead(trx);
      const queued = await repo.takeQueuedLeaves(trx, settings.batchSize);
      const latest = await repo.latestCheckpoint(trx);
      const frontier = Frontier.from(head.size, splitHashes(head.frontier));
      let chain = head.chain.length ? head.chain : Buffer.alloc(32);
      const rows = queued.map((q) => {
        const completed = Buffer.concat(frontier.append(q.leaf));
        chain = sha256Concat(chain, q.leaf);
        return { queueId: q.id, idx: frontier.size - 1, leaf_hash: q.leaf, completed, chain };
      });
      if (rows.length > 0) {
        await repo.moveToLog(trx, rows);
        await repo.deleteQueuedIds(
          trx,
          queued.map((q) => q.id),
        );
        await repo.updateHead(trx, { size: frontier.size, frontier: Buffer.concat(frontier.hashes), chain });
      }
      const due = Date.now() - lastCheckpointAt >= settings.checkpointEveryMs;
      if (!latest || (latest.size < frontier.size && due)) {
        await repo.insertCheckpoint(trx, signCheckpoint(frontier.size, frontier.root()));
        lastCheckpointAt = Date.now();
      }
      return rows.length;
    });
  }

  /** Sequences until the queue is empty (tests, CLI). */
  async function drain(): Promise<number> {
    await flushing;
    let total = 0;
    for (let n = await sequence(); n > 0; n = await sequence()) total += n;
    return total;
  }

  /** The hash of a stored full subtree, by the leaf that completed it. */
  async function fetchNodes(wanted: { level: number; index: number }[]): Promise<Map<string, Buffer>> {
    const lastLeaf = (w: { level: number; index: number }) => (w.index + 1) * 2 ** w.level - 1;
    const rows = await repo.readNodeRows(db, [...new Set(wanted.map(lastLeaf))]);
    const byIdx = new Map(rows.map((r) => [r.idx, r]));
    const out = new Map<string, Buffer>();
    for (const w of wanted) {
      const r = byIdx.get(lastLeaf(w));
      if (!r) continue;
      out.set(
        `${w.level}:${w.index}`,
        w.level === 0 ? r.leafHash : r.completed.subarray((w.level - 1) * 32, w.level * 32),
      );
    }
    return out;
  }

  async function sizeNow(): Promise<number> {
    return (await repo.readHead(db)).size;
  }

  const proof = (compute: (get: NodeGetter) => Buffer[]) => withNodes(compute, fetchNodes);

  return {
    record,
    sequence,
    drain,
    sizeNow,

    /** The latest signed checkpoint (a C2SP signed note), making the first one if the log has none. */
    async checkpoint(): Promise<string> {
      let c = await repo.latestCheckpoint(db);
      if (!c) {
        await sequence();
        c = await repo.latestCheckpoint(db);
      }
      return (c as { note: string }).note;
    },

    verifierKey: () => verifierKey(settings.signer),

    /**
     * Entries concerning a person or enterprise (by their key, hashed here with the ledger's salt),
     * newest first: what "my data" shows its subject. The caller has established who the subject is.
     */
    async listEntriesAbout(subjectKey: string, q: { before: number | null; limit: number }) {
      const rows = await repo.readEntriesAbout(db, subjectHash(settings.salt, subjectKey), q.before, q.limit);
      return rows.map((r) => ({
        index: r.idx,
        data: r.body.toString('base64'),
        entry: JSON.parse(r.body.toString('utf8')) as Record<string, unknown>,
      }));
    },

    /** Entries [start, end) with their canonical bytes; auditors only. */
    async listEntries(actor: Actor, start: number, end: number) {
      requireRole(actor, 'auditor');
      const size = await sizeNow();
      if (start >= end || end - start > 1000) {
        throw new AppError('validation_failed', { fields: 'start, end' }, [
          { field: 'end', message: 'end must be greater than start, at most 1000 entries at a time' },
        ]);
      }
      const rows = await repo.readEntries(db, start, Math.min(end, size));
      return {
        size,
        entries: rows.map((r) => ({
          index: r.idx,
          leafHash: r.leafHash.toString('base64'),
          data: r.body.toString('base64'),
          entry: JSON.parse(r.body.toString('utf8')) as Record<string, unknown>,
        })),
      };
    },

    async inclusion(index: number, size: number) {
      const current = await sizeNow();
      if (size > current || index >= size) throw new AppError('proof_out_of_range', { size: current });
      const hashes = await proof((get) => inclusionProof(index, size, get));
      const [leaf] = (await repo.readNodeRows(db, [index])).map((r) => r.leafHash);
      return {
        index,
        size,
        leafHash: (leaf as Buffer).toString('base64'),
        hashes: hashes.map((h) => h.toString('base64')),
      };
    },

    async consistency(first: number, second: number) {
      const current = await sizeNow();
      if (second > current || first < 1 || first > second)
        throw new AppError('proof_out_of_range', { size: current });
      const hashes = await proof((get) => consistencyProof(first, second, get));
      return { first, second, hashes: hashes.map((h) => h.toString('base64')) };
    },

    /** Runs the sequencer in the background until stopped. */
    startSequencer(opts: { pollMs?: number; batchDelayMs?: number; onError?: (e: unknown) => void } = {}) {
      let stopped = false;
      const loop = (async () => {
        while (!stopped) {
          let n = 0;
          try {
            n = await sequence();
          } catch (e) {
            opts.onError?.(e);
          }
          if (stopped) break;
          if (n === 0) {
            await new Promise<void>((r) => {
              wakeSequencer = r;
              setTimeout(r, opts.pollMs ?? 200);
            });
          } else if (n < settings.batchSize / 2) {
            // Under steady load, sequencing each few entries as they come costs seven statements a
            // time; a short pause lets the next batch fill up. Writers do not wait for sequencing.
            wakeSequencer = null;
            await new Promise<void>((r) => setTimeout(r, opts.batchDelayMs ?? 50));
          }
        }
      })();
      return {
        stop: async () => {
          stopped = true;
          wakeSequencer?.();
          await loop;
        },
      };
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
