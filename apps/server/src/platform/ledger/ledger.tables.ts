import type { Generated } from 'kysely';

export interface LedgerTables {
  'ledger.queue': {
    id: Generated<number>;
    body: Buffer;
    subjects: string[] | null;
    queued_at: Generated<Date>;
  };
  'ledger.entry': {
    idx: number;
    body: Buffer;
    leaf_hash: Buffer;
    completed: Buffer;
    chain: Buffer;
    subjects: string[] | null;
    sequenced_at: Generated<Date>;
  };
  'ledger.head': { id: number; size: number; frontier: Buffer; chain: Buffer; updated_at: Generated<Date> };
  'ledger.checkpoint': { size: number; root: Buffer; note: string; created_at: Generated<Date> };
}
