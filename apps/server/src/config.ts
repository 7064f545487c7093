import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting Shuzhi reads, documented in docs/configuration.md. Nothing else reads process.env. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  SHUZHI_DATA_DIR: z.string().default('.shuzhi-data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUZHI_PUBLIC_URL: z.string().url().optional(),
  SHUZHI_TOKEN_SIGNING_KEY: z.string().optional(),
  SHUZHI_COOKIE_SECURE: bool.optional(),
  SHUZHI_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  SHUZHI_TOKEN_MINUTES: z.coerce.number().int().min(1).max(120).default(15),
  SHUZHI_BODY_LIMIT_MB: z.coerce.number().min(0.1).max(2048).default(10),
  SHUZHI_CORS_ORIGINS: z.string().optional(),
  SHUZHI_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
  SHUZHI_OPEN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(600),
  /** Requests a minute to each open data route for a caller presenting an API key (per key). */
  SHUZHI_OPEN_KEY_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(6000),
  /** Working days a dataset's owner has to decide an application for conditionally open data. */
  SHUZHI_OPEN_APPLICATION_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** Working days a dataset's owner has to decide a sharing request for conditionally shared data. */
  SHUZHI_SHARE_DECISION_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** Working days the platform has to decide a sharing request for unconditionally shared data. */
  SHUZHI_SHARE_PLATFORM_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  /** Calls a second one app may make to the sharing gateway (per server). */
  SHUZHI_SHARE_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1_000_000).default(500),
  /** How often the gateway adds its counted calls to the usage table (and so refreshes quotas). */
  SHUZHI_SHARE_METER_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  SHUZHI_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  SHUZHI_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SHUZHI_WORKER: bool.default(true),
  SHUZHI_WEB_DIR: z.string().optional(),
  /** The demo city `serve --demo` seeds on its first start: none, small, district or city. */
  SHUZHI_DEMO_SCALE: z.enum(['none', 'small', 'district', 'city']).default('district'),
  SHUZHI_UPLOAD_LIMIT_MB: z.coerce.number().min(1).max(1_048_576).default(2048),
  SHUZHI_LEDGER_ORIGIN: z
    .string()
    .regex(/^[^\s+]+$/, 'no spaces or +')
    .optional(),
  SHUZHI_LEDGER_SIGNING_KEY: z.string().optional(),
  SHUZHI_CONSENT_SIGNING_KEY: z.string().optional(),
  SHUZHI_LEDGER_SALT: z.string().min(16).optional(),
  SHUZHI_LEDGER_CHECKPOINT_MS: z.coerce.number().int().min(10).max(3_600_000).default(1000),
  SHUZHI_CREDENTIAL_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}=?$|^[A-Za-z0-9+/]{43}=$/, '32 bytes, base64 or base64url')
    .optional(),
  SHUZHI_PULL_ALLOWED_HOSTS: z.string().optional(),
  /** How often the quality scheduler looks for datasets not checked within their update period. */
  SHUZHI_QUALITY_SCHEDULE_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  /** Time limit of one custom SQL quality check (enforced by PostgreSQL; PGlite has no timer). */
  SHUZHI_QUALITY_SQL_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Working days a dataset's owner has to answer a quality complaint. */
  SHUZHI_COMPLAINT_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** The k a dataset with personal fields must reach (k-anonymity over its quasi-identifiers) to be opened. */
  SHUZHI_PRIVACY_MIN_K: z.coerce.number().int().min(2).max(1000).default(5),
  /** Blinded keys one side may upload to a private set intersection session. */
  SHUZHI_PSI_MAX_KEYS: z.coerce.number().int().min(1).max(50_000_000).default(10_000_000),
  /** SMTP server for e-mail (`smtp://user:pass@host:587`, `smtps://…:465`); unset: e-mails go to the log. */
  SHUZHI_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+/, 'smtp://user:pass@host:port or smtps://…')
    .optional(),
  /** The From header of e-mails sent over SMTP. */
  SHUZHI_MAIL_FROM: z.string().min(3).default('数智平台 <noreply@shuzhi.local>'),
});

export type Config = z.infer<typeof ConfigSchema> & { inMemory: boolean };

/** The ledger's origin line: the public host's name, so witnesses can tell logs apart. */
export const ledgerOrigin = (c: Config): string =>
  c.SHUZHI_LEDGER_ORIGIN ??
  (c.SHUZHI_PUBLIC_URL ? `${new URL(c.SHUZHI_PUBLIC_URL).host}/ledger` : 'shuzhi.local/ledger');

/** Parses settings from an environment (process.env by default) and explains every bad one. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  // An empty variable means "not set", as shells and .env files commonly write it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置无效 / invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, inMemory: false, ...overrides };
}
