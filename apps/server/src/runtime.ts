import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadSecrets } from './platform/secrets.ts';
import { createServices, type Services } from './services.ts';

export type Runtime = {
  config: Config;
  handle: DatabaseHandle;
  services: Services;
  close: () => Promise<void>;
};

/** Opens the configured database, migrates it, loads secrets and wires the services. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const dataDir = config.inMemory ? null : resolve(config.SHUZHI_DATA_DIR);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const handle = config.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE })
    : await openDatabase({ kind: 'pglite', dataDir });
  try {
    await migrateToLatest(handle.db);
  } catch (e) {
    await handle.close();
    throw e;
  }
  const secrets = loadSecrets(dataDir, {
    tokenSigningKey: config.SHUZHI_TOKEN_SIGNING_KEY,
    ledgerSigningKey: config.SHUZHI_LEDGER_SIGNING_KEY,
    ledgerSalt: config.SHUZHI_LEDGER_SALT,
    credentialKey: config.SHUZHI_CREDENTIAL_KEY,
    consentSigningKey: config.SHUZHI_CONSENT_SIGNING_KEY,
  });
  const services = createServices(handle.db, config, secrets);
  return { config, handle, services, close: () => handle.close() };
}
