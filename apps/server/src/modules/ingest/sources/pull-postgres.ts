import pg from 'pg';
import { AppError } from '../../../platform/errors.ts';
import type { HostPolicy } from './host-policy.ts';
import { parsePgUrl } from './pg-url.ts';
import type { PullFile } from './pull-file.ts';

export type PostgresPull = {
  connectionString: string;
  table: string | null;
  query: string | null;
  timeoutSeconds: number;
};
export type Watermark = { column: string; after: string | null };

const FETCH_ROWS = 1000;
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `schema.table` or `table`, each part quoted as written. */
export const quoteTable = (table: string) => {
  const dot = table.indexOf('.');
  return dot === -1
    ? quoteIdent(table)
    : `${quoteIdent(table.slice(0, dot))}.${quoteIdent(table.slice(dot + 1))}`;
};

/** The first word of a query after comments: a pull query must read, so SELECT, WITH, VALUES or TABLE. */
export function queryVerb(query: string): string {
  const text = query.replace(/^(\s+|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)+/, '');
  return /^[a-z]+/i.exec(text)?.[0]?.toLowerCase() ?? '';
}

export const READ_VERBS = ['select', 'with', 'values', 'table'];

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
]);

/** Sorts a failure into the errors an owner can act on: reach, credentials or query. */
function explain(e: unknown, host: string, phase: 'connect' | 'query'): unknown {
  if (e instanceof AppError) return e;
  const err = e as { code?: string; message?: string };
  const reason = err.message ?? String(e);
  const code = err.code ?? '';
  if (code.startsWith('28')) return new AppError('pull_auth_failed', { host, reason });
  if (
    code === '3D000' ||
    code.startsWith('08') ||
    NETWORK_CODES.has(code) ||
    (phase === 'connect' && !/^[0-9A-Z]{5}$/.test(code))
  ) {
    return new AppError('pull_unreachable', {
      host,
      reason: code && !reason.includes(code) ? `${code} ${reason}` : reason,
    });
  }
  if (code === '57014') return new AppError('pull_bad_query', { reason: `${reason}（statement timeout）` });
  if (/^[0-9A-Z]{5}$/.test(code)) return new AppError('pull_bad_query', { reason });
  return new AppError('pull_unreachable', { host, reason });
}

/**
 * Streams a table or a query of a PostgreSQL source into the pull file through a server-side
 * cursor, a thousand rows at a time, in a read-only transaction with a statement timeout. The
 * query goes through the extended protocol inside DECLARE … CURSOR, so it can only be one SELECT
 * (or VALUES/WITH without data-modifying parts). With a watermark, only rows whose column is greater
 * than it come, in its order, and the last non-null value read is the new maximum.
 */
export async function pullPostgres(
  settings: PostgresPull,
  opts: {
    policy: HostPolicy;
    watermark: Watermark | null;
    file: PullFile;
    progress: (records: number) => Promise<void>;
  },
): Promise<{ watermark: string | null }> {
  const target = parsePgUrl(settings.connectionString);
  const [address] = await opts.policy.resolve(target.host);
  const timeoutMs = settings.timeoutSeconds * 1000;
  const client = new pg.Client({
    host: address?.address,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
    ssl:
      target.ssl === 'disable'
        ? false
        : {
            rejectUnauthorized: target.ssl !== 'require',
            servername: target.host,
            checkServerIdentity: target.ssl === 'verify-ca' ? () => undefined : undefined,
          },
    connectionTimeoutMillis: (target.connectTimeoutSeconds ?? Math.min(settings.timeoutSeconds, 30)) * 1000,
    application_name: 'shuzhi-pull',
    // Every value as PostgreSQL prints it: the import's own parsing decides what it means.
    types: { getTypeParser: () => (value: string) => value },
  });
  client.on('error', () => {
    // A connection dropped between queries surfaces at the next query; nothing to do here.
  });
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    throw explain(e, target.host, 'connect');
  }
  const source = settings.table
    ? `select * from ${quoteTable(settings.table)}`
    : (settings.query ?? '').replace(/;\s*$/, '');
  let text = `select * from (\n${source}\n) as shuzhi_source`;
  const values: string[] = [];
  const wm = opts.watermark;
  if (wm) {
    if (wm.after !== null) {
      text += ` where ${quoteIdent(wm.column)} > $1`;
      values.push(wm.after);
    }
    text += ` order by ${quoteIdent(wm.column)}`;
  }
  let maximum: string | null = null;
  // Only the source's own failures are explained; a cancelled job's error passes through as it is.
  const q = <R extends pg.QueryResultRow = pg.QueryResultRow>(
    config: string | pg.QueryConfig | pg.QueryArrayConfig,
  ) =>
    client.query<R>(config as pg.QueryConfig).catch((e: unknown) => {
      throw explain(e, target.host, 'query');
    });
  try {
    await q('begin');
    await q('set transaction read only');
    await q(`set local statement_timeout = ${timeoutMs}`);
    await q(`set local datestyle = 'ISO, YMD'`);
    await q({
      text: `declare shuzhi_pull no scroll cursor for ${text}`,
      values,
      queryMode: 'extended',
    } as pg.QueryConfig);
    let names: string[] | null = null;
    let wmIndex = -1;
    for (;;) {
      const r = await q<string[]>({
        text: `fetch forward ${FETCH_ROWS} from shuzhi_pull`,
        rowMode: 'array',
      } as pg.QueryArrayConfig);
      if (!names) {
        names = r.fields.map((f) => f.name);
        const twice = names.find((n, i) => names?.indexOf(n) !== i);
        if (twice !== undefined) {
          throw new AppError('pull_bad_query', {
            reason: `列名重复：${twice} / duplicate column name: ${twice}`,
          });
        }
        wmIndex = wm ? names.indexOf(wm.column) : -1;
      }
      for (const row of r.rows) {
        await opts.file.write(Object.fromEntries(names.map((n, i) => [n, row[i] ?? null])));
        const v = wmIndex >= 0 ? row[wmIndex] : null;
        if (v !== null && v !== undefined) maximum = v;
      }
      await opts.progress(opts.file.records);
      if (r.rows.length < FETCH_ROWS) break;
    }
    await q('commit');
  } finally {
    await client.end().catch(() => {});
  }
  return { watermark: maximum };
}
