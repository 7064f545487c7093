import type { Dataset, DatasetField, OpenDownloadFormat, RecordsPage } from '@shuzhi/contracts';
import type { Db } from '../../../db/connection.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ledger } from '../../../platform/ledger/index.ts';
import { parseFilters } from '../../datastore/index.ts';
import { chinaDay } from '../../quality/index.ts';
import { exportStream } from '../open.download.ts';
import { openFields, type ReleaseCheck } from '../open.names.ts';
import type { ApplicationRow } from './applications.repo.ts';
import { type DatasetLookup, findOpenDataset } from './applications.service.ts';
import { type KeyUse, keyDetails } from './key-use.ts';
import { maskRow, readPage } from './records.query.ts';

const filterInvalid = (zh: string, en: string) =>
  new AppError('open_access_filter_invalid', { reason_zh: zh, reason_en: en });

/** What a caller may read of a dataset: the fields, which of them arrive masked, and on what grounds. */
type Readable = { fields: DatasetField[]; masked: DatasetField[]; grants: ApplicationRow[] };

export type RecordsQueryInput = { limit: number; offset: number; filters?: string; fields?: string };

/**
 * Records of open datasets through the API: unconditionally open ones to anyone (their open fields),
 * conditionally open ones to the API keys of an applicant with an approved application, for the
 * approved fields during the approved period, masked by the masking library's policy. Every read is
 * written to the ledger with the key, the applications and the fields.
 */
