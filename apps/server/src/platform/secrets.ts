import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Secrets = { tokenSigningKey: string };

/**
 * Secrets come from configuration when given; otherwise they are generated on first start and kept
 * in the data directory (mode 0600), never printed. Several servers must share them: set them in
 * configuration or share the file.
 */
export function loadSecrets(dataDir: string | null, given: { tokenSigningKey?: string }): Secrets {
  const generate = (): Secrets => ({
    tokenSigningKey: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  });
  if (given.tokenSigningKey) return { tokenSigningKey: given.tokenSigningKey.replace(/\\n/g, '\n') };
  if (dataDir === null) return generate();
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
    if (stored.tokenSigningKey) return { tokenSigningKey: stored.tokenSigningKey };
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets = generate();
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}
