/**
 * Conformance tests for note.ts against C2SP signed-note (c2sp.org/signed-note), the verifier-key
 * encoding of golang.org/x/mod/sumdb/note, and C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint).
 *
 * The checks below parse and verify notes with their own code (node:crypto only), from the specs:
 * - a signed note is: text ending in "\n", a blank line, then lines "— <key name> <base64 signature>\n";
 * - a signature is base64(4-byte big-endian key ID || signature); for Ed25519 the signature is over
 *   the note text (including its final newline, not the blank line);
 * - key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4];
 * - verifier key = <name>+<8 hex key ID>+<base64(0x01 || public key)>;
 * - a checkpoint body is origin, decimal tree size (no leading zeros), base64 root hash, then optional
 *   non-empty extension lines.
 * Published vectors: the golang.org/x/mod/sumdb/note package example (PeterNeumann, EnochRoot), the
 * example key of an earlier c2sp signed-note text (example.com/foo), a transparency-dev/formats test
 * key whose base64 contains '+', and the tlog-checkpoint example body.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkpointText,
  type NoteVerifier,
  noteSigner,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  signNote,
  verifierKey,
} from './note.ts';

// ---------------------------------------------------------------------------------------------
// Independent helpers
// ---------------------------------------------------------------------------------------------

const EM_DASH = '\u2014';
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** PKCS#8 (RFC 8410) PEM for an Ed25519 private key given its 32-byte seed. */
function pkcs8PemFromSeed(seed: Uint8Array): string {
  if (seed.length !== 32) throw new Error('Ed25519 seed must be 32 bytes');
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n`;
}

/** The raw 32-byte public key of an Ed25519 private key (from its SPKI DER, last 32 bytes). */
function rawPublicKey(pem: string): Buffer {
  const spki = createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' });
  expect(spki.length).toBe(44);
  return spki.subarray(spki.length - 32);
}

const publicKeyObject = (raw: Uint8Array): KeyObject =>
  createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });

/** key ID = SHA-256(key name || 0x0A || 0x01 || public key)[:4] */
const keyId = (name: string, raw: Uint8Array): Buffer =>
  createHash('sha256')
    .update(Buffer.from(name, 'utf8'))
    .update(Uint8Array.of(0x0a, 0x01))
    .update(raw)
    .digest()
    .subarray(0, 4);

const vkeyOf = (name: string, raw: Uint8Array): string =>
  `${name}+${keyId(name, raw).toString('hex')}+${Buffer.concat([Uint8Array.of(0x01), raw]).toString('base64')}`;

const verifierOf = (name: string, raw: Uint8Array): NoteVerifier => ({
  name,
  publicKey: Buffer.from(raw),
  keyHash: keyId(name, raw),
});

/** Splits a signed note at its last blank line into text and signature lines (null if malformed). */
function splitNote(note: string): { text: string; sigs: { name: string; b64: string }[] } | null {
  const at = note.lastIndexOf('\n\n');
  if (at < 0 || !note.endsWith('\n')) return null;
  const sigs: { name: string; b64: string }[] = [];
  for (const line of note.slice(at + 2, -1).split('\n')) {
    if (!line.startsWith(`${EM_DASH} `)) return null;
    const rest = line.slice(2);
    const sp = rest.indexOf(' ');
    if (sp <= 0) return null;
    sigs.push({ name: rest.slice(0, sp), b64: rest.slice(sp + 1) });
  }
  return { text: note.slice(0, at + 1), sigs };
}

/** A fresh Ed25519 key (from node's generator) as PKCS#8 PEM plus its raw public key. */
function freshKey(): { pem: string; raw: Buffer } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { pem, raw: rawPublicKey(pem) };
}

/** The Ed25519 key with this seed, so that property counterexamples are reproducible. */
function keyFromSeed(seed: Uint8Array): { pem: string; raw: Buffer } {
  const pem = pkcs8PemFromSeed(seed);
  return { pem, raw: rawPublicKey(pem) };
}

/** Replaces the signature blob of the (only) signature line of a note. */
function withBlob(note: string, mutate: (blob: Buffer) => Buffer): string {
  const parts = splitNote(note);
  const sig = parts?.sigs.length === 1 ? parts.sigs[0] : undefined;
  if (!parts || !sig) throw new Error('expected one signature');
  const blob = mutate(Buffer.from(sig.b64, 'base64'));
  return `${parts.text}\n${EM_DASH} ${sig.name} ${blob.toString('base64')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const keyName = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._~:/-]{1,24}$/),
  fc.constantFrom('example.com/log42', 'пример.рф/журнал', 'ledger.example/审计'),
);
/** Note texts: any lines without ASCII control characters, possibly empty lines, ending in "\n". */
const noteLine = fc
  .string({ unit: 'grapheme', maxLength: 40 })
  .map((s) => [...s].filter((c) => (c.codePointAt(0) as number) >= 0x20).join(''));
