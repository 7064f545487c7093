/**
 * Ingestion benchmark: the full pipeline (stream, parse, coerce, validate, upsert by key, rejects)
 * on a synthetic persons CSV, against a raw COPY of the same file into a bare table in the same run;
 * then again including the quality run the load queues (`rows_per_s_with_quality`).
 *   npm run bench:ingest -w apps/server -- --rows 1000000
 * DATABASE_URL selects a PostgreSQL server (the bench works in a database of its own there).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { createWorker } from '../src/modules/jobs/index.ts';
import { systemActor } from '../src/platform/actor.ts';
import { openRuntime } from '../src/runtime.ts';
import { PERSON_COLUMNS as columns } from './persons-csv.ts';
import { benchDatabase } from './support.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const ROWS = Number(values.rows);

const bench = await benchDatabase('ingest');
const databaseUrl = bench.databaseUrl;
const dir = mkdtempSync(join(tmpdir(), 'shuzhi-bench-ingest-'));
const file = join(dir, 'persons.csv');
const log = (m: string) => process.stderr.write(`${m}\n`);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl }, { inMemory: !databaseUrl });
const rt = await openRuntime(config);
try {
  const t0 = performance.now();
  // In a process of its own: the generator's memory is not the pipeline's.
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'persons-csv.ts'), String(ROWS), file],
    {
      stdio: 'inherit',
    },
  );
  log(`wrote ${ROWS} persons in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // The server-side COPY runs as the database's OS user, which must be able to read the file.
  chmodSync(dir, 0o755);
  chmodSync(file, 0o644);

  // Baseline: COPY of the same file into a bare text table.
  const db = rt.handle.db;
  await sql.raw(`create table bench_copy (${columns.map((c) => `${c} text`).join(', ')})`).execute(db);
  let t1 = performance.now();
  if (rt.handle.pglite) {
    await rt.handle.pglite.query("copy bench_copy from '/dev/blob' with (format csv, header true)", [], {
      blob: new Blob([readFileSync(file)]),
    });
  } else {
    await sql.raw(`copy bench_copy from '${file}' with (format csv, header true)`).execute(db);
  }
  const copySeconds = (performance.now() - t1) / 1000;
  const baselineRowsPerS = Math.round(ROWS / copySeconds);
  log(`COPY baseline: ${baselineRowsPerS} rows/s`);
  // What any load that ends in a keyed table pays after its rows are in: the key's build over them.
  // With the COPY it bounds the ratio a load can reach here, before any parsing, checking or upload.
  t1 = performance.now();
  await sql.raw('alter table bench_copy add primary key (id_number)').execute(db);
  const keySeconds = (performance.now() - t1) / 1000;
  const bound = copySeconds / (copySeconds + keySeconds);
  log(`key build over the copied rows: ${keySeconds.toFixed(2)} s (COPY + key: ratio ${bound.toFixed(3)})`);
  // For reference: the same COPY into a table keyed like the dataset's. Maintaining the key's index
  // row by row is what any load into a keyed table pays, so this bounds the ratio a load can reach.
  await sql.raw(`create table bench_copy_keyed (like bench_copy, primary key (id_number))`).execute(db);
  t1 = performance.now();
  if (rt.handle.pglite) {
    await rt.handle.pglite.query(
      "copy bench_copy_keyed from '/dev/blob' with (format csv, header true)",
      [],
      {
        blob: new Blob([readFileSync(file)]),
      },
    );
  } else {
    await sql.raw(`copy bench_copy_keyed from '${file}' with (format csv, header true)`).execute(db);
  }
  const keyedRowsPerS = Math.round(ROWS / ((performance.now() - t1) / 1000));
  log(`COPY into a keyed table: ${keyedRowsPerS} rows/s`);
  await sql.raw('drop table bench_copy_keyed, bench_copy').execute(db);
  const rssAfterBaseline = process.memoryUsage().rss;

  // The pipeline: a published dataset, then an import through the real service.
  const fieldType = (c: string) => (c === 'birth_date' ? 'date' : c === 'updated_at' ? 'datetime' : 'string');
  const ds = await rt.services.catalog.service.createDataset(systemActor, {
    code: 'BENCH-PERSONS',
    name: '人口基础信息（基准）',
    description: '',
    sourceSystem: '',
    theme: 'population',
    updateFrequency: 'daily',
    shareType: 'none',
    openType: 'none',
    level: 'L3',
    tags: [],
    contact: { name: '', phone: '', email: '' },
    fields: columns.map((c) => ({
      name: c,
      title: c,
      type: fieldType(c),
      key: c === 'id_number',
      sensitivity: 'none',
    })),
  });
  await rt.services.catalog.service.submit(systemActor, ds.id);
  await rt.services.catalog.service.approve(systemActor, ds.id, '');
  peakRss = 0;
  t1 = performance.now();
  const started = await rt.services.ingest.startImport(
    systemActor,
    ds.id,
    { body: createReadStream(file), fileName: 'persons.csv', mode: 'upsert' },
    { queue: false },
  );
  const r = await rt.services.ingest.run(started.import.id, async () => {});
  const seconds = (performance.now() - t1) / 1000;
  const rowsPerS = Math.round(r.read / seconds);
  const loadPeakRss = peakRss;
  log(
    `pipeline: read ${r.read}, loaded ${r.loaded}, rejected ${r.rejected} in ${seconds.toFixed(1)} s (rss before ${Math.round(rssAfterBaseline / 1048576)} MB)`,
  );
  // What a successful load queues (the dataset's quality run with its suggested rules: required,
  // unique key, resident-ID checksum, mobile…; 一数一源 checks), run here to the end, as a worker would.
  const worker = createWorker({ db, kinds: rt.services.jobs.kinds, log: pino({ level: 'silent' }) });
  let jobsRun = 0;
  while (await worker.runOnce()) jobsRun++;
  const withQuality = (performance.now() - t1) / 1000;
  const rowsPerSWithQuality = Math.round(r.read / withQuality);
  log(`with the ${jobsRun} jobs the load queued (quality rules): ${withQuality.toFixed(1)} s`);
  clearInterval(sampler);
  console.log(
    JSON.stringify({
      bench: 'ingest',
      db: databaseUrl ? 'postgres' : 'pglite',
      rows: r.read,
      rows_per_s: rowsPerS,
      baseline_rows_per_s: baselineRowsPerS,
      ratio: Number((rowsPerS / baselineRowsPerS).toFixed(3)),
      keyed_copy_rows_per_s: keyedRowsPerS,
      // The ratio of a bare COPY followed by the key's build: what no keyed load here can exceed.
      copy_and_key_ratio: Number(bound.toFixed(3)),
      rows_per_s_with_quality: rowsPerSWithQuality,
      ratio_with_quality: Number((rowsPerSWithQuality / baselineRowsPerS).toFixed(3)),
      peak_rss_mb: Math.round(peakRss / 1048576),
      // The load alone, before the quality run it queues.
      load_peak_rss_mb: Math.round(loadPeakRss / 1048576),
    }),
  );
} finally {
  clearInterval(sampler);
  await rt.close();
  rmSync(dir, { recursive: true, force: true });
  await bench.drop();
}
