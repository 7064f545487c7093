import type { SignedInActor } from '../../platform/actor.ts';
import type { LedgerInput } from '../../platform/ledger/index.ts';

/** What the ledger keeps of one gateway call that read data. */
export type CallRecord = {
  /** Calls of one grant share everything but these; they are batched by grant. */
  grant: {
    id: string;
    purpose: string;
    app: SignedInActor;
    appName: string;
    dataset: string;
    fields: string[];
  };
  op: string;
  records: number;
  /** Whose records the call read (hashed by the ledger), when the fields hold personal data. */
  subjects: string[];
  extra: Record<string, unknown>;
};

type Group = {
  grant: CallRecord['grant'];
  calls: CallRecord[];
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
};

/**
 * The gateway's ledger writer. Each call is in the ledger before its answer leaves, but calls of one
 * grant that arrive while the previous write is in flight share one entry (`details.calls` lists
 * them, `subjects` names everyone they read): at gateway rates one entry per call made the ledger's
 * rows, not the lookup, the cost of a call (ADR 0009). An idle gateway still writes each call alone.
 */
export function createCallLog(record: (input: LedgerInput) => Promise<void>) {
  let pending = new Map<string, Group>();
  let flushing: Promise<void> | null = null;

  const entryOf = (g: Group): LedgerInput => {
    const subjects = [...new Set(g.calls.flatMap((c) => c.subjects))];
    return {
      actor: g.grant.app,
      action: 'sharing.call',
      result: 'ok',
      purpose: g.grant.purpose,
      dataset: g.grant.dataset,
      fields: g.grant.fields,
      subjects: subjects.length > 0 ? subjects : undefined,
      details: {
        grant: g.grant.id,
        app: g.grant.app.name,
        appName: g.grant.appName,
        records: g.calls.reduce((n, c) => n + c.records, 0),
        calls: g.calls.map((c) => ({ op: c.op, records: c.records, ...c.extra })),
      },
    };
  };

  async function flush(): Promise<void> {
    while (pending.size > 0) {
      const groups = [...pending.values()];
      pending = new Map();
      await Promise.all(
        groups.map(async (g) => {
          try {
            await record(entryOf(g));
            for (const w of g.waiters) w.resolve();
          } catch (e) {
            for (const w of g.waiters) w.reject(e);
          }
        }),
      );
    }
    flushing = null;
  }

  return {
    /** Resolves once the call is durably in the ledger (in its group's entry). */
    add(call: CallRecord): Promise<void> {
      const done = new Promise<void>((resolve, reject) => {
        const g = pending.get(call.grant.id) ?? { grant: call.grant, calls: [], waiters: [] };
        g.calls.push(call);
        g.waiters.push({ resolve, reject });
        pending.set(call.grant.id, g);
      });
      if (!flushing) flushing = new Promise<void>((r) => setImmediate(r)).then(flush);
      return done;
    },
  };
}
