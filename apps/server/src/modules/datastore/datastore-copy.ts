import { copyIn, type Db } from '../../db/connection.ts';
import type { StagePlan } from './datastore-stage.ts';

/**
 * Canonical lines into a bulk load's table by COPY (a PostgreSQL server only; ADR 0010). COPY reads
 * delimited text and converts it with the columns' input functions, exactly what the SQL split and
 * casts of canonicalRows do, at about half their cost: on this path a load costs the database little
 * more than the bare COPY of the same file. Each line goes with its input row number in front (which
 * of two rows with one key came later), without the cells no field takes, and without its CR.
 */

/**
 * Whether COPY in CSV form reads the plan's lines as the plain path splits them: a one-byte
 * delimiter that is neither the quote, a digit (row numbers come first) nor a line break.
 */
export function copyable(plan: StagePlan): boolean {
  return /^[^0-9"\r\n]$/.test(plan.delimiter) && Buffer.byteLength(plan.delimiter) === 1;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Which cells of a line go to the table (by position), or null when all of them do. */
function keptCells(plan: StagePlan): { keep: boolean[] | null; columns: string[] } {
  const fieldOf = new Map<number, string>();
  plan.fields.forEach((f, i) => {
    const c = plan.cells[i];
    if (c != null) fieldOf.set(c, f.name);
  });
  const keep = Array.from({ length: plan.width }, (_, i) => fieldOf.has(i + 1));
  const columns = keep.flatMap((k, i) => (k ? [fieldOf.get(i + 1)!] : []));
  return { keep: keep.every(Boolean) ? null : keep, columns };
}

/**
 * The COPY text of a piece's lines (`bytes`: whole lines joined by LF, no final one; `lines` of
 * them): each line not in `skip` (1 = the first, ascending) as its row number, the delimiter and
 * the kept cells, ended by LF.
 */
export function copyLines(
  bytes: Buffer,
  lines: number,
  firstRow: number,
  skip: readonly number[],
  delimiter: number,
  keep: readonly boolean[] | null,
): Buffer {
  // A row number takes at most 16 digits; the delimiter and the LF, 2 bytes more.
  const out = Buffer.allocUnsafe(bytes.length + lines * 18);
  let pos = 0;
  let s = 0;
  let at = 0;
  for (let n = 1; n <= lines; n++) {
    let end = bytes.indexOf(10, at);
    if (end === -1) end = bytes.length;
    if (s < skip.length && skip[s] === n) {
      s++;
      at = end + 1;
      continue;
    }
    const stop = end > at && bytes[end - 1] === 13 ? end - 1 : end;
    const r = String(firstRow + n - 1);
    for (let i = 0; i < r.length; i++) out[pos++] = r.charCodeAt(i);
    if (keep === null) {
      out[pos++] = delimiter;
      pos += bytes.copy(out, pos, at, stop);
    } else {
      let from = at;
      for (let c = 0; ; c++) {
        let cut = bytes.indexOf(delimiter, from);
        if (cut === -1 || cut > stop) cut = stop;
        if (keep[c]) {
          out[pos++] = delimiter;
          pos += bytes.copy(out, pos, from, cut);
        }
        if (cut === stop) break;
        from = cut + 1;
      }
    }
    out[pos++] = 10;
    at = end + 1;
  }
  return out.subarray(0, pos);
}

/**
 * Loads the canonical lines of a piece (see canonicalLine; `skip` names the others) into a load
 * table, inside the caller's transaction. The table's defaults fill the housekeeping columns.
 */
export async function copyCanonical(
  db: Db,
  load: string,
  plan: StagePlan,
  piece: { bytes: Buffer; firstRow: number; lastRow: number },
  skip: readonly number[],
): Promise<void> {
  const lines = piece.lastRow - piece.firstRow + 1;
  if (skip.length >= lines) return;
  const { keep, columns } = keptCells(plan);
  const delimiter = plan.delimiter.charCodeAt(0);
  const text = copyLines(piece.bytes, lines, piece.firstRow, skip, delimiter, keep);
  const d = plan.delimiter === '\t' ? "E'\\t'" : `'${plan.delimiter.replace(/'/g, "''")}'`;
  await copyIn(
    db,
    `copy ${load} (_r, ${columns.map(ident).join(', ')}) from stdin with (format csv, delimiter ${d})`,
    text,
  );
}
