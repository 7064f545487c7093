import { rmSync } from 'node:fs';
import type { DataImport, Dataset, DatasetMapping, ImportMode, ImportPreview } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import type { Actor, SignedInActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { Locale } from '../../platform/locale.ts';
import type { JobsService } from '../jobs/index.ts';
import type { IngestAccess } from './ingest.access.ts';
import { toImport } from './ingest.dto.ts';
import { rawRowsRead } from './ingest.ledger.ts';
import {
  checkMapping,
  missingKeys,
  previewRows,
  proposeMapping,
  type SavedMapping,
} from './ingest.mapping.ts';
import * as repo from './ingest.repo.ts';
import * as mappings from './mapping.repo.ts';
import { type FileFormat, ParseError } from './parse/index.ts';

export type StoredFile = { path: string; sha: string; bytes: number };

/** A file that cannot be read is the uploader's problem to fix: a 400 with the parser's reason. */
const unreadable = (e: unknown) =>
  e instanceof ParseError ? new AppError('file_unreadable', { reason_zh: e.zh, reason_en: e.en }) : e;

/**
 * Column mappings: the one saved per dataset, and staged imports, whose mapping the owner checks
 * against a preview of the first rows before the import job is queued.
 */
export function createMappingService(deps: {
  db: Db;
  jobs: JobsService;
  ledger: Ledger;
  access: IngestAccess;
}) {
  const { db, jobs, ledger, access } = deps;

  const savedOf = async (datasetId: string): Promise<SavedMapping | null> =>
    ((await mappings.findSavedMapping(db, datasetId))?.mapping as SavedMapping | undefined) ?? null;

  /**
   * The first rows as they would load, raw: the file is the uploader's own and the mapping cannot be
   * checked on masked values, so only the owner's data officer (or the admin who uploads) gets here;
   * each answer with rows is written to the ledger with the personal fields and whom the rows name.
   */
  async function preview(
    a: SignedInActor,
    ds: Dataset,
    row: repo.ImportRow,
    mapping: Record<string, string> | ((header: string[]) => Record<string, string>),
    locale: Locale,
  ) {
    let p: Awaited<ReturnType<typeof previewRows>>;
    try {
      p = await previewRows({ path: row.file_path, format: row.format }, mapping, ds.fields, locale);
    } catch (e) {
      throw unreadable(e);
    }
    if (p.rows.length > 0) {
      const raw = p.rows.map((r) => Object.fromEntries(p.header.map((h, i) => [h, r.cells[i]?.raw ?? ''])));
      await ledger.record({
        actor: a,
        action: 'ingest.preview_read',
        result: 'ok',
        purpose: 'data import',
        dataset: ds.code,
        ...rawRowsRead(ds, p.mapping, raw),
        details: { import: row.id, rows: p.rows.length },
      });
    }
    return p;
  }

  const answer = (
    row: repo.ImportRow,
    ds: Dataset,
    p: Awaited<ReturnType<typeof previewRows>>,
  ): ImportPreview => ({
    import: toImport(row),
    header: p.header,
    missingKeys: missingKeys(row.mapping, ds.fields),
    rows: p.rows,
  });

  async function ownStaged(actor: Actor, importId: string) {
    const { a, row } = await access.findOwnImport(actor, importId, true);
    const { ds } = await access.mayImport(a, row.dataset_id);
    if (row.status !== 'staged') throw new AppError('wrong_status', { status: row.status, need: 'staged' });
    return { a, ds, row };
  }

  const svc = {
    /** Mapping for a file's header: the saved one first, then names and titles. */
    async propose(datasetId: string, header: string[], fields: Dataset['fields']) {
      return proposeMapping(header, fields, await savedOf(datasetId));
    },

    async getDatasetMapping(actor: Actor, datasetId: string): Promise<DatasetMapping> {
      const { ds } = await access.ownDataset(actor, datasetId, true);
      const row = await mappings.findSavedMapping(db, ds.id);
      // Entries for fields removed from the dataset since are not shown: they no longer apply.
      const names = new Set(ds.fields.map((f) => f.name));
      const current = Object.fromEntries(
        Object.entries((row?.mapping as SavedMapping | undefined) ?? {}).filter(
          ([, f]) => f === null || names.has(f),
        ),
      );
      return {
        datasetId: ds.id,
        mapping: current,
        savedBy: row?.saved_by_name ?? null,
        savedAt: row?.saved_at.toISOString() ?? null,
      };
    },

    async putDatasetMapping(actor: Actor, datasetId: string, mapping: SavedMapping): Promise<DatasetMapping> {
      const { a, ds } = await access.ownDataset(actor, datasetId, true);
      checkMapping(mapping, ds.fields, { requireKeys: false });
      await db.transaction().execute(async (trx) => {
        await mappings.saveMapping(trx, ds.id, mapping, a);
        await ledger.record(
          { actor: a, action: 'ingest.mapping_saved', result: 'ok', dataset: ds.code, details: { mapping } },
          trx,
        );
      });
      return svc.getDatasetMapping(a, ds.id);
    },

    /** Keeps a stored upload as a staged import with its proposed mapping; answers its preview. */
    async stage(
      a: SignedInActor,
      ds: Dataset,
      file: StoredFile & { name: string; format: FileFormat },
      mode: ImportMode,
      locale: Locale,
    ): Promise<ImportPreview> {
      const saved = await savedOf(ds.id);
      const draft = {
        id: newId(),
        file_path: file.path,
        format: file.format,
      } as repo.ImportRow;
      const p = await preview(a, ds, draft, (header) => proposeMapping(header, ds.fields, saved), locale);
      const row = await db.transaction().execute(async (trx) => {
        const r = await repo.insertImport(trx, {
          id: draft.id,
          dataset_id: ds.id,
          dataset_code: ds.code,
          org_id: ds.ownerOrgId,
          created_by: a.id,
          created_by_name: a.name,
          file_name: file.name,
          file_path: file.path,
          file_sha256: file.sha,
          file_bytes: file.bytes,
          format: file.format,
          mode,
          mapping: p.mapping,
          status: 'staged',
          error: null,
          job_id: null,
        });
        await ledger.record(
          {
            actor: a,
            action: 'ingest.stage',
            result: 'ok',
            dataset: ds.code,
            details: { import: r.id, file: file.name, mode, sha256: file.sha },
          },
          trx,
        );
        return r;
      });
      return answer(row, ds, p);
    },

    async getPreview(actor: Actor, importId: string, locale: Locale): Promise<ImportPreview> {
      const { a, ds, row } = await ownStaged(actor, importId);
      return answer(row, ds, await preview(a, ds, row, row.mapping, locale));
    },

    /**
     * Sets a staged import's mapping (and, asked to, the dataset's saved mapping: every column of
     * this file, unmapped ones as "not imported"). A bad mapping changes neither.
     */
    async setImportMapping(
      actor: Actor,
      importId: string,
      input: { mapping: SavedMapping; save: boolean },
      locale: Locale,
    ): Promise<ImportPreview> {
      const { a, ds, row } = await ownStaged(actor, importId);
      const p = await preview(
        a,
        ds,
        row,
        checkMapping(input.mapping, ds.fields, { requireKeys: false }),
        locale,
      );
      const mapping = checkMapping(input.mapping, ds.fields, { header: p.header, requireKeys: true });
      const updated = await db.transaction().execute(async (trx) => {
        const r = await mappings.setStagedMapping(trx, row.id, mapping);
        if (!r) throw new AppError('wrong_status', { status: 'queued', need: 'staged' });
        if (input.save) {
          const whole = Object.fromEntries(
            p.header.filter((h) => h !== '').map((h) => [h, mapping[h] ?? null]),
          );
          await mappings.saveMapping(trx, ds.id, whole, a);
          await ledger.record(
            {
              actor: a,
              action: 'ingest.mapping_saved',
              result: 'ok',
              dataset: ds.code,
              details: { mapping: whole, import: row.id },
            },
            trx,
          );
        }
        return r;
      });
      return answer(updated, ds, p);
    },

    /**
     * Queues a staged import. When an earlier import of the same bytes, mode and mapping exists,
     * that one is the answer (as for a repeated upload) and this staged one is closed.
     */
    async start(actor: Actor, importId: string): Promise<{ import: DataImport; repeated: boolean }> {
      const { a, ds, row } = await ownStaged(actor, importId);
      const mapping = checkMapping(row.mapping, ds.fields, { requireKeys: true });
      const same = await repo.findSameImport(db, ds.id, row.file_sha256, row.mode, mapping);
      if (same) {
        const note = `与导入 ${same.id} 相同，未重复导入 / same as import ${same.id}; not loaded twice`;
        if (await mappings.cancelStaged(db, row.id, note)) rmSync(row.file_path, { force: true });
        return { import: toImport(same), repeated: true };
      }
      const queued = await db.transaction().execute(async (trx) => {
        const job = await jobs.enqueue(a, 'ingest.import', { importId: row.id }, trx);
        const r = await mappings.queueStaged(trx, row.id, job.id);
        if (!r) throw new AppError('wrong_status', { status: 'queued', need: 'staged' });
        await ledger.record(
          {
            actor: a,
            action: 'ingest.import',
            result: 'ok',
            dataset: ds.code,
            details: { import: r.id, file: r.file_name, mode: r.mode, sha256: r.file_sha256 },
          },
          trx,
        );
        return r;
      });
      return { import: toImport(queued), repeated: false };
    },

    /** Closes a staged import: it has no job, so it is marked cancelled and its file removed. */
    async cancelStaged(row: repo.ImportRow): Promise<void> {
      if (await mappings.cancelStaged(db, row.id, null)) rmSync(row.file_path, { force: true });
    },

    /** A new upload of the same bytes by the same person closes their earlier staged imports of them. */
    async supersede(datasetId: string, sha: string, by: string, except: string | null): Promise<void> {
      for (const old of await mappings.listStagedOfFile(db, datasetId, sha, by)) {
        if (old.id !== except) await svc.cancelStaged(old);
      }
    },
  };
  return svc;
}

export type MappingService = ReturnType<typeof createMappingService>;