export function createRecordsService(deps: {
  db: Db;
  ledger: Ledger;
  datasets: DatasetLookup;
  approvedFor: (accountId: string, datasetId: string) => Promise<ApplicationRow[]>;
  release: ReleaseCheck;
  now?: () => Date;
}) {
  const { db, ledger, datasets } = deps;
  const today = () => chinaDay(deps.now?.() ?? new Date());

  const openDataset = (code: string) => findOpenDataset(datasets, code);

  async function readable(ds: Dataset, key: KeyUse | undefined): Promise<Readable> {
    // L4 (core data) is never opened, whatever its open type says.
    if (ds.level === 'L4') throw new AppError('open_access_level_closed', { code: ds.code });
    if (ds.openType === 'unconditional') return { fields: openFields(ds.fields), masked: [], grants: [] };
    if (!key) throw new AppError('api_key_required', { code: ds.code });
    const approved = await deps.approvedFor(key.accountId, ds.id);
    if (approved.length === 0) throw new AppError('open_access_no_approval', { code: ds.code });
    const day = today();
    const grants = approved.filter(
      (a) => (a.approved_start as string) <= day && day <= (a.approved_end as string),
    );
    if (grants.length === 0) {
      const last = approved[approved.length - 1] as ApplicationRow;
      throw new AppError('open_access_outside_period', {
        code: ds.code,
        start: last.approved_start ?? '',
        end: last.approved_end ?? '',
        today: day,
      });
    }
    const names = new Set(grants.flatMap((g) => (g.approved_fields ?? []).map((f) => f.name)));
    // L4 fields stay closed even if a field was graded up after the approval.
    const fields = ds.fields.filter((f) => names.has(f.name) && f.sensitivity !== 'high');
    return { fields, masked: fields.filter((f) => f.sensitivity !== 'none'), grants };
  }

  /** The fields a request names (all readable ones by default), refusing those it may not read. */
  function chosen(ds: Dataset, r: Readable, list: string | undefined): DatasetField[] {
    if (list === undefined || list.trim() === '') return r.fields;
    const names = [
      ...new Set(
        list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    const unknown = names.filter((n) => !ds.fields.some((f) => f.name === n));
    if (unknown.length > 0)
      throw new AppError('open_access_field_unknown', { code: ds.code, fields: unknown.join(', ') });
    const denied = names.filter((n) => !r.fields.some((f) => f.name === n));
    if (denied.length > 0)
      throw new AppError('open_access_field_denied', {
        fields: denied.join(', '),
        approved: r.fields.map((f) => f.name).join(', '),
      });
    return r.fields.filter((f) => names.includes(f.name));
  }

  const grounds = (key: KeyUse | undefined, r: Readable) => ({
    ...keyDetails(key),
    ...(key && r.grants.length > 0
      ? { account: key.accountId, applications: r.grants.map((g) => g.id) }
      : {}),
  });
  const purposeOf = (r: Readable) =>
    r.grants.length > 0 ? [...new Set(r.grants.map((g) => g.purpose))].join('; ') : undefined;

  /** Whose records a page showed, when it showed masked personal data with the key fields (salted in the ledger). */
  const subjectsOf = (
    ds: Dataset,
    masked: DatasetField[],
    shown: DatasetField[],
    rows: Record<string, unknown>[],
  ) => {
    const keyNames = ds.fields.filter((f) => f.key).map((f) => f.name);
    return masked.some((m) => shown.includes(m)) && keyNames.every((k) => shown.some((f) => f.name === k))
      ? rows.map((rec) => keyNames.map((k) => String(rec[k] ?? '')).join('|'))
      : undefined;
  };

  return {
    /**
     * What an approved applicant's key reads of a conditionally open dataset through CKAN's
     * datastore_search: the approved fields (masked ones shown masked, never filtered on), the masking,
     * and what the ledger entry of the read carries. Refuses as the records API does.
     */
    async grant(key: KeyUse, code: string) {
      const ds = await openDataset(code);
      key.datasets.add(ds.code);
      const r = await readable(ds, key);
      return {
        shape: { fields: r.fields, masked: r.masked },
        mask: maskRow(r.masked, ds.level),
        purpose: purposeOf(r),
        details: grounds(key, r),
        subjects: (shown: string[], rows: Record<string, unknown>[]) =>
          subjectsOf(
            ds,
            r.masked,
            r.fields.filter((f) => shown.includes(f.name)),
            rows,
          ),
      };
    },

    async records(
      actor: Actor,
      key: KeyUse | undefined,
      code: string,
      q: RecordsQueryInput,
    ): Promise<RecordsPage> {
      const ds = await openDataset(code);
      key?.datasets.add(ds.code);
      const r = await readable(ds, key);
      await deps.release(ds);
      const fields = chosen(ds, r, q.fields);
      const where = parseFilters(q.filters, fields, filterInvalid);
      const page = await readPage(db, ds.code, fields, where, q.limit, q.offset);
      const masked = r.masked.filter((m) => fields.includes(m));
      const records = page.records.map(maskRow(masked, ds.level));
      await ledger.record({
        actor,
        action: 'open.records',
        result: 'ok',
        purpose: purposeOf(r),
        dataset: ds.code,
        fields: fields.map((f) => f.name),
        // Whose records a page of masked personal data showed (stored as salted hashes).
        subjects: subjectsOf(ds, masked, fields, page.records),
        details: { ...grounds(key, r), records: records.length, offset: q.offset, limit: q.limit },
      });
      return {
        dataset: ds.code,
        fields: fields.map((f) => ({
          name: f.name,
          title: f.title,
          type: f.type,
          masked: masked.includes(f),
        })),
        records,
        total: page.total,
        limit: q.limit,
        offset: q.offset,
      };
    },

    /** A conditionally open dataset's approved fields, masked, as a streamed CSV, JSON or XLSX download. */
    async download(actor: Actor, key: KeyUse, code: string, format: OpenDownloadFormat) {
      const ds = await openDataset(code);
      key.datasets.add(ds.code);
      const r = await readable(ds, key);
      await deps.release(ds);
      await ledger.record({
        actor,
        action: 'open.download',
        result: 'ok',
        purpose: purposeOf(r),
        dataset: ds.code,
        fields: r.fields.map((f) => f.name),
        details: { format, ...grounds(key, r) },
      });
      const shape = { fields: r.fields, transform: maskRow(r.masked, ds.level) };
      return {
        filename: `${ds.code}.${format}`,
        stream: exportStream(db, ds, format, shape),
        conditional: true,
      };
    },
  };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
