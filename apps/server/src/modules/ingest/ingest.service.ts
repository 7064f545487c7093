import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataImport, Dataset, DatasetField, ImportMode } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn, type SignedInActor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId, randomToken } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { JobsService } from '../jobs/index.ts';
import * as repo from './ingest.repo.ts';
import { runImport } from './ingest.run.ts';
import { formatFromFileName, neutralise, ParseError, readTabular } from './parse/index.ts';

/** What ingest needs of the catalog (given by the composition root, so the modules stay apart). */
export type DatasetLookup = {
  getDataset: (actor: Actor, id: string) => Promise<Dataset>;
  findDatasetById: (id: string) => Promise<Dataset | undefined>;
};

const normal = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_\-（）()]/g, '');

/** Maps file columns to fields by name or Chinese title; unknown columns are left out. */
export function autoMapping(header: string[], fields: DatasetField[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of header) {
    const f = fields.find((x) => normal(x.name) === normal(h) || normal(x.title) === normal(h));
    if (f && !Object.values(out).includes(f.name)) out[h] = f.name;
  }
  return out;
}

export const toImport = (r: repo.ImportRow): DataImport => ({
  id: r.id,
  datasetId: r.dataset_id,
  datasetCode: r.dataset_code,
  fileName: r.file_name,
  fileSha256: r.file_sha256,
  fileBytes: Number(r.file_bytes),
  mode: r.mode,
  status: r.status,
  mapping: r.mapping,
  rowsRead: Number(r.rows_read),
  rowsLoaded: Number(r.rows_loaded),
  rowsRejected: Number(r.rows_rejected),
  error: r.error,
  jobId: r.job_id,
  createdBy: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
});

