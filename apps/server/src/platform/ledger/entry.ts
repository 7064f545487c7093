import { createHmac } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import type { Actor } from '../actor.ts';

type Serialize = (input: unknown) => string | undefined;
// A CommonJS package: its function is the default export at run time, whatever the typings say.
const canonicalize = ((canonicalizeModule as unknown as { default?: Serialize }).default ??
  canonicalizeModule) as unknown as Serialize;

/** What a ledger entry records: who did what, why, to which data and whose, with what result. */
export type LedgerInput = {
  actor: Actor;
  action: string;
  result: 'ok' | 'denied' | 'failed';
  purpose?: string;
  dataset?: string;
  fields?: string[];
  /** Keys of the people or enterprises concerned (ID numbers, credit codes): stored only as salted hashes. */
  subjects?: string[];
  /** Other facts of the decision (ids, old and new values that are not personal data). */
  details?: Record<string, unknown>;
};

/** A salted hash of a subject key: the same person always maps to the same value, which reveals nothing. */
export const subjectHash = (salt: string, key: string): string =>
  createHmac('sha256', salt).update(key.trim().toUpperCase()).digest('hex');

/**
 * The entry's canonical bytes (RFC 8785 JSON: what the leaf hash commits to) and the subject hashes
 * they name (kept beside the entry when it is sequenced).
 */
export function entryOf(input: LedgerInput, salt: string, time: Date): { body: Buffer; subjects: string[] } {
  const subjects = input.subjects?.length ? input.subjects.map((s) => subjectHash(salt, s)).sort() : [];
  const a = input.actor;
  const actor =
    a.kind === 'anonymous'
      ? { kind: 'anonymous' }
      : { kind: a.kind, id: a.id, name: a.name, org: a.orgId, orgName: a.orgName };
  const body = {
    v: 1,
    time: time.toISOString(),
    actor,
    action: input.action,
    result: input.result,
    ...(input.purpose ? { purpose: input.purpose } : {}),
    ...(input.dataset ? { dataset: input.dataset } : {}),
    ...(input.fields?.length ? { fields: [...input.fields].sort() } : {}),
    ...(subjects.length ? { subjects } : {}),
    ...(input.details ? { details: input.details } : {}),
  };
  return { body: Buffer.from(canonicalize(body) as string, 'utf8'), subjects: [...new Set(subjects)] };
}
