// Plain JavaScript so that it runs in a worker thread whatever TypeScript loader the parent used.
// The same arithmetic as psi.crypto.ts (hashToPoint, blindPoint); psi.test.ts checks they agree.
import { createPrivateKey, createPublicKey, diffieHellman, hash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';

const DOMAIN = 'shuzhi-psi-v1\0';
const BYTES = 32;

function blindInto(secret, u, out, offset) {
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(u.buffer, u.byteOffset, BYTES).toString('base64url') },
    format: 'jwk',
  });
  diffieHellman({ privateKey: secret, publicKey }).copy(out, offset);
}

parentPort.on('message', (msg) => {
  try {
    const secret = createPrivateKey(msg.secretPem);
    let out;
    if (msg.op === 'hashBlind') {
      out = Buffer.allocUnsafe(msg.keys.length * BYTES);
      for (let i = 0; i < msg.keys.length; i++) {
        const h = hash('sha256', DOMAIN + msg.keys[i].trim().toUpperCase(), 'buffer');
        h[31] &= 0x7f;
        blindInto(secret, h, out, i * BYTES);
      }
    } else {
      const points = new Uint8Array(msg.points);
      const n = points.length / BYTES;
      out = Buffer.allocUnsafe(n * BYTES);
      for (let i = 0; i < n; i++)
        blindInto(secret, points.subarray(i * BYTES, (i + 1) * BYTES), out, i * BYTES);
    }
    const ab = out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
    parentPort.postMessage({ ok: true, result: ab }, [ab]);
  } catch (e) {
    parentPort.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
