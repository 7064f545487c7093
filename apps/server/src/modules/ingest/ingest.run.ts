import { createReadStream, rmSync } from 'node:fs';
import type { DatasetField } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import { deleteRowsNotFrom, type Value, writeRows } from '../datastore/index.ts';
import * as repo from './ingest.repo.ts';
import type { DatasetLookup } from './ingest.service.ts';
import { coerce, ParseError, readTabular } from './parse/index.ts';

const BATCH = 1000;

type Reject = {
  row_number: number;
  code: string;
  reason_zh: string;
  reason_en: string;
  raw: Record<string, string> | null;
};

const reject = (
  rowNumber: number,
  code: string,
  zh: string,
  en: string,
  raw: Record<string, string> | null,
): Reject => ({
  row_number: rowNumber,
  code,
  reason_zh: zh,
  reason_en: en,
  raw,
});

/**
 * Streams a stored file into the dataset's table in batches. Each batch's rows, rejects and
 * counters commit together, so after a crash the job resumes after the last committed row and
 * every input row ends up either loaded or rejected with its reason: loaded + rejected = read.
 */
export async function runImport(
  deps: { db: Db; datasets: DatasetLookup },
  importId: string,
  progress: (read: number) => Promise<void>,
): Promise<{ read: number; loaded: number; rejected: number }> {
  const { db } = deps;
  const imp = await repo.findImport(db, importId);
  if (!imp) throw new Error(`import ${importId} not found`);
  if (imp.status === 'succeeded')
    return {
      read: Number(imp.rows_read),
      loaded: Number(imp.rows_loaded),
      rejected: Number(imp.rows_rejected),
    };
  const ds = await deps.datasets.findDatasetById(imp.dataset_id);
  if (!ds) throw new Error(`dataset ${imp.dataset_id} not found`);
  await repo.setImport(db, imp.id, { status: 'running', error: null });
  const fields: DatasetField[] = ds.fields;
  const resumeAfter = Number(imp.last_row);
  let read = Number(imp.rows_read);
  try {
    const file = await readTabular(createReadStream(imp.file_path), imp.format);
    const columnOf = new Map(file.header.map((h, i) => [h, i]));
    const sources = fields.map((f) => {
      const header = Object.entries(imp.mapping).find(([, field]) => field === f.name)?.[0];
      return header === undefined ? -1 : (columnOf.get(header) ?? -1);
    });
    let rows: { rowNumber: number; values: Value[]; raw: () => Record<string, string> | null }[] = [];
    let rejects: Reject[] = [];
    let lastRow = resumeAfter;

    const flush = async () => {
      if (rows.length === 0 && rejects.length === 0) return;
      const batchRows = rows;
      const batchRejects = rejects;
      const readDelta = batchRows.length + batchRejects.length;
      rows = [];
      rejects = [];
      await db.transaction().execute(async (trx) => {
        const { inserted } = await writeRows(
          trx,
          ds.code,
          fields,
          batchRows.map((r) => r.values),
          imp.mode,
          imp.id,
        );
        batchRows.forEach((r, i) => {
          if (!inserted[i]) {
            batchRejects.push(
              reject(
                r.rowNumber,
                'duplicate_key',
                '主键重复：该主键已存在，追加模式不覆盖',
                'Duplicate key: append mode does not overwrite an existing row',
                r.raw(),
              ),
            );
          }
        });
        await repo.insertRejects(trx, imp.id, batchRejects);
        await repo.advance(trx, imp.id, {
          read: readDelta,
          loaded: inserted.filter(Boolean).length,
          rejected: batchRejects.length,
          lastRow,
        });
      });
      read += readDelta;
      await progress(read);
    };

    for await (const row of file.rows) {
      if (row.rowNumber <= resumeAfter) continue;
      lastRow = row.rowNumber;
      // The row as read is kept only for rejects; building it for every row would double the work.
      const cells = row.values;
      const rawOf = () => (cells ? Object.fromEntries(file.header.map((h, i) => [h, cells[i] ?? ''])) : null);
      if (!row.ok) {
        rejects.push(reject(row.rowNumber, row.error.code, row.error.zh, row.error.en, rawOf()));
      } else {
        const values: Value[] = [];
        let bad: Reject | null = null;
        for (const [i, f] of fields.entries()) {
          const src = sources[i] as number;
          const text = src >= 0 ? (row.values[src] ?? '') : '';
          const c = coerce(text, f.type, { excelSerial: imp.format === 'xlsx' });
          if (!c.ok) {
            bad = reject(
              row.rowNumber,
              c.reason.code,
              `${f.title}（${f.name}）：${c.reason.zh}`,
              `${f.title} (${f.name}): ${c.reason.en}`,
              rawOf(),
            );
            break;
          }
          if (f.key && c.value === null) {
            bad = reject(
              row.rowNumber,
              'missing_key',
              `主键字段「${f.title}」为空`,
              `Key field "${f.title}" is empty`,
              rawOf(),
            );
            break;
          }
          values.push(c.value as Value);
        }
        if (bad) rejects.push(bad);
        else rows.push({ rowNumber: row.rowNumber, values, raw: rawOf });
      }
      if (rows.length + rejects.length >= BATCH) await flush();
    }
    await flush();
    if (imp.mode === 'replace') await deleteRowsNotFrom(db, ds.code, imp.id);
    await repo.setImport(db, imp.id, { status: 'succeeded', finished_at: new Date() });
    rmSync(imp.file_path, { force: true });
  } catch (e) {
    const cancelled = (e as Error).message === 'cancelled';
    const message = e instanceof ParseError ? `${e.zh} / ${e.en}` : (e as Error).message;
    await repo.setImport(db, imp.id, {
      status: cancelled ? 'cancelled' : 'failed',
      error: message,
      finished_at: new Date(),
    });
    // A file that cannot be read will not read better on a retry.
    if (e instanceof ParseError) return counts();
    throw e;
  }
  return counts();

  async function counts() {
    const r = await repo.findImport(db, importId);
    return {
      read: Number(r?.rows_read ?? 0),
      loaded: Number(r?.rows_loaded ?? 0),
      rejected: Number(r?.rows_rejected ?? 0),
    };
  }
}
