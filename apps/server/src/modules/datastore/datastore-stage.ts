import type { DatasetField } from '@shuzhi/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/**
 * The stage: a session's temporary table that takes a chunk of delimited text, split into cells by
 * PostgreSQL itself, with a flag saying whether PostgreSQL can convert the row on its own. Splitting
 * and converting in the database is what makes large loads fast; it is only done for text with no
 * quotes (where splitting on the delimiter is exactly CSV) and only for values in canonical form.
 * Rows that are not (`ok` false) go back to the caller's JavaScript coercion, which stays the one
 * definition of what a value means.
 */
export const STAGE = 'pg_temp.shuzhi_ingest_stage';

/** A field's value from a staged row (cells are 1-based), cast to the field's column type. */
export function stagedColumn(f: DatasetField, index: number | null): RawBuilder<unknown> {
  const type = sql.raw(
    {
      string: 'text',
      integer: 'bigint',
      decimal: 'numeric',
      boolean: 'boolean',
      date: 'date',
      datetime: 'timestamptz',
    }[f.type],
  );
  return index === null ? sql`null::${type}` : sql`cells[${sql.lit(index)}]::${type}`;
}

export type StagePlan = {
  delimiter: string;
  /** Cells a well-formed row has (the header's width). */
  width: number;
  /** Longer lines are left to the coercion, which checks each value's size. */
  maxLineBytes: number;
  fields: DatasetField[];
  /** Per field, its cell (1-based) or null when no column maps to it. */
  cells: (number | null)[];
};

// The canonical form of each type: text PostgreSQL's cast reads exactly as the JavaScript coercion
// does. Dates are real calendar dates from year 1000 on (29 February only of leap years: a cast of a
// wrong date would fail the whole piece).
const LEAP_YEAR = '(?:[1-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)';
const DATE = `(?:[1-9][0-9]{3}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|${LEAP_YEAR}-02-29)`;
const CANONICAL: Record<Exclude<DatasetField['type'], 'string'>, string> = {
  // 15 digits always fit a JavaScript safe integer, which the coercion requires.
  integer: '-?[0-9]{1,15}',
  decimal: '-?[0-9]{1,30}(?:[.][0-9]{1,30})?',
  boolean: '(?:true|false|t|f|1|0|yes|no|y|n)',
  date: DATE,
  datetime: `${DATE}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:[.][0-9]{1,6})?(?:Z|[+-](?:0[0-9]|1[0-4]):[0-5][0-9])`,
};

/**
 * One line in the form PostgreSQL may convert on its own: exactly `width` cells, and in each mapped
 * cell a canonical value of its field's type, or nothing (a null; never for a key). Text cells must
 * not start or end with white space, which the coercion trims. Anything else goes to the coercion,
 * which stays the one definition of what a value means. Tested against the JavaScript path by
 * ingest.paths.test.ts.
 */
export function canonicalLine(plan: StagePlan): RegExp {
  const d = plan.delimiter.replace(/[|\\^$.*+?()[\]{}]/g, '\\$&');
  const free = `[^${d}\\r\\n]*`;
  const text = `[^\\s${d}](?:${free}[^\\s${d}])?`;
  const byCell = new Map<number, DatasetField>();
  plan.fields.forEach((f, i) => {
    const c = plan.cells[i];
    if (c != null) byCell.set(c, f);
  });
  const cells = Array.from({ length: plan.width }, (_, i) => {
    const f = byCell.get(i + 1);
    if (!f) return free;
    const value = f.type === 'string' ? text : CANONICAL[f.type];
    return f.key ? `(?:${value})` : `(?:${value})?`;
  });
  // Sticky, tried at each line's start; the lookahead makes it take the whole line.
  return new RegExp(`${cells.join(d)}\\r?(?=\\n|$)`, 'y');
}

/**
 * Lines of `piece` (1 = its first) that are not canonical (see canonicalLine), or longer than
 * `maxLineBytes` could allow (the coercion checks each value's size).
 */