const noteText = fc.array(noteLine, { minLength: 1, maxLength: 6 }).map((ls) => `${ls.join('\n')}\n`);
const seed = fc.uint8Array({ minLength: 32, maxLength: 32 });
const RUNS = { numRuns: 40 };

// ---------------------------------------------------------------------------------------------
// Published vectors
// ---------------------------------------------------------------------------------------------

// golang.org/x/mod/sumdb/note, package documentation example.
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const GO_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG = `${EM_DASH} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
const ENOCH_SIG = `${EM_DASH} EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n`;
// Example key and note of the c2sp signed-note text (example.com/foo).
const FOO_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const FOO_NOTE = `This is an example message.\n\n${EM_DASH} example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n`;
// transparency-dev/formats note tests: an Ed25519 verifier key whose base64 contains '+'.
const PLUS_VKEY = 'TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6';

/** Go signer key "PRIVATE+KEY+<name>+<hash>+<base64(0x01 || seed)>" → PKCS#8 PEM. */
function pemFromGoSignerKey(skey: string): { name: string; pem: string } {
  const parts = skey.split('+');
  const [priv, key, name] = parts;
  const material = Buffer.from(parts.slice(4).join('+'), 'base64'); // the base64 may itself contain '+'
  if (priv !== 'PRIVATE' || key !== 'KEY' || !name || material.length !== 33 || material[0] !== 0x01) {
    throw new Error('not an Ed25519 Go signer key');
  }
  return { name, pem: pkcs8PemFromSeed(material.subarray(1)) };
}

describe('published signed-note vectors', () => {
  it('the Go PeterNeumann key yields the published verifier key and signed note, byte for byte', () => {
    const { name, pem } = pemFromGoSignerKey(PETER_SKEY);
    // The vector is what we think it is (independently of note.ts):
    expect(vkeyOf(name, rawPublicKey(pem))).toBe(PETER_VKEY);
    const signer = noteSigner(name, pem);
    expect(verifierKey(signer)).toBe(PETER_VKEY);
    expect(signNote(GO_TEXT, signer)).toBe(`${GO_TEXT}\n${PETER_SIG}`);
  });

  it('the all-zero seed is the published EnochRoot key and reproduces its published signature', () => {
    const pem = pkcs8PemFromSeed(new Uint8Array(32));
    expect(vkeyOf('EnochRoot', rawPublicKey(pem))).toBe(ENOCH_VKEY);
    const signer = noteSigner('EnochRoot', pem);
    expect(verifierKey(signer)).toBe(ENOCH_VKEY);
    expect(signNote(GO_TEXT, signer)).toBe(`${GO_TEXT}\n${ENOCH_SIG}`);
  });

  it('openNote opens the published notes with the published verifier keys', () => {
    const peter = parseVerifierKey(PETER_VKEY);
    const enoch = parseVerifierKey(ENOCH_VKEY);
    expect(openNote(`${GO_TEXT}\n${PETER_SIG}`, peter)).toBe(GO_TEXT);
    expect(openNote(`${GO_TEXT}\n${PETER_SIG}`, enoch)).toBeNull();
    // The doubly signed note of the Go example opens for either key.
    const both = `${GO_TEXT}\n${PETER_SIG}${ENOCH_SIG}`;
    expect(openNote(both, peter)).toBe(GO_TEXT);
    expect(openNote(both, enoch)).toBe(GO_TEXT);
    expect(openNote(both.replace('cryptography', 'cryptographY'), peter)).toBeNull();
    expect(openNote(both.replace('cryptography', 'cryptographY'), enoch)).toBeNull();
  });

  it('openNote opens the c2sp example note with its example key', () => {
    const v = parseVerifierKey(FOO_VKEY);
    expect(v.name).toBe('example.com/foo');
    expect(v.keyHash.toString('hex')).toBe('530d903a');
    expect(openNote(FOO_NOTE, v)).toBe('This is an example message.\n');
    expect(openNote(FOO_NOTE.replace('example message', 'example massage'), v)).toBeNull();
  });

  it('parseVerifierKey accepts a published verifier key whose base64 contains "+"', () => {
    // <name>+<hash>+<base64 key>: only the first two '+' separate fields (names cannot contain '+').
    const raw = Buffer.from('AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6', 'base64').subarray(1);
    expect(vkeyOf('TEST', raw)).toBe(PLUS_VKEY); // the vector is a well-formed Ed25519 vkey
    const v = parseVerifierKey(PLUS_VKEY);
    expect(v.name).toBe('TEST');
    expect(v.keyHash.toString('hex')).toBe('7997405c');
    expect(v.publicKey.toString('hex')).toBe(raw.toString('hex'));
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over fresh keys
// ---------------------------------------------------------------------------------------------

describe('signNote / verifierKey produce spec-conformant output', () => {
  it('note layout, key ID, Ed25519 signature over the text, and vkey form', () => {
    fc.assert(
      fc.property(keyName, noteText, seed, (name, text, s) => {
        const { pem, raw } = keyFromSeed(s);
        const signer = noteSigner(name, pem);
        const note = signNote(text, signer);

        // text, blank line, one signature line "— <name> <base64>", newline.
        const prefix = `${text}\n${EM_DASH} ${name} `;
        expect(note.startsWith(prefix)).toBe(true);
        expect(note.endsWith('\n')).toBe(true);
        const b64 = note.slice(prefix.length, -1);
        expect(b64).toMatch(STD_BASE64);
        expect(note).toBe(`${text}\n${EM_DASH} ${name} ${b64}\n`);
        expect(
          Buffer.from(note, 'utf8').subarray(Buffer.byteLength(text) + 1, Buffer.byteLength(text) + 5),
        ).toEqual(
          Buffer.from([0xe2, 0x80, 0x94, 0x20]), // U+2014 EM DASH, U+0020 SPACE
        );
        const split = splitNote(note);
        expect(split?.text).toBe(text);
        expect(split?.sigs).toEqual([{ name, b64 }]);

        // base64(4-byte key ID || 64-byte Ed25519 signature of the text).
        const blob = Buffer.from(b64, 'base64');
        expect(blob.toString('base64')).toBe(b64);
        expect(blob.length).toBe(68);
        expect(blob.subarray(0, 4).toString('hex')).toBe(keyId(name, raw).toString('hex'));
        expect(verify(null, Buffer.from(text, 'utf8'), publicKeyObject(raw), blob.subarray(4))).toBe(true);
        // Ed25519 is deterministic (RFC 8032): the signature is exactly ours.
        expect(blob.subarray(4).toString('hex')).toBe(
          sign(null, Buffer.from(text, 'utf8'), createPrivateKey(pem)).toString('hex'),
        );

        // Verifier key and the verifier-side view of the signer.
        expect(verifierKey(signer)).toBe(vkeyOf(name, raw));
        expect(openNote(note, verifierOf(name, raw))).toBe(text);
      }),
      RUNS,
    );
  });

  it('parseVerifierKey(verifierKey(signer)) round-trips for every key', () => {
    fc.assert(
      fc.property(keyName, seed, (name, s) => {
        const { pem, raw } = keyFromSeed(s);
        const vkey = verifierKey(noteSigner(name, pem));
        let parsed: NoteVerifier | string;
        try {
          parsed = parseVerifierKey(vkey);
        } catch (e) {
          parsed = `threw ${(e as Error).message}`;
        }
        expect(parsed, `parseVerifierKey(${JSON.stringify(vkey)})`).toEqual(verifierOf(name, raw));
      }),
      { numRuns: 64 },
    );
  });
});

describe('openNote rejects what the spec says it must', () => {
  it('edited text, wrong key name, wrong key ID, signature by another key, malformed notes', () => {
    fc.assert(
      fc.property(keyName, noteText, fc.nat(), seed, seed, (name, text, bit, sa, sb) => {
        fc.pre(Buffer.compare(sa, sb) !== 0);
        const a = keyFromSeed(sa);
        const b = keyFromSeed(sb);
        const signer = noteSigner(name, a.pem);
        const note = signNote(text, signer);
        const v = verifierOf(name, a.raw);
        expect(openNote(note, v)).toBe(text);

        const other = name === 'other.example/x' ? 'other.example/y' : 'other.example/x';
        const sigLine = note.slice(text.length + 1);
        const verdicts: Record<string, string | null> = {
          'text edited (line appended)': openNote(`${text}extra\n\n${sigLine}`, v),
          'text edited (first character)': openNote(
            `${text.startsWith('X') ? 'Y' : 'X'}${text.slice(1)}\n${sigLine}`,
            v,
          ),
          'signature line names another key': openNote(
            note.replace(`${EM_DASH} ${name} `, `${EM_DASH} ${other} `),
            v,
          ),
          'verifier of the same public key under another name': openNote(note, verifierOf(other, a.raw)),
          'key ID altered': openNote(
            withBlob(note, (blob) => {
              const c = Buffer.from(blob);
              c[bit % 4] = (c[bit % 4] as number) ^ (1 << (bit % 8));
              return c;
            }),
            v,
          ),
          'signature bit flipped': openNote(
            withBlob(note, (blob) => {
              const c = Buffer.from(blob);
              const i = 4 + (bit % 64);
              c[i] = (c[i] as number) ^ (1 << (bit % 8));
              return c;
            }),
            v,
          ),
          'signature by another key under our name and key ID': openNote(
            withBlob(note, () =>
              Buffer.concat([
                keyId(name, a.raw),
                sign(null, Buffer.from(text, 'utf8'), createPrivateKey(b.pem)),
              ]),
            ),
            v,
          ),
          'signed by another key entirely': openNote(signNote(text, noteSigner(name, b.pem)), v),
          'signature truncated': openNote(
            withBlob(note, (blob) => blob.subarray(0, 67)),
            v,
          ),
          'no blank line before signatures': openNote(`${text}${sigLine}`, v),
          'no final newline': openNote(note.slice(0, -1), v),
          'hyphen instead of em dash': openNote(note.replace(`\n${EM_DASH} `, '\n- '), v),
        };
        expect(verdicts).toEqual(Object.fromEntries(Object.keys(verdicts).map((k) => [k, null])));
      }),
      RUNS,
    );
  });

  it('ignores signatures from unknown keys and still opens with a known one', () => {
    const a = freshKey();
    const b = freshKey();
    const text = 'example.com/log\n5\nq5v9mUEPm5kDjf2Qpqs6vmJ6nuhMsRWIgm0yhmVHHCk=\n';
    const mine = signNote(text, noteSigner('example.com/log', a.pem));
    const theirs = signNote(text, noteSigner('witness.example/w1', b.pem));
    const combined = `${text}\n${theirs.slice(text.length + 1)}${mine.slice(text.length + 1)}`;
    expect(openNote(combined, verifierOf('example.com/log', a.raw))).toBe(text);
    expect(openNote(combined, verifierOf('witness.example/w1', b.raw))).toBe(text);
    expect(
      openNote(`${text}\n${theirs.slice(text.length + 1)}`, verifierOf('example.com/log', a.raw)),
    ).toBeNull();
  });

  it('separates text from signatures at the last blank line', () => {
    const { pem, raw } = freshKey();
    const text = 'first paragraph\n\nsecond paragraph\n\n';
    const note = signNote(text, noteSigner('example.com/n', pem));
    expect(splitNote(note)?.text).toBe(text);
    expect(openNote(note, verifierOf('example.com/n', raw))).toBe(text);
  });
});

describe('key and text validation', () => {
  it('parseVerifierKey rejects malformed keys and key IDs that do not match', () => {
    // A fixed key (the all-zero seed) whose base64 has no '+', so only the defects under test matter.
    const { raw } = keyFromSeed(new Uint8Array(32));
    const good = vkeyOf('example.com/k', raw);
    expect(good.split('+')).toHaveLength(3);
    expect(parseVerifierKey(good)).toEqual(verifierOf('example.com/k', raw));
    const [, hash] = good.split('+') as [string, string, string];
    const flipped = ((Number.parseInt(hash, 16) ^ 1) >>> 0).toString(16).padStart(8, '0');
    const bad = {
      'key ID does not match': good.replace(`+${hash}+`, `+${flipped}+`),
      'key ID of another name': `example.com/other+${hash}+${good.split('+')[2]}`,
      'unknown signature type 0x02': `example.com/k+${keyId('example.com/k', raw).toString('hex')}+${Buffer.concat([Uint8Array.of(0x02), raw]).toString('base64')}`,
      'short public key': vkeyOf('example.com/k', raw.subarray(0, 31)),
      'missing fields': `example.com/k+${hash}`,
    };
    for (const [what, vkey] of Object.entries(bad)) expect(() => parseVerifierKey(vkey), what).toThrow();
  });

  it('noteSigner rejects key names that are empty or contain spaces or "+"', () => {
    const { pem } = freshKey();
    for (const name of ['', 'a b', 'a+b', 'tab\there', 'nbsp\u00a0here', 'ideographic\u3000space']) {
      expect(() => noteSigner(name, pem), JSON.stringify(name)).toThrow();
    }
  });

  it('signNote requires the text to end in a newline', () => {
    const { pem } = freshKey();
    expect(() => signNote('no newline', noteSigner('example.com/k', pem))).toThrow();
  });

  it('notes never contain ASCII control characters other than newline', () => {
    // "Signed notes MUST be valid UTF-8 and MUST NOT contain any ASCII control characters (those
    // below U+0020) other than newline." A signer must refuse such a text; a verifier must reject it.
    const { pem, raw } = freshKey();
    const signer = noteSigner('example.com/k', pem);
    const v = verifierOf('example.com/k', raw);
    const verdicts: Record<string, string> = {};
    for (const [what, text] of [
      ['tab', 'a\tb\n'],
      ['carriage return', 'line\r\n'],
      ['NUL', 'a\u0000b\n'],
    ] as const) {
      let signed: string | null = null;
      try {
        signed = signNote(text, signer);
        verdicts[`signNote(${what})`] = 'signed';
      } catch {
        verdicts[`signNote(${what})`] = 'refused';
      }
      // Build the same (invalid) note by hand and ask the verifier.
      const blob = Buffer.concat([
        keyId('example.com/k', raw),
        sign(null, Buffer.from(text, 'utf8'), createPrivateKey(pem)),
      ]);
      const note = signed ?? `${text}\n${EM_DASH} example.com/k ${blob.toString('base64')}\n`;
      verdicts[`openNote(${what})`] = openNote(note, v) === null ? 'rejected' : 'opened';
    }
    expect(verdicts).toEqual({
      'signNote(tab)': 'refused',
      'openNote(tab)': 'rejected',
      'signNote(carriage return)': 'refused',
      'openNote(carriage return)': 'rejected',
      'signNote(NUL)': 'refused',
      'openNote(NUL)': 'rejected',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// tlog-checkpoint
// ---------------------------------------------------------------------------------------------

describe('tlog-checkpoint body', () => {
  const origin = fc.stringMatching(/^[A-Za-z0-9._~:/-]{1,30}$/);
  const size = fc.oneof(fc.constantFrom(0, 1, 2 ** 31, Number.MAX_SAFE_INTEGER), fc.nat());
  const root = fc.uint8Array({ minLength: 32, maxLength: 32 });

  it('checkpointText is origin, decimal size, base64 root, one per line', () => {
    fc.assert(
      fc.property(origin, size, root, (o, n, r) => {
        const text = checkpointText({ origin: o, size: n, root: Buffer.from(r) });
        expect(text).toBe(`${o}\n${BigInt(n).toString(10)}\n${Buffer.from(r).toString('base64')}\n`);
        const lines = text.split('\n');
        expect(lines[1]).toMatch(/^(0|[1-9][0-9]*)$/);
        expect(lines[2]).toMatch(STD_BASE64);
        const parsed = parseCheckpoint(text);
        expect({ ...parsed, root: parsed.root.toString('hex') }).toEqual({
          origin: o,
          size: n,
          root: Buffer.from(r).toString('hex'),
        });
      }),
    );
  });

  it('parses the tlog-checkpoint example body', () => {
    const c = parseCheckpoint(
      'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    );
    expect(c.origin).toBe('example.com/behind-the-sofa');
    expect(c.size).toBe(20852163);
    expect(c.root.toString('base64')).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
  });

  it('accepts non-empty extension lines', () => {
    const c = parseCheckpoint(
      'example.com/log\n3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\nextension one\nextension two\n',
    );
    expect(c.size).toBe(3);
  });

  it('rejects malformed origin, size and root lines', () => {
    const r = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';
    const bad = {
      'empty origin': `\n1\n${r}\n`,
      'leading zero': `o\n01\n${r}\n`,
      'plus sign': `o\n+1\n${r}\n`,
      negative: `o\n-1\n${r}\n`,
      decimal: `o\n1.0\n${r}\n`,
      hex: `o\n0x10\n${r}\n`,
      'empty size': `o\n\n${r}\n`,
      'space in size': `o\n 1\n${r}\n`,
      'root of 31 bytes': `o\n1\n${Buffer.alloc(31).toString('base64')}\n`,
      'root of 33 bytes': `o\n1\n${Buffer.alloc(33).toString('base64')}\n`,
      'missing root line': 'o\n1\n',
      'only origin': 'o\n',
    };
    for (const [what, text] of Object.entries(bad)) expect(() => parseCheckpoint(text), what).toThrow();
  });

  it('rejects an empty extension line', () => {
    // "Extension lines, if any, MUST be non-empty."
    const text = 'example.com/log\n3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\nextension\n';
    expect(() => parseCheckpoint(text)).toThrow();
  });

  it('returns exactly the tree size written, or rejects it', () => {
    const lines = ['9007199254740991', '9007199254740993', '18446744073709551615', '99999999999999999999999'];
    const got = Object.fromEntries(
      lines.map((sizeLine) => {
        try {
          return [
            sizeLine,
            String(parseCheckpoint(`o\n${sizeLine}\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n`).size),
          ];
        } catch {
          return [sizeLine, sizeLine]; // rejecting a size it cannot represent exactly is fine
        }
      }),
    );
    expect(got).toEqual(Object.fromEntries(lines.map((l) => [l, l])));
  });

  it('accepts only the standard base64 encoding of the root hash', () => {
    const r = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';
    const variants = {
      'base64url alphabet': r.replace(/\//g, '_').replace(/\+/g, '-'),
      'missing padding': r.slice(0, -1),
      'embedded space': `${r.slice(0, 10)} ${r.slice(10)}`,
      'trailing garbage': `${r}!`,
    };
    const verdicts = Object.fromEntries(
      Object.entries(variants).map(([what, line]) => {
        try {
          parseCheckpoint(`o\n1\n${line}\n`);
          return [what, 'accepted'];
        } catch {
          return [what, 'rejected'];
        }
      }),
    );
    expect(verdicts).toEqual(Object.fromEntries(Object.keys(variants).map((k) => [k, 'rejected'])));
  });
});
