import type { Db } from '../../db/connection.ts';
import * as repo from './ledger.repo.ts';
import { Frontier, sha256Concat } from './merkle.ts';
import { type NoteVerifier, openNote, parseCheckpoint } from './note.ts';

export type VerifyResult =
  | { ok: true; entries: number; checkpoints: number }
  | { ok: false; index: number; problem: string; entries: number; checkpoints: number };

const PAGE = 10_000;

/**
 * Recomputes the whole log from storage: every leaf, the hash chain, the stored subtrees, and
 * every signed checkpoint's signature and root. Stops at the first problem, naming its index.
 */
export async function verifyLedger(
  db: Db,
  verifier: NoteVerifier,
  onProgress?: (done: number, total: number) => void,
): Promise<VerifyResult> {
  const head = await repo.readHead(db);
  const checkpoints = await repo.listCheckpoints(db);
  let checked = 0;
  const fail = (index: number, problem: string, entries: number): VerifyResult => ({
    ok: false,
    index,
    problem,
    entries,
    checkpoints: checked,
  });

  const roots = new Map<number, Buffer>();
  for (const c of checkpoints) {
    const text = openNote(c.note, verifier);
    if (!text)
      return fail(c.size, `检查点签名无效 / checkpoint at size ${c.size}: signature does not verify`, 0);
    const body = parseCheckpoint(text);
    if (body.origin !== verifier.name || body.size !== c.size || !body.root.equals(c.root)) {
      return fail(
        c.size,
        `检查点内容被改动 / checkpoint at size ${c.size}: stored fields differ from the signed note`,
        0,
      );
    }
    roots.set(c.size, c.root);
  }
  const frontier = Frontier.empty();
  if (roots.has(0) && !(roots.get(0) as Buffer).equals(frontier.root()))
    return fail(0, 'checkpoint at size 0: wrong root', 0);
  let chain: Buffer = Buffer.alloc(32);
  let next = 0;
  const total = Math.max(head.size, checkpoints.at(-1)?.size ?? 0);
  // Read the next page while this one is hashed.
  let page = repo.readPackedPage(db, 0, PAGE);
  for (let from = 0; ; ) {
    const current = await page;
    if (current.count === 0) break;
    from += PAGE;
    page = repo.readPackedPage(db, from, from + PAGE);
    for (const r of repo.unpack(current)) {
      if (r.idx !== next) return fail(next, `条目缺失 / entry ${next} is missing (deleted)`, next);
      if (current.badLeaf === next) {
        return fail(next, `条目内容被改动 / entry ${next}: data does not match its leaf hash`, next);
      }
      const leaf = r.leafHash;
      chain = sha256Concat(chain, leaf);
      if (!chain.equals(r.chain)) {
        return fail(
          next,
          `哈希链断裂 / entry ${next}: hash chain broken (edited, inserted or reordered)`,
          next,
        );
      }
      const completed = Buffer.concat(frontier.append(leaf));
      if (!completed.equals(r.completed))
        return fail(next, `entry ${next}: stored subtree hashes differ`, next);
      next++;
      const signed = roots.get(frontier.size);
      if (signed) {
        if (!signed.equals(frontier.root())) {
          const prev = Math.max(0, ...[...roots.keys()].filter((s) => s < frontier.size));
          return fail(
            prev,
            `树根与签名检查点不符 / the tree of size ${frontier.size} does not match its signed checkpoint: entries in [${prev}, ${frontier.size}) were rewritten`,
            next,
          );
        }
        checked++;
      }
    }
    onProgress?.(next, total);
  }
  if (next < total)
    return fail(
      next,
      `条目被删除 / entries from ${next} on are missing (the log or a checkpoint says ${total})`,
      next,
    );
  if (!Buffer.concat(frontier.hashes).equals(head.frontier) || head.size !== next) {
    return fail(next, `日志头与条目不符 / the log head does not match the entries (size ${head.size})`, next);
  }
  if (roots.has(0)) checked++;
  return { ok: true, entries: next, checkpoints: checked };
}
