import { createReadStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Services } from '../../services.ts';
import { CsvFileSink } from '../csv-sink.ts';
import { DEMO_DATASETS, DEMO_ELEMENTS } from '../datasets/index.ts';
import type { DemoDataset } from '../datasets/types.ts';
import type { DefectLog } from '../defects.ts';
import { type DatasetOutput, generateCity } from '../generate-city.ts';
import { estimateCounts, SCALES, type ScaleName } from '../scale.ts';
import { ensureElements, ensurePublished, ownerCode, resolveOwners } from './publish.ts';
import * as repo from './seed.repo.ts';

/** The seed of the demo city: the same every time, so a re-run regenerates identical files. */
export const DEMO_SEED = 'hangzhou-demo';

export type DemoSeedOptions = {
  scale: ScaleName;
  /** Overrides the scale's person count (enterprises follow at the district ratio). */
  persons?: number;
  /** Keep the generated CSV files in this folder instead of a temporary one. */
  keepFilesIn?: string;
  /**
   * Where the files are written when not kept: emptied first (a crashed run's leftovers) and removed
   * afterwards. Defaults to a new temporary folder.
   */
  workDir?: string;
  onProgress?: (p: DemoProgress) => void | Promise<void>;
};

export type DemoProgress =
  | { phase: 'catalog'; done: number; total: number }
  | { phase: 'generate'; done: number; total: number }
  | {
      phase: 'import';
      done: number;
      total: number;
      dataset: string;
      datasetsDone: number;
      datasetsTotal: number;
    };

export type SeededDataset = {
  code: string;
  generated: number;
  loaded: number;
  rejected: number;
  /** Injected defects and conflicts by kind, the ground truth for quality checks. */
  defects: Record<string, number>;
};

export type DemoSeedReport = {
  status: 'seeded' | 'already-seeded';
  scale: ScaleName;
  persons: number;
  enterprises: number;
  datasets: SeededDataset[];
  elements: number;
  /** Wall-clock seconds of each phase in this run. */
  seconds: { catalog: number; generate: number; import: number; total: number };
  /** Where the CSV files were kept, when asked to keep them. */
  filesDir: string | null;
};

const since = (t: number) => Math.round((performance.now() - t) / 100) / 10;

function defectCounts(out: DatasetOutput): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (log: DefectLog | null) => {
    for (const [k, v] of Object.entries(log?.counts ?? {})) if (v > 0) counts[k] = (counts[k] ?? 0) + v;
  };
  add(out.defects);
  add(out.conflicts);
  return counts;
}

/**
 * Seeds the synthetic city through the platform's real paths: each department dataset is published
 * in the catalog, its data elements declared, its rows generated to a CSV file and loaded by the
 * ingest service. Idempotent and resumable: finished datasets are recorded in `demo.seeded_dataset`,
 * a finished city in `demo.seed`, and an interrupted import resumes from its last committed batch.
 */