export function irregularLines(
  piece: string,
  line: RegExp,
  maxLineBytes: number,
): { n: number; text: string }[] {
  const out: { n: number; text: string }[] = [];
  // A character takes at most 3 bytes in UTF-8 (4 for a pair of UTF-16 units).
  const maxChars = Math.floor(maxLineBytes / 3);
  let n = 0;
  for (let at = 0; at <= piece.length; n++) {
    const found = piece.indexOf('\n', at);
    const end = found === -1 ? piece.length : found;
    line.lastIndex = at;
    if (end - at > maxChars || !line.test(piece)) out.push({ n: n + 1, text: piece.slice(at, end) });
    at = end + 1;
  }
  return out;
}

/** A piece of lines as text in SQL: sent as UTF-8 bytes (see LinePiece) or as text. */
const pieceText = (piece: Uint8Array | string) =>
  typeof piece === 'string' ? sql`${piece}::text` : sql`convert_from(${piece}::bytea, 'UTF8')`;

/**
 * The canonical rows of a piece (whole lines; `skip` names the others, see irregularLines) as a query
 * of `r` and the fields' typed columns, split and cast by PostgreSQL with no stage in between.
 */
export function canonicalRows(
  plan: StagePlan,
  piece: Uint8Array | string,
  firstRow: number,
  skip: number[],
): RawBuilder<unknown> {
  const columns = plan.fields.map(
    (f, i) => sql`${stagedColumn(f, plan.cells[i] ?? null)} as ${sql.id(f.name)}`,
  );
  return sql`select ${firstRow}::bigint + n - 1 as r, ${sql.join(columns)}
    from (select n, string_to_array(rtrim(l, E'\\r'), ${plan.delimiter}, '') as cells
          from string_to_table(${pieceText(piece)}, E'\\n') with ordinality as s(l, n)
          where n <> all(${skip}::bigint[])
          -- offset 0 keeps the split from being inlined into every cell reference.
          offset 0) lines`;
}

/**
 * Splits `piece` (whole lines without their final line break, no quotes) into the stage, numbering
 * lines from `firstRow`, and answers the rows PostgreSQL will not convert, with their cells (an
 * empty cell comes back as ''). `irregular` names the lines (1 = the first of the piece) that are not
 * in canonical form (see irregularLines): one regular expression per line in JavaScript costs far
 * less than checks per cell in SQL. Runs inside the caller's transaction; the stage empties at commit.
 */
export async function stageLines(
  db: Db,
  plan: StagePlan,
  piece: Uint8Array | string,
  firstRow: number,
  irregular: number[],
): Promise<{ back: { r: number; cells: string[] }[]; converted: number }> {
  await sql`create temp table if not exists shuzhi_ingest_stage
    (r bigint not null, cells text[] not null, ok boolean not null) on commit delete rows`.execute(db);
  const rows = await sql<{ r: number; cells: (string | null)[] }>`
    with ins as (
      insert into ${sql.raw(STAGE)} (r, cells, ok)
      select ${firstRow}::bigint + n - 1, c, not (n = any(${irregular}::bigint[]))
      from (select n, string_to_array(rtrim(l, E'\\r'), ${plan.delimiter}, '') as c
            from string_to_table(${pieceText(piece)}, E'\\n') with ordinality as s(l, n)) split
      returning r, cells, ok)
    select r::float8 as r, cells from ins where not ok order by r`.execute(db);
  const converted = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.raw(STAGE)} where ok`.execute(db);
  return {
    back: rows.rows.map((x) => ({ r: Number(x.r), cells: x.cells.map((v) => v ?? '') })),
    converted: Number(converted.rows[0]?.n ?? 0),
  };
}

/** The cells of staged rows, by row number (an empty cell as ''): what a reject of them shows. */
export async function stagedCells(db: Db, rows: number[]): Promise<Map<number, string[]>> {
  const r = await sql<{ r: number; cells: (string | null)[] }>`
    select r::float8 as r, cells from ${sql.raw(STAGE)} where r = any(${rows}::bigint[])`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.r), x.cells.map((v) => v ?? '')]));
}