/** Loading department files into datasets' tables: uploads, mapping, import jobs, reports. */
export function createIngestService(deps: {
  db: Db;
  jobs: JobsService;
  ledger: Ledger;
  datasets: DatasetLookup;
  uploadDir: string;
  uploadLimitBytes: number;
}) {
  const { db, jobs, ledger, datasets, uploadDir, uploadLimitBytes } = deps;

  /** Imports and their reports belong to the owner organisation (and the platform admin). */
  async function ownDataset(
    actor: Actor,
    datasetId: string,
    officer: boolean,
  ): Promise<{ a: SignedInActor; ds: Dataset }> {
    const a = requireSignedIn(actor);
    const ds = await datasets.getDataset(a, datasetId);
    if (a.roles.includes('platform_admin')) return { a, ds };
    if (a.orgId !== ds.ownerOrgId)
      throw new AppError('forbidden', { need: 'a role in the owner organisation' });
    if (officer && !a.roles.includes('data_officer')) {
      throw new AppError('forbidden', { need: 'data_officer of the owner organisation' });
    }
    return { a, ds };
  }

  async function mayImport(actor: Actor, datasetId: string): Promise<{ a: SignedInActor; ds: Dataset }> {
    const { a, ds } = await ownDataset(actor, datasetId, true);
    if (ds.status !== 'published')
      throw new AppError('wrong_status', { status: ds.status, need: 'published' });
    return { a, ds };
  }

  async function findOwnImport(actor: Actor, importId: string, officer: boolean) {
    const row = await repo.findImport(db, importId);
    if (!row) throw notFound('import', importId);
    const { a } = await ownDataset(actor, row.dataset_id, officer);
    return { a, row };
  }

  /** Streams an upload to disk, hashing it; refuses it past the size limit. */
  async function store(body: Readable): Promise<{ path: string; sha: string; bytes: number }> {
    mkdirSync(uploadDir, { recursive: true });
    const tmp = join(uploadDir, `upload-${randomToken(9)}.part`);
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      await pipeline(
        body,
        async function* (src: AsyncIterable<Buffer>) {
          for await (const chunk of src) {
            bytes += chunk.length;
            if (bytes > uploadLimitBytes) {
              throw new AppError('payload_too_large', {
                limit: `${Math.round(uploadLimitBytes / 1048576)} MB`,
              });
            }
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(tmp),
      );
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
    const sha = hash.digest('hex');
    const path = join(uploadDir, sha);
    renameSync(tmp, path);
    return { path, sha, bytes };
  }

  async function readHeader(
    path: string,
    format: ReturnType<typeof formatFromFileName> & string,
  ): Promise<string[]> {
    try {
      const file = await readTabular(createReadStream(path), format);
      await file.close();
      return file.header;
    } catch (e) {
      if (e instanceof ParseError)
        throw new AppError('file_unreadable', { reason_zh: e.zh, reason_en: e.en });
      throw e;
    }
  }

  const service = {
    /**
     * Accepts a file for a published dataset: stores it, maps its columns, and queues the import.
     * The same bytes in the same mode again answer the earlier import (idempotent re-upload).
     */
    async startImport(
      actor: Actor,
      datasetId: string,
      upload: { body: Readable; fileName: string; mode: ImportMode },
      opts: { queue: boolean } = { queue: true },
    ): Promise<{ import: DataImport; repeated: boolean }> {
      const { a, ds } = await mayImport(actor, datasetId);
      const format = formatFromFileName(upload.fileName);
      if (!format) throw new AppError('unsupported_media_type', { type: upload.fileName });
      const file = await store(upload.body);
      const same = await repo.findSameImport(db, ds.id, file.sha, upload.mode);
      if (same) {
        if (same.status === 'succeeded') rmSync(file.path, { force: true });
        return { import: toImport(same), repeated: true };
      }
      const header = await readHeader(file.path, format);
      const mapping = autoMapping(header, ds.fields);
      const missing = ds.fields
        .filter((f) => f.key && !Object.values(mapping).includes(f.name))
        .map((f) => f.title);
      if (missing.length > 0) throw new AppError('key_columns_missing', { fields: missing.join('、') });
      const id = newId();
      const row = await db.transaction().execute(async (trx) => {
        // The CLI runs the import itself, with its own progress bar, instead of queueing it.
        const job = opts.queue ? await jobs.enqueue(a, 'ingest.import', { importId: id }, trx) : null;
        const r = await repo.insertImport(trx, {
          id,
          dataset_id: ds.id,
          dataset_code: ds.code,
          org_id: ds.ownerOrgId,
          created_by: a.id,
          created_by_name: a.name,
          file_name: upload.fileName,
          file_path: file.path,
          file_sha256: file.sha,
          file_bytes: file.bytes,
          format,
          mode: upload.mode,
          mapping,
          status: 'queued',
          error: null,
          job_id: job?.id ?? null,
        });
        await ledger.record(
          {
            actor: a,
            action: 'ingest.import',
            result: 'ok',
            dataset: ds.code,
            details: { import: id, file: upload.fileName, mode: upload.mode, sha256: file.sha },
          },
          trx,
        );
        return r;
      });
      return { import: toImport(row), repeated: false };
    },

    async getImport(actor: Actor, importId: string): Promise<DataImport> {
      return toImport((await findOwnImport(actor, importId, false)).row);
    },

    async listImports(actor: Actor, datasetId: string, q: { cursor?: string; limit: number }) {
      await ownDataset(actor, datasetId, false);
      const after = decodeCursor(q.cursor, 1);
      const rows = await repo.listImports(db, datasetId, (after?.[0] as string) ?? null, q.limit);
      const p = toPage(rows, q.limit, (r) => [r.id]);
      return { items: p.items.map(toImport), nextCursor: p.nextCursor };
    },

    /**
     * Rejected rows as they were read: they may hold personal data, so only the owner's data officer
     * (or the admin) sees them, and each read is written to the ledger.
     */
    async listRejects(
      actor: Actor,
      importId: string,
      q: { cursor?: string; limit: number },
      locale: 'zh-CN' | 'en',
    ) {
      const { a, row } = await findOwnImport(actor, importId, true);
      const after = Number(decodeCursor(q.cursor, 1)?.[0] ?? 0);
      const rows = await repo.listRejects(db, row.id, after, q.limit);
      const p = toPage(rows, q.limit, (r) => [Number(r.row_number)]);
      if (p.items.length > 0) {
        await ledger.record({
          actor: a,
          action: 'ingest.rejects_read',
          result: 'ok',
          purpose: 'data quality',
          dataset: row.dataset_code,
          details: { import: row.id, rows: p.items.length, from_row: Number(p.items[0]?.row_number) },
        });
      }
      return {
        items: p.items.map((r) => ({
          rowNumber: Number(r.row_number),
          code: r.code,
          reason: locale === 'en' ? r.reason_en : r.reason_zh,
          values: r.raw,
        })),
        nextCursor: p.nextCursor,
      };
    },

    /** All rejected rows as one CSV (UTF-8 with BOM for spreadsheets), cells neutralised. */
    async rejectsCsv(actor: Actor, importId: string, locale: 'zh-CN' | 'en'): Promise<string> {
      const cell = (v: string) => `"${neutralise(v).replace(/"/g, '""')}"`;
      const lines: string[] = [];
      let header: string[] | null = null;
      let cursor: string | undefined;
      do {
        const page = await service.listRejects(actor, importId, { cursor, limit: 200 }, locale);
        for (const r of page.items) {
          header ??= Object.keys(r.values ?? {});
          lines.push(
            [String(r.rowNumber), r.code, r.reason, ...header.map((h) => r.values?.[h] ?? '')]
              .map(cell)
              .join(','),
          );
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const en = locale === 'en';
      const head = [en ? 'row' : '行号', en ? 'code' : '代码', en ? 'reason' : '原因', ...(header ?? [])];
      return `\uFEFF${[head.map(cell).join(','), ...lines].join('\r\n')}\r\n`;
    },

    /** Cancels a queued or running import through its job. */
    async cancelImport(actor: Actor, importId: string): Promise<DataImport> {
      const { row } = await findOwnImport(actor, importId, true);
      if (row.job_id) await jobs.cancel(actor, row.job_id);
      return toImport((await repo.findImport(db, importId)) as repo.ImportRow);
    },

    /** Runs an import (the job's body; the CLI calls it directly with a progress bar). */
    run: (importId: string, progress: (read: number) => Promise<void>) =>
      runImport({ db, datasets }, importId, progress),
  };

  jobs.register<{ importId: string }>(
    'ingest.import',
    (ctx) =>
      service.run(ctx.payload.importId, (n) => ctx.progress(n, null, `已读取 ${n} 行 / ${n} rows read`)),
    {
      maxAttempts: 3,
    },
  );
  return service;
}

export type IngestService = ReturnType<typeof createIngestService>;