export async function seedDemo(s: Services, options: DemoSeedOptions): Promise<DemoSeedReport> {
  const started = performance.now();
  const persons = options.persons ?? SCALES[options.scale].persons;
  const enterprises =
    options.persons === undefined ? SCALES[options.scale].enterprises : estimateCounts(persons).enterprises;
  const db = s.db;
  const progress = options.onProgress ?? (() => {});
  const seconds = { catalog: 0, generate: 0, import: 0, total: 0 };

  const existing = await repo.findSeed(db);
  if (
    existing &&
    (existing.scale !== options.scale || existing.persons !== persons || existing.seed !== DEMO_SEED)
  )
    throw new AppError('demo_seeded_other', { scale: existing.scale, persons: existing.persons });
  const report = async (
    status: DemoSeedReport['status'],
    filesDir: string | null,
  ): Promise<DemoSeedReport> => {
    const rows = await repo.listSeededDatasets(db);
    const order = new Map(DEMO_DATASETS.map((d, i) => [d.entry.code, i]));
    rows.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
    seconds.total = since(started);
    return {
      status,
      scale: options.scale,
      persons,
      enterprises,
      datasets: rows.map((r) => ({
        code: r.code,
        generated: Number(r.rows_generated),
        loaded: Number(r.rows_loaded),
        rejected: Number(r.rows_rejected),
        defects: r.defects,
      })),
      elements: DEMO_ELEMENTS.length,
      seconds,
      filesDir,
    };
  };
  if (existing?.finished_at) return report('already-seeded', null);
  if (!existing) await repo.insertSeed(db, { scale: options.scale, persons, enterprises, seed: DEMO_SEED });

  // The catalog first: every entry published, the elements declared, before any row is loaded.
  let t = performance.now();
  const owners = await resolveOwners(s, DEMO_DATASETS);
  const ids = new Map<string, string>();
  for (const [i, d] of DEMO_DATASETS.entries()) {
    const ds = await ensurePublished(s, d, owners.get(ownerCode(d.owner)) as string);
    ids.set(d.entry.code, ds.id);
    await progress({ phase: 'catalog', done: i + 1, total: DEMO_DATASETS.length });
  }
  await ensureElements(s, DEMO_ELEMENTS, ids);
  seconds.catalog = since(t);

  const done = new Set((await repo.listSeededDatasets(db)).map((r) => r.code));
  const todo = DEMO_DATASETS.filter((d) => !done.has(d.entry.code));
  let dir: string;
  if (options.keepFilesIn) dir = resolve(options.keepFilesIn);
  else if (options.workDir) {
    dir = resolve(options.workDir);
    rmSync(dir, { recursive: true, force: true });
  } else dir = mkdtempSync(join(tmpdir(), 'shuzhi-demo-'));
  mkdirSync(dir, { recursive: true });
  try {
    // One pass over the city writes every unfinished dataset's file (none when only the marker is missing).
    t = performance.now();
    const sinks = new Map<string, CsvFileSink>();
    const outputs =
      todo.length === 0
        ? []
        : await generateCity({
            seed: DEMO_SEED,
            persons,
            enterprises,
            datasets: todo,
            sink: (d) => {
              const sink = new CsvFileSink(join(dir, `${d.entry.code}.csv`), d.entry.fields);
              sinks.set(d.entry.code, sink);
              return sink;
            },
            keepDefectEntries: false,
            onProgress: (n, total) => progress({ phase: 'generate', done: n, total }),
          });
    seconds.generate = since(t);

    t = performance.now();
    const total = outputs.reduce((a, o) => a + o.rows, 0);
    let loadedBefore = 0;
    for (const [i, d] of todo.entries()) {
      const out = outputs[i] as DatasetOutput;
      const sink = sinks.get(d.entry.code) as CsvFileSink;
      const r = await loadDataset(s, d, ids.get(d.entry.code) as string, sink, (read) =>
        progress({
          phase: 'import',
          done: loadedBefore + read,
          total,
          dataset: d.entry.code,
          datasetsDone: done.size + i,
          datasetsTotal: DEMO_DATASETS.length,
        }),
      );
      if (r.read !== out.rows)
        throw new AppError('demo_import_failed', {
          code: d.entry.code,
          reason: `read ${r.read} of ${out.rows} rows`,
        });
      await repo.recordSeededDataset(db, {
        code: d.entry.code,
        import_id: r.importId,
        rows_generated: out.rows,
        rows_loaded: r.loaded,
        rows_rejected: r.rejected,
        defects: defectCounts(out),
      });
      loadedBefore += out.rows;
      // The file served its purpose; at city scale the folder would otherwise hold every dataset at once.
      if (!options.keepFilesIn) rmSync(sink.path, { force: true });
    }
    seconds.import = since(t);
    const all = await repo.listSeededDatasets(db);
    await repo.finishSeed(db, {
      datasets: all.length,
      rows_loaded: all.reduce((a, r) => a + Number(r.rows_loaded), 0),
      rows_rejected: all.reduce((a, r) => a + Number(r.rows_rejected), 0),
    });
  } finally {
    if (!options.keepFilesIn) rmSync(dir, { recursive: true, force: true });
  }
  return report('seeded', options.keepFilesIn ? dir : null);
}

/**
 * Loads one file through the ingest service. A first load appends, so that injected duplicate keys
 * are rejected with their reason as a department's upload would be; an interrupted import of the
 * same bytes is resumed; after a failed one the table is replaced, so no row is loaded twice.
 */
async function loadDataset(
  s: Services,
  d: DemoDataset,
  datasetId: string,
  sink: CsvFileSink,
  onRead: (read: number) => void | Promise<void>,
): Promise<{ importId: string; read: number; loaded: number; rejected: number }> {
  const sha = sink.sha256();
  const prior = (await s.ingest.listImports(systemActor, datasetId, { limit: 100 })).items;
  const resumable = prior.some(
    (i) =>
      i.fileSha256 === sha && i.mode === 'append' && ['queued', 'running', 'succeeded'].includes(i.status),
  );
  const mode = resumable || prior.length === 0 ? 'append' : 'replace';
  const started = await s.ingest.startImport(
    systemActor,
    datasetId,
    { body: createReadStream(sink.path), fileName: `${d.entry.code}.csv`, mode },
    { queue: false },
  );
  const r = await s.ingest.run(started.import.id, async (read) => onRead(read));
  const after = await s.ingest.getImport(systemActor, started.import.id);
  if (after.status !== 'succeeded')
    throw new AppError('demo_import_failed', { code: d.entry.code, reason: after.error ?? after.status });
  return { importId: after.id, ...r };
}
