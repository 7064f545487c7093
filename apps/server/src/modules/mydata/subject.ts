import { createHmac } from 'node:crypto';
import type { SubjectType } from '@shuzhi/contracts';
import type { SignedInActor } from '../../platform/actor.ts';
import { maskCreditCode, maskResidentId } from '../masking/index.ts';

/** A person (by resident ID number) or an enterprise (by unified social credit code) signed in to my data. */
export type Subject = { id: string; type: SubjectType; key: string; since?: Date };

/** The identifier's personal-data type: what a dataset field must hold to be about this kind of subject. */
export const KEY_TYPE = { person: 'resident_id', enterprise: 'credit_code' } as const;

/**
 * A subject's stable id, the same at every sign-in (their complaints stay theirs): the first 128
 * bits of an HMAC of the identifier, shaped as a UUID (version 8, RFC 9562's custom layout).
 */
export function subjectId(salt: string, type: SubjectType, key: string): string {
  const h = createHmac('sha256', salt).update(`mydata.subject:${type}:${key}`).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x80;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const maskedKey = (s: Pick<Subject, 'type' | 'key'>) =>
  (s.type === 'person' ? maskResidentId(s.key) : maskCreditCode(s.key)) ?? '***';

/** A data subject as an actor: acting for themselves, in no organisation, holding no role. */
export function subjectActor(s: Subject): SignedInActor {
  return {
    kind: 'subject',
    id: s.id,
    name: maskedKey(s),
    orgId: '00000000-0000-0000-0000-000000000000',
    orgName: '',
    roles: [],
    areaCode: '330100',
    areaPath: '330100',
  };
}
