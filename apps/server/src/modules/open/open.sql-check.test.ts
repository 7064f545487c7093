import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors.ts';
import { checkStatement } from './open.sql-check.ts';

const schemas = new Set(['data', 'catalog', 'auth', 'pg_catalog', 'public', 'information_schema']);
const code = (s: string) => {
  try {
    checkStatement(s, schemas);
    return 'ok';
  } catch (e) {
    return (e as AppError).code;
  }
};

describe('the datastore_search_sql pre-check', () => {
  it('accepts plain SELECTs over quoted resource names, with allowed functions and strings', () => {
    expect(code('SELECT city, count(*) FROM "r1" GROUP BY city;')).toBe('ok');
    expect(
      code(`WITH x AS (SELECT * FROM "r1") SELECT lower(a.city) FROM x a WHERE a.city <> 'a;b--c'`),
    ).toBe('ok');
    expect(checkStatement('select * from "r1" join "r-2" using (k)', schemas).quoted).toEqual(
      new Set(['r1', 'r-2']),
    );
  });

  it('refuses schema-qualified names, unlisted or quoted functions, comments and prefixed strings', () => {
    expect(code('SELECT * FROM data."X"')).toBe('open_sql_forbidden');
    expect(code('SELECT * FROM "auth".user')).toBe('open_sql_forbidden');
    expect(code('SELECT * FROM "r1" WHERE pg_catalog.lower(city) = 1')).toBe('open_sql_forbidden');
    expect(code(`SELECT current_setting('x') FROM "r1"`)).toBe('open_sql_forbidden');
    expect(code(`SELECT "lower"(city) FROM "r1"`)).toBe('open_sql_forbidden');
    expect(code('SELECT * FROM "r1" -- x')).toBe('open_sql_forbidden');
    expect(code('SELECT * FROM "r1" /* x */')).toBe('open_sql_forbidden');
    expect(code(`SELECT E'\\'' FROM "r1"`)).toBe('open_sql_forbidden');
    expect(code('SELECT $$x$$ FROM "r1"')).toBe('open_sql_forbidden');
  });

  it('refuses anything but one SELECT, and unbalanced parentheses', () => {
    expect(code('DELETE FROM "r1"')).toBe('open_sql_invalid');
    expect(code('SELECT 1; SELECT 2')).toBe('open_sql_invalid');
    expect(code('SELECT * FROM "r1") x; DROP TABLE y; SELECT (1')).toBe('open_sql_invalid');
    expect(code(`SELECT 'unterminated FROM "r1"`)).toBe('open_sql_invalid');
    expect(code('')).toBe('open_sql_invalid');
  });
});
