import type { Dataset } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { tableOf } from '../datastore/index.ts';
import { BLANKS, emptyOutcome, keyFields, type Outcome, SAMPLE_LIMIT } from './quality.checks.ts';
import { creditCodeVerdict, mobileVerdict, residentIdVerdict, type Verdict } from './quality.formats.ts';

export const SCANNED_KINDS = ['resident_id', 'credit_code', 'mobile'] as const;
export type ScannedKind = (typeof SCANNED_KINDS)[number];
export type ScannedRule = { id: string; kind: ScannedKind; field: string; params: Record<string, unknown> };

const BATCH = 5000;
const blank = new RegExp(`^[${BLANKS}]*$`);

function verdictOf(rule: ScannedRule, now: Date): (v: string) => Verdict {
  const p = rule.params;
  if (rule.kind === 'resident_id') {
    const o = {
      allowLegacy15: p.allowLegacy15 === true,
      acceptLowercaseX: p.acceptLowercaseX === true,
      checkAreaCode: p.checkAreaCode !== false,
    };
    return (v) => residentIdVerdict(v, o, now);
  }
  if (rule.kind === 'credit_code') {
    const o = { acceptLowercase: p.acceptLowercase === true };
    return (v) => creditCodeVerdict(v, o);
  }
  const o = { allowFormatting: p.allowFormatting === true };
  return (v) => mobileVerdict(v, o);
}

/**
 * The checksum rules (resident ID, credit code, mobile) in one pass over the table. Their check
 * characters live in JavaScript (platform/formats.ts), the platform's one copy, so the values come to
 * them: in batches by `_seq` (unique per row and indexed), each batch its own short statement.
 */
export async function scanChecksums(
  db: Db,
  ds: Pick<Dataset, 'code' | 'fields'>,
  rules: ScannedRule[],
  opts: { now?: Date; onBatch?: (rowsRead: number) => Promise<void> } = {},
): Promise<Map<string, Outcome>> {
  const out = new Map(rules.map((r) => [r.id, emptyOutcome()]));
  if (rules.length === 0) return out;
  const now = opts.now ?? new Date();
  const checks = rules.map((r) => ({
    rule: r,
    verdict: verdictOf(r, now),
    outcome: out.get(r.id) as Outcome,
  }));
  const keys = keyFields(ds).map((f) => f.name);
  const fields = [...new Set(rules.map((r) => r.field))];
  // `t._seq` below: a bare `_seq` in ORDER BY would name this text column, sorting "10" before "9"
  // and skipping rows between batches.
  const cols = sql.join([
    sql`_seq::text as _seq`,
    ...keys.map((k) => sql`${sql.ref(k)}::text as ${sql.ref(`k_${k}`)}`),
    ...fields.map((f) => sql`${sql.ref(f)}::text as ${sql.ref(`v_${f}`)}`),
  ]);
  let after = '-1';
  let read = 0;
  for (;;) {
    const batch = await sql<Record<string, string | null>>`
      select ${cols} from ${sql.raw(tableOf(ds.code))} t
      where t._seq > ${after}::bigint order by t._seq limit ${BATCH}`.execute(db);
    for (const row of batch.rows) {
      for (const { rule, verdict, outcome } of checks) {
        const v = row[`v_${rule.field}`];
        if (v === null || v === undefined || blank.test(v)) continue;
        outcome.checked++;
        const why = verdict(v);
        if (why === null) continue;
        outcome.failed++;
        outcome.reasons[why] = (outcome.reasons[why] ?? 0) + 1;
        if (outcome.samples.length < SAMPLE_LIMIT) {
          outcome.samples.push({
            key: Object.fromEntries(keys.map((k) => [k, row[`k_${k}`] ?? null])),
            values: { [rule.field]: v },
            reason: why,
          });
        }
      }
    }
    read += batch.rows.length;
    if (batch.rows.length < BATCH) break;
    after = batch.rows[batch.rows.length - 1]?._seq as string;
    await opts.onBatch?.(read);
  }
  return out;
}
