/**
 * bench:psi — ECDH private set intersection of two parties' n keys each (PSI_N, default 1,000,000),
 * each party on its own worker thread (one core each), X25519 through node:crypto. The baseline is a
 * plain hash join of the clear keys in the same run. Checks that both parties find exactly the common
 * keys; the last line is the result as JSON.
 */
import { generateSecret, intersect, shuffle } from '../src/modules/privacy/psi/psi.crypto.ts';
import { BlindingThread } from '../src/modules/privacy/psi/psi.parallel.ts';

const n = Number(process.env.PSI_N ?? process.argv[2] ?? 1_000_000);
if (!Number.isInteger(n) || n < 1) throw new Error(`PSI_N must be a positive integer, got ${n}`);
const common = Math.floor(n / 10);

// Resident-ID-like keys: A holds 0…n−1, B holds every tenth of A's (the common tenth) and keys of its own.
const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(12, '0')}`;
const keysA = Array.from({ length: n }, (_, i) => id('330106', i));
const keysB = Array.from({ length: n }, (_, i) => (i < common ? id('330106', i * 10) : id('330108', i)));

const t0 = performance.now();
const clear = new Set(keysA);
const expected = keysB.filter((k) => clear.has(k)).sort();
const baselineSeconds = (performance.now() - t0) / 1000;

const a = { secret: generateSecret(), order: shuffle(keysA) };
const b = { secret: generateSecret(), order: shuffle(keysB) };
const threadA = new BlindingThread(a.secret);
const threadB = new BlindingThread(b.secret);

const start = performance.now();
const cpuStart = process.cpuUsage();
const lap = (label: string) => console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
// 1. Each party hashes its shuffled keys to points and raises them to its secret: H(a)^α, H(b)^β.
const [blindedA, blindedB] = await Promise.all([
  threadA.run({ op: 'hashBlind', keys: a.order }),
  threadB.run({ op: 'hashBlind', keys: b.order }),
]);
lap('own sets blinded');
// 2. They exchange those and each raises the other's to its own secret: H(b)^βα, H(a)^αβ.
const [bByBoth, aByBoth] = await Promise.all([
  threadA.run({ op: 'blind', points: blindedB }),
  threadB.run({ op: 'blind', points: blindedA }),
]);
lap('peer sets re-blinded');
// 3. Each gets its own set back blinded by both, and compares with the other's.
const foundByA = intersect(a.order, aByBoth, bByBoth).sort();
const foundByB = intersect(b.order, bByBoth, aByBoth).sort();
const seconds = (performance.now() - start) / 1000;
// CPU time of the whole process (both party threads): what the run costs whatever else the machine does.
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
lap('intersected');
await Promise.all([threadA.close(), threadB.close()]);

const same = (x: string[]) => x.length === expected.length && x.every((k, i) => k === expected[i]);
if (!same(foundByA) || !same(foundByB)) {
  throw new Error(
    `wrong intersection: expected ${expected.length}, A found ${foundByA.length}, B found ${foundByB.length}`,
  );
}
const ops = 4 * n;
console.log(
  `${n} × ${n} keys, ${expected.length} common; ${ops} X25519 operations, ${((seconds * 1e6 * 2) / ops).toFixed(1)} µs each per core`,
);
console.log(
  `CPU time ${cpuSeconds.toFixed(1)} s over ${seconds.toFixed(1)} s of wall time: ${(cpuSeconds / seconds).toFixed(2)} cores busy; two idle cores would take ≈ ${(cpuSeconds / 2).toFixed(1)} s`,
);
console.log(
  `baseline (clear hash join): ${baselineSeconds.toFixed(2)} s; PSI / baseline: ${(seconds / baselineSeconds).toFixed(0)}×`,
);
console.log(JSON.stringify({ bench: 'psi', n, seconds: Math.round(seconds * 10) / 10 }));
