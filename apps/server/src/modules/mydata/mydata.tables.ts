import type { Generated } from 'kysely';

export interface ChallengeTable {
  id: string;
  subject_type: 'person' | 'enterprise';
  /** The subject's key, sealed with the credential key (it is personal data). */
  subject_sealed: string;
  code_hash: string;
  attempts: Generated<number>;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface SubjectSessionTable {
  token_hash: string;
  subject_id: string;
  subject_type: 'person' | 'enterprise';
  subject_sealed: string;
  created_at: Generated<Date>;
  expires_at: Date;
}

export interface ConsentTable {
  id: string;
  subject_hash: string;
  seq: number;
  action: 'grant' | 'withdraw';
  scope: 'form_prefill' | 'third_party';
  party_org_id: string | null;
  party_name: string | null;
  purpose: string;
  withdraws: string | null;
  created_at: Date;
  prev_hash: string;
  hash: string;
  signature: string;
}

export interface MydataTables {
  'mydata.challenge': ChallengeTable;
  'mydata.session': SubjectSessionTable;
  'mydata.consent': ConsentTable;
}
