import type { Readable } from 'node:stream';
import type {
  ClassifyRun,
  ConfirmClassifyBody,
  Dataset,
  DatasetField,
  FieldSuggestion,
  UpdateDatasetBody,
} from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { type Actor, requireSignedIn } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { decidedFields, fieldDecisions } from './classify.decisions.ts';
import { assertMayConfirm, assertMayRun } from './classify.policy.ts';
import * as repo from './classify.repo.ts';
import { classifyFile, type FileClassification } from './classify-file.ts';
import { classifyTable } from './classify-table.ts';

/** What classification needs of the catalog (given by the composition root, so the modules stay apart). */
export type CatalogAccess = {
  getDataset: (actor: Actor, id: string) => Promise<Dataset>;
  /** Updates the entry inside `trx` as a new version with `comment`; answers that version. */
  updateDatasetIn: (
    trx: Db,
    actor: Actor,
    id: string,
    body: UpdateDatasetBody,
    comment: string | null,
  ) => Promise<number>;
};

const toRun = (r: repo.RunRow): ClassifyRun => ({
  id: r.id,
  datasetId: r.dataset_id,
  datasetCode: r.dataset_code,
  datasetVersion: r.dataset_version,
  sampleRows: r.sample_rows,
  rowsExamined: r.rows_examined,
  fields: r.fields,
  level: r.level,
  reasons: r.reasons,
  createdBy: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  confirmation: r.confirmation,
});

// A Chinese title says what the field is; an English one gets the field name beside it for more words.
const detectionHeader = (f: DatasetField) =>
  /\p{Script=Han}/u.test(f.title) ? f.title : `${f.title} ${f.name}`;

/** Counts an upload's bytes as they pass, refusing it past the limit without buffering it. */
async function* limited(body: AsyncIterable<Buffer>, limit: number): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of body) {
    bytes += chunk.length;
    if (bytes > limit)
      throw new AppError('payload_too_large', { limit: `${Math.round(limit / 1048576)} MB` });
    yield chunk;
  }
}

