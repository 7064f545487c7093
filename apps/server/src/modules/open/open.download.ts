import type { DatasetField } from '@shuzhi/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { tableOf } from '../datastore/index.ts';
import { neutralise } from '../ingest/index.ts';
import { openFields } from './open.names.ts';
import type { OpenDatasetRow } from './open.repo.ts';
import { selectList } from './open.rows.ts';

const BATCH = 5000;

/** The rows of a dataset's table in `_seq` order, a batch at a time, so a large table never sits in memory. */
async function* batches(db: Db, d: OpenDatasetRow, fields: DatasetField[]) {
  const exists = await sql<{ t: string | null }>`select to_regclass(${tableOf(d.code)})::text as t`.execute(
    db,
  );
  if (!exists.rows[0]?.t) return;
  let after = '-1';
  for (;;) {
    const r = await sql<Record<string, unknown> & { _seq: string }>`
      select ${selectList(fields)}, _seq::text as _seq from ${sql.raw(tableOf(d.code))}
      where _seq > ${after}::bigint order by _seq limit ${BATCH}`.execute(db);
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

/** CSV with a BOM (so spreadsheet programs read UTF-8 Chinese correctly) and the field names as header. */
export async function* csvChunks(db: Db, d: OpenDatasetRow): AsyncGenerator<string> {
  const fields = openFields(d.fields as DatasetField[]);
  const numeric = fields.map((f) => f.type === 'integer' || f.type === 'decimal');
  yield `\uFEFF${fields.map((f, i) => csvCell(f.name, numeric[i] ?? false)).join(',')}\r\n`;
  for await (const rows of batches(db, d, fields)) {
    yield rows
      .map((r) => `${fields.map((f, i) => csvCell(r[f.name], numeric[i] ?? false)).join(',')}\r\n`)
      .join('');
  }
}

/** A JSON array of records, streamed. */
export async function* jsonChunks(db: Db, d: OpenDatasetRow): AsyncGenerator<string> {
  const fields = openFields(d.fields as DatasetField[]);
  let first = true;
  yield '[';
  for await (const rows of batches(db, d, fields)) {
    for (const r of rows) {
      const rec = Object.fromEntries(fields.map((f) => [f.name, r[f.name] ?? null]));
      yield `${first ? '' : ','}\n${JSON.stringify(rec)}`;
      first = false;
    }
  }
  yield '\n]\n';
}
