import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Secrets = {
  tokenSigningKey: string;
  ledgerSigningKey: string;
  ledgerSalt: string;
  /** AES-256 key (base64url) for credentials kept in the database, e.g. pull sources' passwords. */
  credentialKey: string;
  /** Ed25519 private key (PKCS#8 PEM) signing citizens' consent records. */
  consentSigningKey: string;
};

const generators: { [K in keyof Secrets]: () => string } = {
  tokenSigningKey: () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  ledgerSigningKey: () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  ledgerSalt: () => randomBytes(32).toString('base64url'),
  credentialKey: () => randomBytes(32).toString('base64url'),
  consentSigningKey: () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};

/**
 * Secrets come from configuration when given; otherwise they are generated on first start and kept
 * in the data directory (mode 0600), never printed. Several servers must share them: set them in
 * configuration or share the file.
 */
export function loadSecrets(dataDir: string | null, given: Partial<Secrets>): Secrets {
  const file = dataDir === null ? null : join(dataDir, 'secrets.json');
  const stored: Partial<Secrets> = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const out = {} as Secrets;
  let changed = false;
  for (const key of Object.keys(generators) as (keyof Secrets)[]) {
    const fromConfig = given[key]?.replace(/\\n/g, '\n');
    if (fromConfig) out[key] = fromConfig;
    else if (stored[key]) out[key] = stored[key];
    else {
      out[key] = generators[key]();
      stored[key] = out[key];
      changed = true;
    }
  }
  if (file && changed && dataDir) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return out;
}
