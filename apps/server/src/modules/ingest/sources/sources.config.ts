import { type HttpPaging, MASKED, type SourceConfig } from '@shuzhi/contracts';
import { AppError } from '../../../platform/errors.ts';
import type { HostPolicy } from './host-policy.ts';
import { keepStoredPassword, maskPgUrl, parsePgUrl } from './pg-url.ts';
import type { HttpPull } from './pull-http.ts';
import { type PostgresPull, queryVerb, READ_VERBS } from './pull-postgres.ts';

/** What is kept in clear: everything but the secrets, with the connection string masked. */
export type StoredConfig =
  | { kind: 'postgres'; display: string; table: string | null; query: string | null; timeoutSeconds: number }
  | {
      kind: 'http';
      url: string;
      headerNames: string[];
      recordsPath: string;
      paging: HttpPaging;
      maxPages: number;
      watermarkParam: string | null;
      timeoutSeconds: number;
    };
/** What is sealed: the connection string, or the header values. */
export type SourceSecrets = { connectionString: string } | { headers: Record<string, string> };

const invalid = (zh: string, en: string) =>
  new AppError('source_config_invalid', { reason_zh: zh, reason_en: en });

/** Headers that would change where or how the request goes, rather than who asks. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade']);

/**
 * Checks a source's settings and splits them into what is stored in clear and what is sealed.
 * A masked value sent back (`****`) keeps the stored secret, but only where it was used before
 * (same server and user, same site), so a stored credential can never be pointed elsewhere.
 */
export function prepareConfig(
  input: SourceConfig,
  previous: { config: StoredConfig; secrets: SourceSecrets } | null,
  policy: HostPolicy,
): { config: StoredConfig; secrets: SourceSecrets } {
  if (input.kind === 'postgres') {
    const stored =
      previous && 'connectionString' in previous.secrets ? previous.secrets.connectionString : null;
    const connectionString = keepStoredPassword(input.connectionString, stored);
    const target = parsePgUrl(connectionString);
    policy.checkStatic(target.host);
    if (input.query !== null && !READ_VERBS.includes(queryVerb(input.query))) {
      throw invalid(
        '查询须为一条 SELECT（或 WITH … SELECT、VALUES）语句',
        'the query must be one SELECT (or WITH … SELECT, VALUES) statement',
      );
    }
    if (input.table !== null && (/["\s;]/.test(input.table) || input.table.split('.').length > 2)) {
      throw invalid('表名应形如 schema.table 或 table', 'name the table as schema.table or table');
    }
    return {
      config: {
        kind: 'postgres',
        display: maskPgUrl(connectionString),
        table: input.table,
        query: input.query,
        timeoutSeconds: input.timeoutSeconds,
      },
      secrets: { connectionString },
    };
  }
  const url = new URL(input.url);
  if (url.username || url.password) {
    throw invalid(
      '请勿把用户名密码写在地址中，改用请求头（如 Authorization），请求头会加密保存',
      'do not put credentials in the URL; use a header (e.g. Authorization), which is stored encrypted',
    );
  }
  policy.checkStatic(url.hostname);
  const previousHeaders = previous && 'headers' in previous.secrets ? previous.secrets.headers : {};
  const sameSite = previous?.config.kind === 'http' && new URL(previous.config.url).origin === url.origin;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) {
    const key = name.toLowerCase();
    if (RESERVED_HEADERS.has(key)) throw invalid(`不能设置请求头 ${name}`, `header ${name} cannot be set`);
    if (key in headers) throw invalid(`请求头 ${name} 重复`, `header ${name} is given twice`);
    if (value === MASKED) {
      const kept = Object.entries(previousHeaders).find(([k]) => k === key)?.[1];
      if (kept === undefined || !sameSite) {
        throw invalid(`请重新填写请求头 ${name} 的值`, `enter the value of header ${name} again`);
      }
      headers[key] = kept;
    } else headers[key] = value;
  }
  return {
    config: {
      kind: 'http',
      url: url.toString(),
      headerNames: Object.keys(headers),
      recordsPath: input.recordsPath,
      paging: input.paging,
      maxPages: input.maxPages,
      watermarkParam: input.watermarkParam,
      timeoutSeconds: input.timeoutSeconds,
    },
    secrets: { headers },
  };
}

/** The settings as the API shows them: no password, no header value. */
export function publicConfig(c: StoredConfig): SourceConfig {
  if (c.kind === 'postgres') {
    return {
      kind: 'postgres',
      connectionString: c.display,
      table: c.table,
      query: c.query,
      timeoutSeconds: c.timeoutSeconds,
    };
  }
  return {
    kind: 'http',
    url: c.url,
    headers: Object.fromEntries(c.headerNames.map((n) => [n, MASKED])),
    recordsPath: c.recordsPath,
    paging: c.paging,
    maxPages: c.maxPages,
    watermarkParam: c.watermarkParam,
    timeoutSeconds: c.timeoutSeconds,
  };
}

/** Host and port (or site) of a source, for ledger entries and messages. */
export const whereOf = (c: StoredConfig): string =>
  c.kind === 'postgres' ? new URL(c.display).host : new URL(c.url).host;

export function postgresSettings(c: StoredConfig & { kind: 'postgres' }, s: SourceSecrets): PostgresPull {
  if (!('connectionString' in s)) throw new Error('source secrets do not match its kind');
  return {
    connectionString: s.connectionString,
    table: c.table,
    query: c.query,
    timeoutSeconds: c.timeoutSeconds,
  };
}

export function httpSettings(c: StoredConfig & { kind: 'http' }, s: SourceSecrets): HttpPull {
  if (!('headers' in s)) throw new Error('source secrets do not match its kind');
  return { ...c, headers: s.headers };
}
