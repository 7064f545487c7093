import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import type { ConsentBody, ConsentRecord } from '@shuzhi/contracts';
import canonicalizeModule from 'canonicalize';
import type { Db } from '../../db/connection.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ledger, subjectHash } from '../../platform/ledger/index.ts';
import * as repo from './mydata.repo.ts';
import type { ConsentTable } from './mydata.tables.ts';
import { type Subject, subjectActor } from './subject.ts';

type Serialize = (input: unknown) => string | undefined;
// A CommonJS package: its function is the default export at run time, whatever the typings say.
const canonicalize = ((canonicalizeModule as unknown as { default?: Serialize }).default ??
  canonicalizeModule) as unknown as Serialize;
const GENESIS = '0'.repeat(64);

/** The bytes a consent record's hash commits to (RFC 8785 JSON of everything but the hash and signature). */
export function consentBytes(r: Omit<ConsentTable, 'hash' | 'signature' | 'prev_hash'>): Buffer {
  return Buffer.from(
    canonicalize({
      v: 1,
      id: r.id,
      subject: r.subject_hash,
      seq: r.seq,
      action: r.action,
      scope: r.scope,
      party: r.party_org_id,
      partyName: r.party_name,
      purpose: r.purpose,
      withdraws: r.withdraws,
      at: r.created_at.toISOString(),
    }) as string,
    'utf8',
  );
}
export const chainHash = (prevHash: string, bytes: Buffer) =>
  createHash('sha256').update(prevHash, 'utf8').update(bytes).digest('hex');

/**
 * Consents of data subjects (授权同意): to prefill forms with their data, or for a named third party
 * (an organisation) to receive it. Each grant and withdrawal is a record in the subject's own hash
 * chain, its hash signed by the platform (Ed25519), so a record cannot be changed or dropped unseen.
 * Consent-based sharing grants read them on every call: a withdrawal takes effect on the next call.
 */
export function createConsents(deps: {
  db: Db;
  ledger: Ledger;
  salt: string;
  signingKeyPem: string;
  orgName: (id: string) => Promise<string | undefined>;
  now?: () => Date;
}) {
  const { db, ledger } = deps;
  const privateKey = createPrivateKey(deps.signingKeyPem);
  const publicKey = createPublicKey(privateKey);
  const hashOf = (key: string) => subjectHash(deps.salt, key);

  const activeGrants = (rows: ConsentTable[]) => {
    const withdrawn = new Set(rows.filter((r) => r.action === 'withdraw').map((r) => r.withdraws));
    return rows.filter((r) => r.action === 'grant' && !withdrawn.has(r.id));
  };

  function toRecord(r: ConsentTable, active: Set<string>): ConsentRecord {
    return {
      id: r.id,
      seq: r.seq,
      action: r.action,
      scope: r.scope,
      partyOrgId: r.party_org_id,
      partyName: r.party_name,
      purpose: r.purpose,
      withdraws: r.withdraws,
      createdAt: r.created_at.toISOString(),
      prevHash: r.prev_hash,
      hash: r.hash,
      signature: r.signature,
      active: active.has(r.id),
    };
  }

  const chainOf = repo.consentChain;

  /** Appends a record to the subject's chain, serialised per subject by an advisory lock. */
  async function append(
    s: Subject,
    r: Pick<ConsentTable, 'action' | 'scope' | 'party_org_id' | 'party_name' | 'purpose' | 'withdraws'>,
    check?: (chain: ConsentTable[]) => void,
  ) {
    const subject = hashOf(s.key);
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await repo.lockChain(trx, subject);
      const chain = await chainOf(trx, subject);
      check?.(chain);
      const last = chain.at(-1);
      const body = {
        id,
        subject_hash: subject,
        seq: (last?.seq ?? 0) + 1,
        created_at: deps.now?.() ?? new Date(),
        ...r,
      };
      const prev = last?.hash ?? GENESIS;
      const hash = chainHash(prev, consentBytes(body));
      const signature = sign(null, Buffer.from(hash, 'hex'), privateKey).toString('base64');
      await repo.insertConsent(trx, { ...body, prev_hash: prev, hash, signature });
      await ledger.record(
        {
          actor: subjectActor(s),
          action: `mydata.consent_${r.action}`,
          result: 'ok',
          purpose: r.purpose,
          subjects: [s.key],
          details: { consent: id, scope: r.scope, party: r.party_org_id, withdraws: r.withdraws, hash },
        },
        trx,
      );
    });
    return id;
  }

  async function list(s: Subject) {
    const rows = await chainOf(db, hashOf(s.key));
    const active = new Set(activeGrants(rows).map((r) => r.id));
    let prev = GENESIS;
    let chainValid = true;
    rows.forEach((r, i) => {
      const ok =
        r.seq === i + 1 &&
        r.prev_hash === prev &&
        chainHash(prev, consentBytes(r)) === r.hash &&
        verify(null, Buffer.from(r.hash, 'hex'), publicKey, Buffer.from(r.signature, 'base64'));
      if (!ok) chainValid = false;
      prev = r.hash;
    });
    return { items: rows.map((r) => toRecord(r, active)), chainValid };
  }

  return {
    list,
    publicKeyPem: () => publicKey.export({ type: 'spki', format: 'pem' }).toString(),

    async grant(s: Subject, body: ConsentBody): Promise<ConsentRecord> {
      let partyName: string | null = null;
      if (body.scope === 'third_party') {
        partyName = (await deps.orgName(body.partyOrgId as string)) ?? null;
        if (!partyName) throw notFound('org', body.partyOrgId as string);
      }
      const id = await append(s, {
        action: 'grant',
        scope: body.scope,
        party_org_id: body.scope === 'third_party' ? (body.partyOrgId as string) : null,
        party_name: partyName,
        purpose: body.purpose,
        withdraws: null,
      });
      return (await list(s)).items.find((r) => r.id === id) as ConsentRecord;
    },

    /** Withdraws a grant; the withdrawal repeats the grant's scope and party so the chain reads on its own. */
    async withdraw(s: Subject, consentId: string): Promise<ConsentRecord> {
      const granted = activeGrants(await chainOf(db, hashOf(s.key))).find((r) => r.id === consentId);
      if (!granted) throw new AppError('mydata_consent_not_active');
      const id = await append(
        s,
        {
          action: 'withdraw',
          scope: granted.scope,
          party_org_id: granted.party_org_id,
          party_name: granted.party_name,
          purpose: granted.purpose,
          withdraws: consentId,
        },
        // Checked again under the lock: two withdrawals at once must not both pass.
        (chain) => {
          if (!activeGrants(chain).some((r) => r.id === consentId))
            throw new AppError('mydata_consent_not_active');
        },
      );
      return (await list(s)).items.find((r) => r.id === id) as ConsentRecord;
    },

    /** Of these subjects (by key), those who consent now to the organisation receiving their data. */
    async consenting(orgId: string, keys: string[]): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const byHash = new Map(keys.map((k) => [hashOf(k), k]));
      const rows = await repo.consentsFor(db, orgId, [...byHash.keys()]);
      const out = new Set<string>();
      for (const [hash, key] of byHash) {
        const mine = rows.filter((r) => r.subject_hash === hash);
        if (activeGrants(mine).some((r) => r.scope === 'third_party' && r.party_org_id === orgId))
          out.add(key);
      }
      return out;
    },
  };
}

export type Consents = ReturnType<typeof createConsents>;
