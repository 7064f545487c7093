import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519, and the tlog-checkpoint body
 * (https://c2sp.org/tlog-checkpoint) they carry: the same formats Go's sumdb and Sigstore use,
 * so existing witnesses and verifiers can read Shuzhi's ledger.
 */

const ED25519 = 0x01;
const EM_DASH = '\u2014';

export type NoteSigner = { name: string; privateKey: KeyObject; publicKey: Buffer; keyHash: Buffer };
export type NoteVerifier = { name: string; publicKey: Buffer; keyHash: Buffer };

function keyHash(name: string, publicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from(`${name}\n`, 'utf8'))
    .update(Buffer.from([ED25519]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

const rawPublicKey = (key: KeyObject): Buffer =>
  Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');

/** A note signer from an Ed25519 PKCS#8 PEM; the key name must be the log's origin. */
export function noteSigner(name: string, pkcs8Pem: string): NoteSigner {
  if (!/^[^\s+]+$/.test(name)) throw new Error(`invalid note key name: ${name}`);
  const privateKey = createPrivateKey(pkcs8Pem);
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return { name, privateKey, publicKey, keyHash: keyHash(name, publicKey) };
}

/** The verifier key in C2SP vkey form: `name+hash+base64(alg || key)`. */
export function verifierKey(s: { name: string; publicKey: Buffer; keyHash: Buffer }): string {
  return `${s.name}+${s.keyHash.toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), s.publicKey]).toString('base64')}`;
}

/** Parses a vkey; throws on a malformed key or a hash that does not match. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  // The base64 key may itself contain '+': only the first two separate fields.
  const m = /^([^+\s]+)\+([0-9a-fA-F]{8})\+(\S+)$/.exec(vkey.trim());
  if (!m) throw new Error('verifier key: expected name+hash+key');
  const [, name, hashHex, keyB64] = m as unknown as [string, string, string, string];
  const raw = Buffer.from(keyB64, 'base64');
  if (raw.length !== 33 || raw[0] !== ED25519) throw new Error('verifier key: not an Ed25519 key');
  const publicKey = raw.subarray(1);
  const hash = keyHash(name, publicKey);
  if (hash.toString('hex') !== hashHex.toLowerCase())
    throw new Error('verifier key: hash does not match the key');
  return { name, publicKey, keyHash: hash };
}

// The spec forbids ASCII control characters other than newline anywhere in a note.
const CONTROL = {
  test: (s: string) => [...s].some((ch) => (ch < ' ' && ch !== '\n') || ch === '\u007f'),
};

/** Signs a note text (which must end in a newline). */
export function signNote(text: string, signer: NoteSigner): string {
  if (!text.endsWith('\n')) throw new Error('note text must end with a newline');
  if (CONTROL.test(text)) throw new Error('note text must not contain control characters other than newline');
  const sig = sign(null, Buffer.from(text, 'utf8'), signer.privateKey);
  return `${text}\n${EM_DASH} ${signer.name} ${Buffer.concat([signer.keyHash, sig]).toString('base64')}\n`;
}

/** Opens a signed note: returns its text if a signature by the verifier is valid, else null. */
export function openNote(note: string, verifier: NoteVerifier): string | null {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n') || CONTROL.test(note)) return null;
  const text = note.slice(0, split + 1);
  const sigLines = note.slice(split + 2, -1).split('\n');
  const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), verifier.publicKey]);
  const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  let verified = false;
  for (const line of sigLines) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m) return null;
    if (m[1] !== verifier.name) continue;
    const blob = Buffer.from(m[2] as string, 'base64');
    if (blob.length !== 68 || !blob.subarray(0, 4).equals(verifier.keyHash)) continue;
    // A bad signature by the key we trust condemns the whole note (as Go's note.Open does).
    if (!verify(null, Buffer.from(text, 'utf8'), key, blob.subarray(4))) return null;
    verified = true;
  }
  return verified ? text : null;
}

export type Checkpoint = { origin: string; size: number; root: Buffer };

/** The checkpoint body: origin, tree size and root hash, one per line. */
export const checkpointText = (c: Checkpoint): string =>
  `${c.origin}\n${c.size}\n${c.root.toString('base64')}\n`;

/** Parses a checkpoint body; throws naming the bad line. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new Error('checkpoint: must end with a newline');
  const [origin, sizeLine, rootLine, ...extensions] = text.slice(0, -1).split('\n');
  if (!origin || !sizeLine || rootLine === undefined) {
    throw new Error('checkpoint: expected origin, size and root lines');
  }
  if (!/^(0|[1-9]\d*)$/.test(sizeLine)) throw new Error(`checkpoint: bad tree size ${sizeLine}`);
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) {
    throw new Error(`checkpoint: tree size ${sizeLine} is beyond what this verifier handles exactly`);
  }
  // Standard base64 only (RFC 4648 §4), so one checkpoint has exactly one text.
  if (!/^[A-Za-z0-9+/]{43}=$/.test(rootLine))
    throw new Error('checkpoint: root hash must be 32 bytes of standard base64');
  if (extensions.some((l) => l === '')) throw new Error('checkpoint: extension lines must not be empty');
  return { origin, size, root: Buffer.from(rootLine, 'base64') };
}
