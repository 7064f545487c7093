import { MASKED } from '@shuzhi/contracts';
import { AppError } from '../../../platform/errors.ts';

export type PgTarget = {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** libpq's sslmode: `require` encrypts without checking the certificate; `verify-*` check it. */
  ssl: 'disable' | 'require' | 'verify-ca' | 'verify-full';
  connectTimeoutSeconds: number | null;
};

const invalid = (zh: string, en: string) =>
  new AppError('source_config_invalid', { reason_zh: zh, reason_en: en });

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    throw invalid('连接串中有无效的百分号编码', 'the connection string has a bad percent-encoding');
  }
};

/**
 * Reads a `postgres://user:password@host:port/database?sslmode=…` connection string. Only the
 * URL form is taken (what `pg` and most tools print); unknown parameters are refused rather than
 * silently ignored.
 */
export function parsePgUrl(text: string): PgTarget {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw invalid(
      '连接串应形如 postgres://用户:密码@主机:5432/数据库',
      'the connection string should look like postgres://user:password@host:5432/database',
    );
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw invalid('连接串须以 postgres:// 开头', 'the connection string must start with postgres://');
  }
  if (!u.hostname) throw invalid('连接串缺少主机', 'the connection string has no host');
  const database = decode(u.pathname.replace(/^\//, ''));
  if (!database || database.includes('/'))
    throw invalid('连接串缺少数据库名', 'the connection string has no database name');
  const user = decode(u.username);
  if (!user) throw invalid('连接串缺少用户名', 'the connection string has no user name');
  let ssl: PgTarget['ssl'] = 'disable';
  let connectTimeoutSeconds: number | null = null;
  for (const [key, value] of u.searchParams) {
    if (key === 'sslmode') {
      if (!['disable', 'require', 'verify-ca', 'verify-full'].includes(value)) {
        throw invalid(
          `不支持 sslmode=${value}（可用 disable、require、verify-ca、verify-full）`,
          `sslmode=${value} is not supported (use disable, require, verify-ca or verify-full)`,
        );
      }
      ssl = value as PgTarget['ssl'];
    } else if (key === 'connect_timeout' && /^\d{1,4}$/.test(value)) connectTimeoutSeconds = Number(value);
    else throw invalid(`不支持的连接参数：${key}`, `unsupported connection parameter: ${key}`);
  }
  const port = u.port ? Number(u.port) : 5432;
  return { host: u.hostname, port, user, password: decode(u.password), database, ssl, connectTimeoutSeconds };
}

/** The connection string with its password shown as `****`: safe to answer and to log. */
export function maskPgUrl(text: string): string {
  const u = new URL(text);
  if (u.password) u.password = MASKED;
  return u.toString();
}

/**
 * A connection string sent back with the password still masked keeps the stored password, but
 * only for the same user on the same server: otherwise the stored password could be sent elsewhere.
 */
export function keepStoredPassword(next: string, stored: string | null): string {
  const n = parsePgUrl(next);
  if (n.password !== MASKED) return next;
  const s = stored === null ? null : parsePgUrl(stored);
  if (!s || s.host !== n.host || s.port !== n.port || s.user !== n.user) {
    throw invalid(
      '更换主机、端口或用户时请重新填写密码',
      'enter the password again when changing the host, port or user',
    );
  }
  const u = new URL(next);
  u.password = encodeURIComponent(s.password);
  return u.toString();
}
