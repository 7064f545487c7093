import type { DatasetField } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../platform/errors.ts';
import * as repo from './kanon.repo.ts';
import { fingerprint } from './kanon.sql.ts';

/** The parts of a catalog entry the opening gate looks at. */
export type GatedDataset = {
  id: string;
  code: string;
  status: string;
  open_type: string;
  fields: DatasetField[];
};

const isOpen = (t: string) => t === 'unconditional' || t === 'conditional';
export const personalFields = (fields: DatasetField[]) => fields.filter((f) => f.sensitivity !== 'none');
const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

export type Verdict = { ok: true } | { ok: false; zh: string; en: string };

/** Whether a finished check still describes the data and the marked quasi-identifiers (and today's k). */
export function isStale(
  check: repo.CheckRow,
  current: { quasiIdentifiers: string[] | null; rows: number; maxSeq: number | null; minK: number },
): boolean {
  return (
    current.quasiIdentifiers === null ||
    !sameSet(check.quasi_identifiers, current.quasiIdentifiers) ||
    check.data_rows !== current.rows ||
    (check.data_max_seq ?? null) !== current.maxSeq ||
    check.k < current.minK
  );
}

/** Judges whether the dataset's current rows may be opened: a fresh passing check, or no rows at all. */
export async function judge(trx: Db, ds: GatedDataset, minK: number): Promise<Verdict> {
  const fp = await fingerprint(trx, ds.code);
  // Nothing loaded yet means nothing to re-identify; the first load makes any later check due.
  if (fp.rows === 0) return { ok: true };
  const config = await repo.findConfig(trx, ds.id);
  if (!config)
    return {
      ok: false,
      zh: '尚未标记准标识符，也没有检查结果',
      en: 'no quasi-identifiers are marked and no check has been run',
    };
  const check = await repo.latestDoneCheck(trx, ds.id);
  if (!check) return { ok: false, zh: '尚未做过检查', en: 'no check has been run' };
  const at = check.created_at.toISOString().slice(0, 16).replace('T', ' ');
  if (isStale(check, { quasiIdentifiers: config.quasi_identifiers, ...fp, minK }))
    return {
      ok: false,
      zh: `最近一次检查（${at}）之后数据、准标识符或 k 已变化，请重新检查`,
      en: `the data, the quasi-identifiers or k changed since the last check (${at}); check again`,
    };
  if (!check.passed)
    return {
      ok: false,
      zh: `最小等价类只有 ${check.smallest_class} 行，${check.classes_below_k} 个等价类共 ${check.rows_below_k} 行低于 k`,
      en: `the smallest equivalence class has ${check.smallest_class} rows; ${check.classes_below_k} classes (${check.rows_below_k} rows) are below k`,
    };
  return { ok: true };
}

/**
 * The catalog's opening gate: a published dataset with personal fields cannot become open
 * (unconditional or conditional), nor an open one gain personal fields, unless its current rows pass a
 * k-anonymity check at the configured k. Runs inside the catalog's transaction, on its connection.
 */
export function openingGate(settings: { minK: number }) {
  return async (trx: Db, before: GatedDataset, after: GatedDataset): Promise<void> => {
    const personal = personalFields(after.fields);
    if (after.status !== 'published' || !isOpen(after.open_type) || personal.length === 0) return;
    const wasOpen = before.status === 'published' && isOpen(before.open_type);
    const hadPersonal = new Set(personalFields(before.fields).map((f) => f.name));
    if (wasOpen && personal.every((f) => hadPersonal.has(f.name))) return;
    const verdict = await judge(trx, after, settings.minK);
    if (verdict.ok) return;
    throw new AppError('privacy_open_blocked', {
      dataset: after.code,
      fields: personal.map((f) => f.name).join(', '),
      k: settings.minK,
      reason_zh: verdict.zh,
      reason_en: verdict.en,
    });
  };
}
