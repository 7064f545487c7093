import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataImport, Dataset, ImportMode, ImportPreview } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, randomToken } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import type { Locale } from '../../platform/locale.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { JobsService } from '../jobs/index.ts';
import { createIngestAccess } from './ingest.access.ts';
import { toImport } from './ingest.dto.ts';
import { rawRowsRead } from './ingest.ledger.ts';
import { missingKeys } from './ingest.mapping.ts';
import * as repo from './ingest.repo.ts';
import { type IngestTuning, runImport } from './ingest.run.ts';
import { createMappingService } from './mapping.service.ts';
import { type FileFormat, formatFromFileName, neutralise, ParseError, readTabular } from './parse/index.ts';
import { createSourcesService } from './sources/sources.service.ts';

export { toImport } from './ingest.dto.ts';
export { autoMapping } from './ingest.mapping.ts';

/** What ingest needs of the catalog (given by the composition root, so the modules stay apart). */
export type DatasetLookup = {
  getDataset: (actor: Actor, id: string) => Promise<Dataset>;
  findDatasetById: (id: string) => Promise<Dataset | undefined>;
};

/** Loading department files into datasets' tables: uploads, mapping, import jobs, reports. */
export function createIngestService(deps: {
  db: Db;
  jobs: JobsService;
  ledger: Ledger;
  datasets: DatasetLookup;
  uploadDir: string;
  uploadLimitBytes: number;
  /** Key sealing pull sources' credentials (base64url, 32 bytes). */
  credentialKey: string;
  /** SHUZHI_PULL_ALLOWED_HOSTS: where pull sources may connect to. */
  pullAllowedHosts: string | undefined;
  /** Whether the database is a PostgreSQL server rather than the embedded PGlite (see runImport). */
  onServer?: boolean;
  /** Told of each import that succeeded (by the job or the CLI), e.g. to queue conflict checks. */
  onImported?: (datasetId: string) => Promise<unknown>;
}) {
  const { db, jobs, ledger, datasets, uploadDir, uploadLimitBytes, onImported } = deps;

  const access = createIngestAccess({ db, datasets });
  const { ownDataset, mayImport, findOwnImport } = access;
  const mappings = createMappingService({ db, jobs, ledger, access });

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
        // Megabyte writes: with the default 16 KB buffer every chunk waited for its write before
        // the next was read and hashed.
        createWriteStream(tmp, { highWaterMark: 1 << 20 }),
      );
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
    const sha = hash.digest('hex');
    // Each upload keeps its own file: a staged, a failed and a queued import of the same bytes each
    // remove theirs when they end, never another's.
    const path = join(uploadDir, `${sha}-${randomToken(6)}`);
    renameSync(tmp, path);
    return { path, sha, bytes };
  }

  const formatOf = (fileName: string): FileFormat => {
    const format = formatFromFileName(fileName);
    if (!format) throw new AppError('unsupported_media_type', { type: fileName });
    return format;
  };

  async function readHeader(path: string, format: FileFormat): Promise<string[]> {
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
     * Accepts a file for a published dataset: stores it, maps its columns (the dataset's saved
     * mapping first, then names and titles), and queues the import. The same bytes in the same mode
     * with the same mapping again answer the earlier import (idempotent re-upload).
     */
    async startImport(
      actor: Actor,
      datasetId: string,
      upload: { body: Readable; fileName: string; mode: ImportMode },
      opts: { queue: boolean } = { queue: true },
    ): Promise<{ import: DataImport; repeated: boolean }> {
      const { a, ds } = await mayImport(actor, datasetId);
      const format = formatOf(upload.fileName);
      const file = await store(upload.body);
      let mapping: Record<string, string>;
      try {
        mapping = await mappings.propose(ds.id, await readHeader(file.path, format), ds.fields);
        const missing = missingKeys(mapping, ds.fields);
        if (missing.length > 0) throw new AppError('key_columns_missing', { fields: missing.join('、') });
      } catch (e) {
        rmSync(file.path, { force: true });
        throw e;
      }
      const same = await repo.findSameImport(db, ds.id, file.sha, upload.mode, mapping);
      if (same) {
        rmSync(file.path, { force: true });
        return { import: toImport(same), repeated: true };
      }
      await mappings.supersede(ds.id, file.sha, a.id, null);
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

    /**
     * Accepts a file as a staged import: stored and mapped, but queued only once its owner has
     * checked the mapping against the preview of its first rows (`mappings.start`).
     */
    async stageImport(
      actor: Actor,
      datasetId: string,
      upload: { body: Readable; fileName: string; mode: ImportMode },
      locale: Locale,
    ): Promise<ImportPreview> {
      const { a, ds } = await mayImport(actor, datasetId);
      const format = formatOf(upload.fileName);
      const file = await store(upload.body);
      let staged: ImportPreview;
      try {
        staged = await mappings.stage(a, ds, { ...file, name: upload.fileName, format }, upload.mode, locale);
      } catch (e) {
        rmSync(file.path, { force: true });
        throw e;
      }
      await mappings.supersede(ds.id, file.sha, a.id, staged.import.id);
      return staged;
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
      const { a, ds, row } = await findOwnImport(actor, importId, true);
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
          ...rawRowsRead(
            ds,
            row.mapping,
            p.items.map((r) => r.raw),
          ),
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

    /** Cancels a queued or running import through its job; a staged one has none and just closes. */
    async cancelImport(actor: Actor, importId: string): Promise<DataImport> {
      const { row } = await findOwnImport(actor, importId, true);
      if (row.status === 'staged') await mappings.cancelStaged(row);
      else if (row.job_id) await jobs.cancel(actor, row.job_id);
      return toImport((await repo.findImport(db, importId)) as repo.ImportRow);
    },

    /** Runs an import (the job's body; the CLI calls it directly with a progress bar). */
    async run(
      importId: string,
      progress: (read: number) => Promise<void>,
      tuning?: IngestTuning,
      /** The job will not be retried after this run (see runImport). */
      lastAttempt = false,
    ) {
      const counts = await runImport(
        {
          db,
          datasets,
          onServer: deps.onServer ?? false,
          lastAttempt,
        },
        importId,
        progress,
        tuning,
      );
      // A failed or cancelled load changed nothing worth looking at again.
      const done = onImported ? await repo.findImport(db, importId) : undefined;
      if (onImported && done?.status === 'succeeded') await onImported(done.dataset_id);
      return counts;
    },
  };

  const ATTEMPTS = 3;
  jobs.register<{ importId: string }>(
    'ingest.import',
    (ctx) =>
      service.run(
        ctx.payload.importId,
        (n) => ctx.progress(n, null, `已读取 ${n} 行 / ${n} rows read`),
        undefined,
        ctx.attempt >= ATTEMPTS,
      ),
    {
      maxAttempts: ATTEMPTS,
    },
  );
  const sources = createSourcesService({
    db,
    jobs,
    ledger,
    access,
    datasets,
    mappings,
    run: service.run,
    uploadDir,
    credentialKey: deps.credentialKey,
    allowedHosts: deps.pullAllowedHosts,
  });
  return { ...service, mappings, sources };
}

export type IngestService = ReturnType<typeof createIngestService>;
