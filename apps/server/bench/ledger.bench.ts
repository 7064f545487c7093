/**
 * Ledger benchmark: sustained appends per second from many concurrent writers (acknowledged and
 * sequenced into the Merkle log), against raw multi-row inserts of the same bytes into a bare table,
 * then `ledger verify` over a log of --entries entries.
 *
 *   npm run bench:ledger -w apps/server -- [--seconds 10] [--writers 200] [--entries 1000000]
 *
 * With DATABASE_URL it works in a database of its own on that server (dropped at the end);
 * without, on the embedded PGlite.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { parseVerifierKey } from '../src/platform/ledger/note.ts';
import { verifyLedger } from '../src/platform/ledger/verify.ts';
import { openRuntime } from '../src/runtime.ts';
import { benchDatabase } from './support.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    writers: { type: 'string', default: '200' },
    entries: { type: 'string', default: '1000000' },
  },
});
const SECONDS = Number(values.seconds);
const WRITERS = Number(values.writers);
const ENTRIES = Number(values.entries);

const bench = await benchDatabase('ledger');
const databaseUrl = bench.databaseUrl;
const config = loadConfig(
  { LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '20' },
  { inMemory: !databaseUrl },
);
const rt = await openRuntime(config);
const { ledger } = rt.services;
const db = rt.handle.db;
const log = (msg: string) => process.stderr.write(`${msg}\n`);

try {
  const sample = Buffer.from(
    JSON.stringify({ v: 1, action: 'sharing.call', dataset: 'persons', fields: ['name'], n: 0 }),
  );

  // Baseline: the same bytes, inserted raw in batches of 1,000 rows by one writer.
  await sql`create table bench_bare (id bigserial primary key, body bytea not null)`.execute(db);
  const baselineRows = 200_000;
  let t0 = performance.now();
  for (let i = 0; i < baselineRows; i += 1000) {
    await sql`insert into bench_bare (body) select b from unnest(${Array(1000).fill(sample)}::bytea[]) as b`.execute(
      db,
    );
  }
  const baselinePerS = Math.round(baselineRows / ((performance.now() - t0) / 1000));
  log(`baseline raw inserts: ${baselinePerS}/s`);

  // Appends: many writers, each awaiting its acknowledgement, the sequencer running alongside.
  const sequencer = ledger.startSequencer({ pollMs: 5 });
  const actor = { kind: 'anonymous' } as const;
  let acked = 0;
  const deadline = performance.now() + SECONDS * 1000;
  t0 = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        await ledger.record({
          actor,
          action: 'sharing.call',
          result: 'ok',
          dataset: 'persons',
          details: { w, i },
        });
        acked++;
      }
    }),
  );
  const ackSeconds = (performance.now() - t0) / 1000;
  const before = await ledger.sizeNow();
  for (;;) {
    const q = await sql<{ n: number }>`select count(*)::int as n from ledger.queue`.execute(db);
    if ((q.rows[0]?.n ?? 0) === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const sustainedSeconds = (performance.now() - t0) / 1000;
  await sequencer.stop();
  const appendsPerS = Math.round(acked / sustainedSeconds);
  log(
    `appends: ${acked} acknowledged in ${ackSeconds.toFixed(1)} s, all sequenced after ${sustainedSeconds.toFixed(1)} s (size before drain ${before})`,
  );

  // Fill the log to --entries through the real sequencer (queued in bulk by SQL), then verify it.
  const have = await ledger.sizeNow();
  if (ENTRIES > have) {
    const fillStart = performance.now();
    for (let done = have; done < ENTRIES; ) {
      const n = Math.min(200_000, ENTRIES - done);
      await sql`insert into ledger.queue (body)
        select convert_to('{"action":"bench.fill","n":' || g || ',"v":1}', 'UTF8') from generate_series(1, ${n}) g`.execute(
        db,
      );
      done += n;
      await ledger.drain();
      log(`filled ${done}/${ENTRIES} (${Math.round(done / ((performance.now() - fillStart) / 1000))}/s)`);
    }
  }
  await new Promise((r) => setTimeout(r, config.SHUZHI_LEDGER_CHECKPOINT_MS + 10));
  await ledger.sequence();
  const entries = await ledger.sizeNow();
  t0 = performance.now();
  const verdict = await verifyLedger(db, parseVerifierKey(ledger.verifierKey()));
  const verifyS = Number(((performance.now() - t0) / 1000).toFixed(1));
  if (!verdict.ok) throw new Error(`verify failed: ${verdict.problem}`);
  log(`verify: ${entries} entries, ${verdict.checkpoints} checkpoints in ${verifyS} s`);

  console.log(
    JSON.stringify({
      bench: 'ledger',
      db: databaseUrl ? 'postgres' : 'pglite',
      writers: WRITERS,
      appends_per_s: appendsPerS,
      baseline_inserts_per_s: baselinePerS,
      ratio: Number((appendsPerS / baselinePerS).toFixed(3)),
      entries,
      verify_s: verifyS,
    }),
  );
} finally {
  await rt.close();
  await bench.drop();
}
