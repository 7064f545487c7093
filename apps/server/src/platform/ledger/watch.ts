import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { verifyConsistency } from './merkle.ts';
import { type NoteVerifier, openNote, parseCheckpoint, parseVerifierKey } from './note.ts';

export type WitnessState = { vkey: string; size: number; root: string; note: string };
export type WatchStep =
  | { ok: true; size: number; grew: number; note: string }
  | { ok: false; problem: string };

async function getText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

/**
 * One witness step: fetch the log's latest checkpoint, check its signature with the pinned key,
 * and prove it consistent with the last checkpoint this witness saw.
 */
export async function witnessOnce(
  base: string,
  verifier: NoteVerifier,
  previous: WitnessState | null,
): Promise<WatchStep> {
  const api = `${base.replace(/\/$/, '')}/api/v1/ledger`;
  const note = await getText(`${api}/checkpoint`);
  const text = openNote(note, verifier);
  if (!text)
    return {
      ok: false,
      problem: '检查点签名无效 / checkpoint signature does not verify with the pinned key',
    };
  const c = parseCheckpoint(text);
  if (c.origin !== verifier.name)
    return { ok: false, problem: `checkpoint origin ${c.origin} is not ${verifier.name}` };
  if (!previous || previous.size === 0) return { ok: true, size: c.size, grew: c.size, note };
  const oldRoot = Buffer.from(previous.root, 'base64');
  if (c.size < previous.size)
    return { ok: false, problem: `日志缩短 / the log shrank from ${previous.size} to ${c.size}` };
  if (c.size === previous.size) {
    return c.root.equals(oldRoot)
      ? { ok: true, size: c.size, grew: 0, note }
      : { ok: false, problem: `分叉 / two different roots for size ${c.size}` };
  }
  const res = await fetch(`${api}/proof/consistency?first=${previous.size}&second=${c.size}`);
  if (!res.ok) return { ok: false, problem: `consistency proof unavailable: HTTP ${res.status}` };
  const proof = ((await res.json()) as { hashes: string[] }).hashes.map((h) => Buffer.from(h, 'base64'));
  if (!verifyConsistency(previous.size, c.size, oldRoot, c.root, proof)) {
    return {
      ok: false,
      problem: `不一致 / size ${c.size} is not an extension of size ${previous.size}: the log was rewritten`,
    };
  }
  return { ok: true, size: c.size, grew: c.size - previous.size, note };
}

/** Loads the witness state file, or starts one pinning the given (or fetched) verifier key. */
export async function loadWitnessState(
  file: string,
  base: string,
  vkey?: string,
): Promise<{ verifier: NoteVerifier; state: WitnessState | null; vkey: string }> {
  if (existsSync(file)) {
    const state = JSON.parse(readFileSync(file, 'utf8')) as WitnessState;
    if (vkey && vkey.trim() !== state.vkey)
      throw new Error('the given key differs from the key pinned in the state file');
    return { verifier: parseVerifierKey(state.vkey), state, vkey: state.vkey };
  }
  const key = (vkey ?? (await getText(`${base.replace(/\/$/, '')}/api/v1/ledger/verifier-key`))).trim();
  return { verifier: parseVerifierKey(key), state: null, vkey: key };
}

export function saveWitnessState(file: string, state: WitnessState): void {
  writeFileSync(file, JSON.stringify(state, null, 2));
}
