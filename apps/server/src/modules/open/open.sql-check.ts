import { AppError } from '../../platform/errors.ts';

/*
 * A conservative reading of a datastore_search_sql statement, before PostgreSQL sees it. It is not
 * a SQL parser: it splits the text into tokens (strings, quoted identifiers, words, symbols) and
 * refuses whatever it cannot vouch for. What it lets through still runs in a read-only transaction
 * with a statement timeout, and the plan is checked for the tables it reads (see open.sql.ts).
 */

export type SqlToken = { kind: 'word' | 'quoted' | 'string' | 'number' | 'symbol'; text: string };

const forbid = (reason: string): never => {
  throw new AppError('open_sql_forbidden', { reason });
};
const invalid = (reason: string): never => {
  throw new AppError('open_sql_invalid', { reason });
};

/** Words that may stand before "(" without being a function call. */
const KEYWORDS = new Set(
  'select from where and or not in exists any all some as on using join values over filter within group by partition order having union intersect except case when then else lateral distinct is like ilike between array row with limit offset fetch window cast extract position substring overlay trim coalesce nullif greatest least recursive materialized'.split(
    ' ',
  ),
);

/** Functions without side effects or access to anything but their arguments. */
export const ALLOWED_FUNCTIONS = new Set(
  'count sum avg min max stddev stddev_pop stddev_samp variance var_pop var_samp percentile_cont percentile_disc mode string_agg array_agg json_agg jsonb_agg json_object_agg bool_and bool_or every lower upper length char_length btrim ltrim rtrim replace split_part concat concat_ws left right lpad rpad strpos starts_with regexp_replace regexp_match abs ceil ceiling floor round trunc sign sqrt power mod ln log exp div width_bucket date_trunc date_part age to_char to_date to_timestamp to_number make_date row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value generate_series'.split(
    ' ',
  ),
);

export function tokenize(sqlText: string): SqlToken[] {
  const out: SqlToken[] = [];
  const s = sqlText;
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (/\s/.test(c)) i++;
    else if (s.startsWith('--', i) || s.startsWith('/*', i)) forbid('comments are not accepted');
    else if (c === "'" || c === '"') {
      // E'…', U&'…', B'…' and U&"…" change how the body reads: refused rather than half-read.
      if (i > 0 && /[A-Za-z0-9_&$]/.test(s[i - 1] as string)) forbid('prefixed strings are not accepted');
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= s.length) invalid('an unterminated string or quoted name');
        if (s[j] === c) {
          if (s[j + 1] === c) {
            text += c;
            j += 2;
            continue;
          }
          break;
        }
        text += s[j];
        j++;
      }
      out.push({ kind: c === "'" ? 'string' : 'quoted', text });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i)) as RegExpExecArray;
      if (s[i + m[0].length] === '$') forbid('"$" is not accepted');
      out.push({ kind: 'word', text: m[0].toLowerCase() });
      i += m[0].length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?/.exec(s.slice(i)) as RegExpExecArray;
      out.push({ kind: 'number', text: m[0] });
      i += m[0].length;
    } else if (c === '$' || c === '\\') forbid(`"${c}" is not accepted`);
    else {
      out.push({ kind: 'symbol', text: c });
      i++;
    }
  }
  return out;
}

/**
 * Checks a statement; answers the tokens without a trailing ";" and the quoted names it uses (the
 * candidates for resource ids). `schemas` are the database's schema names: no name may be
 * qualified by one, so only the resources the caller names, through CTEs, can be reached.
 */
export function checkStatement(sqlText: string, schemas: Set<string>): { quoted: Set<string> } {
  const tokens = tokenize(sqlText);
  while (
    tokens.length > 0 &&
    tokens[tokens.length - 1]?.text === ';' &&
    tokens[tokens.length - 1]?.kind === 'symbol'
  )
    tokens.pop();
  const first = tokens[0];
  if (first?.kind !== 'word' || (first.text !== 'select' && first.text !== 'with'))
    invalid('only a single SELECT (or WITH … SELECT) statement is accepted');
  let depth = 0;
  const quoted = new Set<string>();
  tokens.forEach((t, k) => {
    const next = tokens[k + 1];
    if (t.kind === 'symbol') {
      if (t.text === ';') invalid('only a single statement is accepted');
      if (t.text === '(') depth++;
      if (t.text === ')' && --depth < 0) invalid('unbalanced parentheses');
      return;
    }
    if (t.kind === 'quoted') quoted.add(t.text);
    if (t.kind !== 'word' && t.kind !== 'quoted') return;
    const name = t.kind === 'word' ? t.text : t.text.toLowerCase();
    if (next?.kind === 'symbol' && next.text === '.' && schemas.has(name))
      forbid(`names may not be qualified by schema "${t.text}"`);
    if (next?.kind === 'symbol' && next.text === '(') {
      if (t.kind === 'quoted') forbid(`"${t.text}(…)": quoted function names are not accepted`);
      if (!KEYWORDS.has(t.text) && !ALLOWED_FUNCTIONS.has(t.text))
        forbid(`function ${t.text}() is not on the list of allowed functions`);
    }
  });
  if (depth !== 0) invalid('unbalanced parentheses');
  return { quoted };
}

/** The statement without its trailing ";" (checked beforehand). */
export const withoutTrailingSemicolon = (s: string) => s.replace(/;\s*$/, '');
