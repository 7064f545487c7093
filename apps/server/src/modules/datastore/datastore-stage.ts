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

const BOOLEAN_WORDS = ['true', 'false', 't', 'f', '1', '0', 'yes', 'no', 'y', 'n'];

const cell = (i: number) => sql`c[${sql.lit(i)}]`;

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

/** Whether a cell holds a value in the canonical form of its type, which PostgreSQL's cast reads exactly as the coercion does. */
function canonical(f: DatasetField, index: number | null): RawBuilder<unknown> {
  if (index === null) return f.key ? sql`false` : sql`true`;
  const c = cell(index);
  let check: RawBuilder<unknown>;
  switch (f.type) {
    case 'string':
      // Cells with spaces at either end are found by the caller (see `padded`), far cheaper in
      // JavaScript than in SQL; any other text is canonical.
      check = sql`true`;
      break;
    case 'integer':
      // 15 digits always fit a JavaScript safe integer, which the coercion requires.
      check = sql`${c} ~ '^-?[0-9]{1,15}$'`;
      break;
    case 'decimal':
      check = sql`${c} ~ '^-?[0-9]{1,30}([.][0-9]{1,30})?$'`;
      break;
    case 'boolean':
      check = sql`${c} in (${sql.join(BOOLEAN_WORDS.map((w) => sql.lit(w)))})`;
      break;
    case 'date':
      check = sql`datastore.is_iso_date(${c})`;
      break;
    case 'datetime':
      check = sql`datastore.is_iso_datetime(${c})`;
      break;
  }
  return f.key ? sql`(${c} is not null and ${check})` : sql`(${c} is null or ${check})`;
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

/** The whole-row check, built once per import. */
export function stageCheck(plan: StagePlan): RawBuilder<unknown> {
  return sql.join(
    [
      sql`cardinality(c) = ${sql.lit(plan.width)}`,
      sql`octet_length(line) <= ${sql.lit(plan.maxLineBytes)}`,
      ...plan.fields.map((f, i) => canonical(f, plan.cells[i] ?? null)),
    ],
    sql` and `,
  );
}

/**
 * Splits `text` (whole lines without their final line break, no quotes) into the stage, numbering
 * lines from `firstRow`, and answers the rows PostgreSQL will not convert, with their cells (an
 * empty cell comes back as ''). `padded` names lines (1 = the first of `text`) with a cell that
 * starts or ends with white space, which the coercion trims. Runs inside the caller's transaction;
 * the stage empties at commit.
 */
export async function stageLines(
  db: Db,
  plan: StagePlan,
  check: RawBuilder<unknown>,
  text: string,
  firstRow: number,
  padded: number[],
): Promise<{ back: { r: number; cells: string[] }[]; converted: number }> {
  await sql`create temp table if not exists shuzhi_ingest_stage
    (r bigint not null, cells text[] not null, ok boolean not null) on commit delete rows`.execute(db);
  const rows = await sql<{ r: number; cells: (string | null)[] }>`
    with ins as (
      insert into ${sql.raw(STAGE)} (r, cells, ok)
      select ${firstRow}::bigint + n - 1, c, coalesce(${check}, false) and not (n = any(${padded}::bigint[]))
      from (select n, line, string_to_array(line, ${plan.delimiter}, '') as c
            from (select n, rtrim(l, E'\\r') as line
                  from string_to_table(${text}::text, E'\\n') with ordinality as s(l, n)) lines
            -- offset 0 keeps the split from being inlined into every cell reference of the check.
            offset 0) split
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
