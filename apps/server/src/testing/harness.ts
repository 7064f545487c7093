import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { DEMO_PASSWORD } from '../modules/auth/index.ts';
import { loadSecrets } from '../platform/secrets.ts';
import { createServices, type SeedResult, type Services, seed } from '../services.ts';

/**
 * One seeded template database per test worker (PGlite takes seconds to initialise), cloned for each
 * test context: every context starts from the same migrated, seeded state and cannot see another's writes.
 */
const baseConfig = (overrides: Record<string, string> = {}): Config =>
  loadConfig(
    {
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_URL: process.env.DATABASE_URL,
      ...overrides,
    },
    { inMemory: true },
  );

type Template = { pglite: PGlite } | { pgUrl: string; templateName: string };
let template: Promise<Template> | null = null;
let seedResult: SeedResult | null = null;
let counter = 0;

const secrets = loadSecrets(null, {});

async function seedInto(handle: DatabaseHandle, config: Config): Promise<void> {
  await migrateToLatest(handle.db);
  seedResult = await seed(createServices(handle.db, config, secrets), { accounts: 'demo' });
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  try {
    await sql.raw(statement).execute(db);
  } finally {
    await db.destroy();
  }
}

async function makeTemplate(config: Config): Promise<Template> {
  if (config.DATABASE_URL) {
    const templateName = `shuzhi_tpl_${process.pid}_${Date.now()}`;
    await admin(config.DATABASE_URL, `create database ${templateName}`);
    const handle = await openDatabase({
      kind: 'postgres',
      url: withDatabase(config.DATABASE_URL, templateName),
      poolSize: 2,
    });
    await seedInto(handle, config);
    await handle.close();
    return { pgUrl: config.DATABASE_URL, templateName };
  }
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  await seedInto(handle, config);
  return { pglite: handle.pglite as PGlite };
}

async function freshDatabase(config: Config): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  template ??= makeTemplate(config);
  const t = await template;
  if ('pglite' in t) {
    const instance = (await t.pglite.clone()) as PGlite;
    const handle = await openDatabase({ kind: 'pglite-instance', instance });
    return { handle, drop: async () => {} };
  }
  const name = `shuzhi_t_${process.pid}_${++counter}`;
  await admin(t.pgUrl, `create database ${name} template ${t.templateName}`);
  const handle = await openDatabase({ kind: 'postgres', url: withDatabase(t.pgUrl, name), poolSize: 5 });
  return { handle, drop: () => admin(t.pgUrl, `drop database if exists ${name} with (force)`) };
}

export type TestContext = {
  app: FastifyInstance;
  services: Services;
  config: Config;
  handle: DatabaseHandle;
  /** Logs in and returns the Cookie header for later requests. */
  login: (username: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
};

/** A fresh app over a fresh copy of the seeded template (demo accounts included). */
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const config = baseConfig(env);
  const { handle, drop } = await freshDatabase(config);
  const services = createServices(handle.db, config, secrets);
  const app = await buildApp({
    config: { ...config, SHUZHI_WEB_DIR: '/nonexistent' },
    services,
    demo: true,
    demoAccounts: seedResult?.demoAccounts ?? [],
  });
  await app.ready();
  return {
    app,
    services,
    config,
    handle,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'shuzhi_session');
      if (!cookie) throw new Error('no session cookie');
      return `shuzhi_session=${cookie.value}`;
    },
    async close() {
      await app.close();
      await handle.close();
      await drop();
    },
  };
}
