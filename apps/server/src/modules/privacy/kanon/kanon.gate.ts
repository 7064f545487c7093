import type { DatasetField } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import { AppError } from '../../../platform/errors.ts';
import { dataVersion } from '../../datastore/index.ts';
import * as repo from './kanon.repo.ts';

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
  current: { quasiIdentifiers: string[] | null; version: number | null; minK: number },
): boolean {
  return (
    current.quasiIdentifiers === null ||
    !sameSet(check.quasi_identifiers, current.quasiIdentifiers) ||
    check.data_version === null ||
    Number(check.data_version) !== current.version ||
    check.k < current.minK
  );
}

/**
 * Judges whether the dataset's current rows may be opened, or leave through an open read path: a fresh
 * passing check, or no rows ever. One index lookup for the data's version and two small reads, so
 * that every open read can ask.
 */
export async function judge(trx: Db, ds: Pick<GatedDataset, 'id' | 'code'>, minK: number): Promise<Verdict> {
  const [version, config, check] = await Promise.all([
    dataVersion(trx, ds.code),
    repo.findConfig(trx, ds.id),
    repo.latestDoneCheck(trx, ds.id),
  ]);
  // Nothing ever loaded means nothing to re-identify; the first load makes a check due.
  if (version === null) return { ok: true };
  if (!config)
    return {
      ok: false,
      zh: '尚未标记准标识符，也没有检查结果',
      en: 'no quasi-identifiers are marked and no check has been run',
    };
  if (!check) return { ok: false, zh: '尚未做过检查', en: 'no check has been run' };
  const at = check.created_at.toISOString().slice(0, 16).replace('T', ' ');
  if (isStale(check, { quasiIdentifiers: config.quasi_identifiers, version, minK }))
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

/** What open read paths are told of a dataset: whether its rows may leave now. */
export type ReleaseGate = (ds: { id: string; code: string; fields: DatasetField[] }) => Promise<void>;

/**
 * The release gate of open read paths (downloads, previews, CKAN datastore reads, approved
 * applicants' records): the opening gate judged the rows of the day a dataset was opened, and later
 * loads change them. Rows of an open dataset with personal fields leave only while a passing check
 * describes the current data; a load queues a new check (kanon.service afterImport), so records
 * resume by themselves when it passes. Metadata stays visible throughout.
 */
export function releaseGate(db: Db, settings: { minK: number }): ReleaseGate {
  return async (ds) => {
    if (personalFields(ds.fields).length === 0) return;
    const verdict = await judge(db, ds, settings.minK);
    if (verdict.ok) return;
    throw new AppError('open_release_withheld', {
      dataset: ds.code,
      reason_zh: verdict.zh,
      reason_en: verdict.en,
    });
  };
}
