import { createReadStream, rmSync } from 'node:fs';
import type { DatasetField } from '@shuzhi/contracts';
import type { Db } from '../../db/connection.ts';
import {
  analyzeTable,
  canonicalLine,
  canonicalRows,
  copyable,
  copyCanonical,
  deleteRowsNotFrom,
  irregularLines,
  lockDatasetWrites,
  openLoad,
  publishLoad,
  type StagePlan,
  stagedCells,
  stageLines,
  writeBatch,
} from '../datastore/index.ts';
import * as repo from './ingest.repo.ts';
import { type Converted, duplicateReject, type Reject, rowConverter } from './ingest.rows.ts';
import type { DatasetLookup } from './ingest.service.ts';
import { openPlainCsv, ParseError, plainRow, readTabular } from './parse/index.ts';

/** Rows per commit on the JavaScript path; the plain path commits per piece of text instead. */
export type IngestTuning = { batchRows: number; pieceBytes: number };
const TUNING: IngestTuning = { batchRows: 5000, pieceBytes: 1 << 20 };

type Counts = { read: number; loaded: number; rejected: number };

/**
 * Streams a stored file into the dataset's table. Each batch's rows, rejects and counters commit
 * together, so after a crash the job resumes after the last committed row and every input row ends
 * up either loaded or rejected with its reason: loaded + rejected = read.
 *
 * Plain CSV (no quotes) takes the fast path: pieces of whole lines go to the database, which splits
 * them and converts the values in canonical form itself; the rest come back for the JavaScript
 * coercion. Any other file, or the rest of a CSV file from its first quote on, is parsed here.
 */