/** Personal-data detection on uploaded files and on datasets' loaded rows; the data officer confirms. */
export function createClassifyService(deps: {
  db: Db;
  ledger: Ledger;
  catalog: CatalogAccess;
  uploadLimitBytes: number;
}) {
  const { db, ledger, catalog, uploadLimitBytes } = deps;

  async function findRun(datasetId: string, runId: string): Promise<repo.RunRow> {
    const run = await repo.findRun(db, datasetId, runId);
    if (!run) throw notFound('classify_run', runId);
    return run;
  }

  return {
    /**
     * Classifies an uploaded file as it streams; nothing of it is stored. The file is the caller's
     * own, not platform data, so reading it is not a ledger event.
     */
    async classifyUpload(
      actor: Actor,
      upload: { body: Readable; fileName: string; sample?: number },
    ): Promise<FileClassification> {
      requireSignedIn(actor);
      return classifyFile(limited(upload.body, uploadLimitBytes), upload.fileName, { sample: upload.sample });
    },

    /**
     * Runs detection over a random sample of a published dataset's loaded rows and stores the
     * suggestion (types and scores only, no values). Reading the rows is written to the ledger.
     */
    async runDataset(actor: Actor, datasetId: string, opts: { sampleRows: number }): Promise<ClassifyRun> {
      const ds = await catalog.getDataset(actor, datasetId);
      const a = assertMayRun(actor, ds);
      if (ds.status !== 'published')
        throw new AppError('wrong_status', { status: ds.status, need: 'published' });
      const rows = await repo.sampleRows(db, ds.code, ds.fields, opts.sampleRows);
      if (rows.length === 0) throw new AppError('classify_no_rows', { code: ds.code });
      const table = classifyTable(ds.fields.map(detectionHeader), rows);
      const fields: FieldSuggestion[] = ds.fields.map((f, j) => {
        const c = table.columns[j] as (typeof table.columns)[number];
        return {
          field: f.name,
          title: f.title,
          type: c.type,
          confidence: c.confidence,
          sensitivity: c.sensitivity,
          level: c.level,
        };
      });
      const id = newId();
      const row = await db.transaction().execute(async (trx) => {
        const r = await repo.insertRun(trx, {
          id,
          dataset_id: ds.id,
          dataset_code: ds.code,
          org_id: ds.ownerOrgId,
          dataset_version: ds.version,
          sample_rows: opts.sampleRows,
          rows_examined: rows.length,
          fields: JSON.stringify(fields),
          level: table.level,
          reasons: JSON.stringify(table.reasons),
          created_by: a.id,
          created_by_name: a.name,
          confirmation: null,
        });
        await ledger.record(
          {
            actor: a,
            action: 'classify.run',
            result: 'ok',
            purpose: 'data classification',
            dataset: ds.code,
            fields: ds.fields.map((f) => f.name),
            details: { run: id, rows: rows.length },
          },
          trx,
        );
        return r;
      });
      return toRun(row);
    },

    /** The dataset's newest suggestion. */
    async latestRun(actor: Actor, datasetId: string): Promise<ClassifyRun> {
      const ds = await catalog.getDataset(actor, datasetId);
      assertMayRun(actor, ds);
      const run = await repo.findLatestRun(db, ds.id);
      if (!run) throw notFound('classify_run', ds.code);
      return toRun(run);
    },

    /**
     * The data officer's decision on the newest suggestion: each field's sensitivity and personal-data
     * type accepted or corrected (the type becomes the field's `personalType`, which picks its mask on
     * every read path), and the dataset level. It becomes a catalog version (who, when, what) in the same
     * transaction as the run's record of the decision, so neither exists without the other.
     */
    async confirm(
      actor: Actor,
      datasetId: string,
      runId: string,
      body: ConfirmClassifyBody,
    ): Promise<ClassifyRun> {
      const ds = await catalog.getDataset(actor, datasetId);
      const a = assertMayConfirm(actor, ds);
      if (ds.status !== 'draft' && ds.status !== 'published')
        throw new AppError('wrong_status', { status: ds.status, need: 'draft | published' });
      const run = await findRun(ds.id, runId);
      const chosen = new Set(body.fields.map((f) => f.field));
      const inRun = new Set(run.fields.map((f) => f.field));
      const unknown = body.fields.filter((f) => !inRun.has(f.field)).map((f) => f.field);
      const missing = run.fields.filter((f) => !chosen.has(f.field)).map((f) => f.field);
      if (unknown.length > 0 || missing.length > 0) {
        const parts = [
          ...(missing.length ? [`fields: no decision for ${missing.join(', ')}`] : []),
          ...(unknown.length ? [`fields: not in the suggestion: ${unknown.join(', ')}`] : []),
        ];
        throw new AppError('validation_failed', { fields: parts.join('; ') });
      }
      const gone = run.fields.filter((f) => !ds.fields.some((x) => x.name === f.field)).map((f) => f.field);
      if (gone.length > 0)
        throw new AppError('classify_run_outdated', {
          reason_zh: `字段 ${gone.join('、')} 已删除`,
          reason_en: `fields removed: ${gone.join(', ')}`,
        });

      const decisions = fieldDecisions(run.fields, body.fields);
      const level = { suggested: run.level, chosen: body.level, accepted: run.level === body.level };
      const fields = decidedFields(ds.fields, decisions);
      const comment = `分类分级确认 / classification confirmed (${run.id})${body.comment ? `: ${body.comment}` : ''}`;

      const saved = await db.transaction().execute(async (trx) => {
        const latest = await repo.findLatestRun(trx, ds.id, true);
        if (latest?.id !== run.id)
          throw new AppError('classify_run_outdated', {
            reason_zh: '已有更新的识别结果',
            reason_en: 'a newer run exists',
          });
        if (latest.confirmation) {
          throw new AppError('classify_already_confirmed', {
            by: latest.confirmation.confirmedBy,
            at: latest.confirmation.confirmedAt,
          });
        }
        const version = await catalog.updateDatasetIn(
          trx,
          a,
          ds.id,
          { fields: fields as UpdateDatasetBody['fields'], level: body.level },
          comment,
        );
        // The fields were built from version N; anything else in between would be overwritten.
        if (version !== ds.version + 1)
          throw new AppError('classify_run_outdated', {
            reason_zh: '目录条目在此期间已被修改',
            reason_en: 'the catalog entry changed meanwhile',
          });
        const r = await repo.setConfirmation(trx, run.id, {
          confirmedBy: a.name,
          confirmedAt: new Date().toISOString(),
          fields: decisions,
          level,
          datasetVersion: version,
          comment: body.comment,
        });
        await ledger.record(
          {
            actor: a,
            action: 'classify.confirm',
            result: 'ok',
            dataset: ds.code,
            details: {
              run: run.id,
              version,
              level: { suggested: level.suggested, chosen: level.chosen },
              corrected: decisions.filter((d) => !d.accepted).map((d) => d.field),
            },
          },
          trx,
        );
        return r;
      });
      return toRun(saved);
    },
  };
}

export type ClassifyService = ReturnType<typeof createClassifyService>;
