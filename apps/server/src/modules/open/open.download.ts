import { Readable } from 'node:stream';
import type { DatasetField, OpenDownloadFormat } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { selectList, tableOf } from '../datastore/index.ts';
import { neutralise } from '../ingest/index.ts';
import { openFields } from './open.names.ts';
import type { OpenDatasetRow } from './open.repo.ts';
import { xlsxStream } from './open.xlsx.ts';

const BATCH = 5000;

/** The rows of a dataset's table in `_seq` order, a batch at a time, so a large table never sits in memory. */
export async function* batches(db: Db, d: Source, fields: DatasetField[]) {
  const exists = await sql<{ t: string | null }>`select to_regclass(${tableOf(d.code)})::text as t`.execute(
    db,
  );
  if (!exists.rows[0]?.t) return;
  let after = '-1';
  for (;;) {
    // `t._seq`: a bare `_seq` in ORDER BY would name the text column of the select list, sorting
    // "10" before "9" and skipping rows between batches.
    const r = await sql<Record<string, unknown> & { _seq: string }>`
      select ${selectList(fields)}, _seq::text as _seq from ${sql.raw(tableOf(d.code))} t
      where t._seq > ${after}::bigint order by t._seq limit ${BATCH}`.execute(db);
    if (r.rows.length === 0) return;
    yield r.rows;
    after = (r.rows[r.rows.length - 1] as { _seq: string })._seq;
    if (r.rows.length < BATCH) return;
  }
}

const csvCell = (v: unknown, numeric: boolean) => {
  if (v === null || v === undefined) return '';
  // Spreadsheets run cells that start with = + - @ as formulas: neutralised, as in every export.
  const s = neutralise(String(v), { numeric });
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** What an export holds: the open fields by default; a conditional reader's approved fields, masked. */
export type ExportShape = {
  fields: DatasetField[];
  transform?: (row: Record<string, unknown>) => Record<string, unknown>;
};
export type Source = Pick<OpenDatasetRow, 'code' | 'fields'>;
const openShape = (d: Source): ExportShape => ({ fields: openFields(d.fields as DatasetField[]) });

/** CSV with a BOM (so spreadsheet programs read UTF-8 Chinese correctly) and the field names as header. */
export async function* csvChunks(db: Db, d: Source, shape = openShape(d)): AsyncGenerator<string> {
  const { fields, transform = (r) => r } = shape;
  const numeric = fields.map((f) => f.type === 'integer' || f.type === 'decimal');
  yield `\uFEFF${fields.map((f, i) => csvCell(f.name, numeric[i] ?? false)).join(',')}\r\n`;
  for await (const rows of batches(db, d, fields)) {
    yield rows
      .map(transform)
      .map((r) => `${fields.map((f, i) => csvCell(r[f.name], numeric[i] ?? false)).join(',')}\r\n`)
      .join('');
  }
}

/** A JSON array of records, streamed. */
export async function* jsonChunks(db: Db, d: Source, shape = openShape(d)): AsyncGenerator<string> {
  const { fields, transform = (r) => r } = shape;
  let first = true;
  yield '[';
  for await (const rows of batches(db, d, fields)) {
    for (const row of rows) {
      const r = transform(row);
      const rec = Object.fromEntries(fields.map((f) => [f.name, r[f.name] ?? null]));
      yield `${first ? '' : ','}\n${JSON.stringify(rec)}`;
      first = false;
    }
  }
  yield '\n]\n';
}

export const DOWNLOAD_TYPES: Record<OpenDownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A download in any of its formats, streamed from the table a batch at a time. */
export function exportStream(db: Db, d: Source, format: OpenDownloadFormat, shape = openShape(d)): Readable {
  if (format === 'xlsx') return xlsxStream(batches(db, d, shape.fields), d.code, shape);
  return Readable.from(format === 'csv' ? csvChunks(db, d, shape) : jsonChunks(db, d, shape));
}