export async function runImport(
  deps: {
    db: Db;
    datasets: DatasetLookup;
    /**
     * A PostgreSQL server: plain pieces go as UTF-8 bytes, and a bulk load's canonical lines by COPY
     * (datastore-copy.ts). The embedded PGlite passes parameters as text (a bytea one would cost hex
     * encoding both ways) and has no COPY protocol here, so pieces go to it as text.
     */
    onServer?: boolean;
    /** No retry follows a failure of this run: a bulk load then publishes what it loaded. */
    lastAttempt?: boolean;
  },
  importId: string,
  progress: (read: number) => Promise<void>,
  tuning: IngestTuning = TUNING,
): Promise<Counts> {
  const { db } = deps;
  const asSent = (bytes: Buffer) => (deps.onServer ? bytes : bytes.toString('utf8'));
  const imp = await repo.findImport(db, importId);
  if (!imp) throw new Error(`import ${importId} not found`);
  if (imp.status === 'succeeded') return counted(imp);
  const ds = await deps.datasets.findDatasetById(imp.dataset_id);
  if (!ds) throw new Error(`dataset ${imp.dataset_id} not found`);
  await repo.setImport(db, imp.id, { status: 'running', error: null });
  const fields: DatasetField[] = ds.fields;
  let read = Number(imp.rows_read);
  // Set once the file's header is read; rows that come back from the database need them.
  let headerOf: string[] = [];
  let converter = rowConverter([], fields, [], { excelSerial: false });
  // A first load of the dataset (its table empty) is built apart and published whole at the end
  // (ADR 0010); append keeps its row-by-row path, where a key's first row wins and later ones are rejects.
  const load = imp.mode === 'append' ? null : await openLoad(db, ds.code, imp.id);

  /** One commit: the rows, the rejects they produce and the counters move together. */
  const commit = async (
    batch: {
      rows: Converted[];
      lastRow: number;
      piece?: { bytes: Buffer; firstRow: number; irregular: { n: number; text: string }[] };
    },
    stage: StagePlan | null,
    rawOf: (cells: string[]) => Record<string, string>,
    /** The previous commit, when two run at once: counters advance (and commit) in file order. */
    turn: Promise<void> = Promise.resolve(),
  ) => {
    const delta = await db.transaction().execute(async (trx) => {
      // A load table is this import's alone; the dataset's writers take turns at its publication.
      if (!load) await lockDatasetWrites(trx, ds.code);
      const rows = [...batch.rows];
      let staged = 0;
      let source: ReturnType<typeof canonicalRows> | undefined;
      if (batch.piece && stage && imp.mode !== 'append') {
        // The database splits and casts the canonical lines straight into the table (by COPY into a
        // load table on a server); the few others are split here (plain text: splitting on the
        // delimiter is exactly CSV) for the coercion.
        const { bytes, firstRow, irregular } = batch.piece;
        const skip = irregular.map((x) => x.n);
        if (load && deps.onServer && copyable(stage))
          await copyCanonical(trx, load, stage, { bytes, firstRow, lastRow: batch.lastRow }, skip);
        else source = canonicalRows(stage, asSent(bytes), firstRow, skip);
        staged = batch.lastRow - firstRow + 1 - irregular.length;
        for (const x of irregular) {
          const row = plainRow(
            firstRow + x.n - 1,
            x.text.replace(/\r$/, '').split(stage.delimiter),
            headerOf,
          );
          if (row) rows.push(converter.convert(row));
        }
      } else if (batch.piece && stage) {
        // Append's duplicates are rejects shown with their cells, which the stage keeps.
        const { bytes, firstRow, irregular } = batch.piece;
        const { back, converted } = await stageLines(
          trx,
          stage,
          asSent(bytes),
          firstRow,
          irregular.map((x) => x.n),
        );
        staged = converted;
        for (const b of back) {
          const row = plainRow(b.r, b.cells, headerOf);
          if (row) rows.push(converter.convert(row));
        }
      }
      const good = rows.filter((x): x is Extract<Converted, { ok: true }> => x.ok);
      const rejects: Reject[] = rows.flatMap((x) => (x.ok ? [] : [x.reject]));
      const { notWritten } = await writeBatch(
        trx,
        ds.code,
        fields,
        {
          rows: good,
          staged: batch.piece && stage && imp.mode === 'append' ? stage.cells : undefined,
          source,
        },
        imp.mode,
        imp.id,
        load ?? undefined,
      );
      if (notWritten.length > 0) {
        const cellsOf = new Map(good.map((g) => [g.r, g.cells]));
        const missing = notWritten.filter((r) => !cellsOf.has(r));
        if (missing.length > 0)
          for (const [r, cells] of await stagedCells(trx, missing)) cellsOf.set(r, cells);
        for (const r of notWritten) rejects.push(duplicateReject(r, rawOf(cellsOf.get(r) ?? [])));
      }
      rejects.sort((a, b) => a.row_number - b.row_number);
      await repo.insertRejects(trx, imp.id, rejects);
      const readDelta = staged + rows.length;
      await turn;
      await repo.advance(trx, imp.id, {
        read: readDelta,
        loaded: readDelta - rejects.length,
        rejected: rejects.length,
        lastRow: batch.lastRow,
      });
      return readDelta;
    });
    read += delta;
    await progress(read);
  };

  try {
    const file = await readTabular(createReadStream(imp.file_path), imp.format);
    headerOf = file.header;
    const columnOf = new Map(file.header.map((h, i) => [h, i]));
    const sources = fields.map((f) => {
      const header = Object.entries(imp.mapping).find(([, field]) => field === f.name)?.[0];
      return header === undefined ? -1 : (columnOf.get(header) ?? -1);
    });
    converter = rowConverter(file.header, fields, sources, { excelSerial: imp.format === 'xlsx' });
    let resumeAfter = Number(imp.last_row);

    if (imp.format === 'csv') {
      await file.close();
      const plainFile = await openPlainCsv(createReadStream(imp.file_path), file.header, tuning.pieceBytes);
      if (plainFile) {
        const stage: StagePlan = {
          delimiter: plainFile.delimiter,
          width: file.header.length,
          maxLineBytes: 1_000_000,
          fields,
          cells: sources.map((s) => (s >= 0 ? s + 1 : null)),
        };
        const line = canonicalLine(stage);
        const it = plainFile.pieces(resumeAfter, (block) => irregularLines(block, line, stage.maxLineBytes));
        // The next piece is read, decoded and checked while the database loads this one.
        const ahead = () => {
          const p = it.next();
          p.catch(() => {});
          return p;
        };
        // Into a load table (no key to check, no lock to take), two pieces load at once, on two
        // connections: PostgreSQL then uses both cores. Their counters still commit in file order,
        // so a crash never leaves a committed piece after one that is not.
        const lanes = load ? 2 : 1;
        const inFlight: { lastRow: number; done: Promise<void> }[] = [];
        let previous: Promise<void> = Promise.resolve();
        let pending = ahead();
        let next = await pending;
        try {
          while (!next.done) {
            const piece = next.value;
            pending = ahead();
            const done = commit(
              { rows: [], lastRow: piece.lastRow, piece },
              stage,
              converter.rawOf,
              previous,
            );
            done.catch(() => {});
            previous = done;
            inFlight.push({ lastRow: piece.lastRow, done });
            while (inFlight.length >= lanes) {
              const first = inFlight.shift()!;
              await first.done;
              resumeAfter = first.lastRow;
            }
            next = await pending;
          }
          for (const f of inFlight.splice(0)) {
            await f.done;
            resumeAfter = f.lastRow;
          }
        } catch (e) {
          await Promise.allSettled([pending, ...inFlight.map((f) => f.done)]);
          await it.return(null);
          throw e;
        }
        // null: the file is done; a row number: from there on it needs the CSV reader.
        if (next.value === null) return await finish();
        resumeAfter = next.value;
      }
    }

    const parsed = imp.format === 'csv' ? await readTabular(createReadStream(imp.file_path), 'csv') : file;
    let rows: Converted[] = [];
    let lastRow = resumeAfter;
    for await (const row of parsed.rows) {
      if (row.rowNumber <= resumeAfter) continue;
      lastRow = row.rowNumber;
      rows.push(converter.convert(row));
      if (rows.length >= tuning.batchRows) {
        await commit({ rows, lastRow }, null, converter.rawOf);
        rows = [];
      }
    }
    if (rows.length > 0) await commit({ rows, lastRow }, null, converter.rawOf);
    return await finish();
  } catch (e) {
    const cancelled = (e as Error).message === 'cancelled';
    const message = e instanceof ParseError ? `${e.zh} / ${e.en}` : (e as Error).message;
    // An import that ends here keeps the rows it loaded, as its counts say: a bulk load publishes
    // them (its table would otherwise stay behind). A failure that will be retried keeps the load
    // for the retry to go on with.
    if (load && (cancelled || e instanceof ParseError || deps.lastAttempt))
      await publishLoad(db, ds.code, fields, imp.id).catch(() => {
        // The import's own error is the one to report; the load stays for a later run.
      });
    await repo.setImport(db, imp.id, {
      status: cancelled ? 'cancelled' : 'failed',
      error: message,
      finished_at: new Date(),
    });
    // A file that cannot be read will not read better on a retry.
    if (e instanceof ParseError) return counted(await repo.findImport(db, importId));
    throw e;
  }

  async function finish(): Promise<Counts> {
    if (load) await publishLoad(db, ds!.code, fields, imp!.id);
    if (imp!.mode === 'replace') await deleteRowsNotFrom(db, ds!.code, fields, imp!.id);
    await repo.setImport(db, imp!.id, { status: 'succeeded', finished_at: new Date() });
    rmSync(imp!.file_path, { force: true });
    // A published load brought its statistics along.
    if (!load) await analyzeTable(db, ds!.code);
    return counted(await repo.findImport(db, importId));
  }
}

function counted(r: repo.ImportRow | undefined): Counts {
  return {
    read: Number(r?.rows_read ?? 0),
    loaded: Number(r?.rows_loaded ?? 0),
    rejected: Number(r?.rows_rejected ?? 0),
  };
}
