import { join, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import type { Config } from '../config.ts';
import { DEMO_DATASETS } from '../demo/datasets/index.ts';
import { SCALES, type ScaleName } from '../demo/scale.ts';
import { type DemoSeedReport, seedDemo } from '../demo/seed/seed-demo.ts';
import { AppError } from '../platform/errors.ts';
import { openRuntime } from '../runtime.ts';
import { type Services, seed } from '../services.ts';
import { progressBar } from './progress.ts';

/** Above this many persons a demo city belongs on PostgreSQL, not on the embedded database. */
const PGLITE_LIMIT = SCALES.district.persons * 5;

const n = (x: number) => x.toLocaleString('en-US');

/** The demo's working folder inside the data directory, so a crashed run's files are found and removed. */
export const demoWorkDir = (config: Config): string | undefined =>
  config.inMemory ? undefined : join(resolve(config.SHUZHI_DATA_DIR), 'demo-files');

/** Refuses a city-sized demo on the embedded database, unless the operator chose the size. */
export function assertDemoFits(config: Config, scale: ScaleName, persons: number | undefined): void {
  const count = persons ?? SCALES[scale].persons;
  if (!config.DATABASE_URL && persons === undefined && count > PGLITE_LIMIT)
    throw new AppError('demo_needs_postgres', { scale, persons: n(count) });
}

/** Seeds the demo city with a progress bar per phase and prints what was loaded. */
export async function runDemoSeed(
  services: Services,
  opts: { scale: ScaleName; persons?: number; keepFilesIn?: string; workDir?: string },
): Promise<DemoSeedReport> {
  const bars = {
    catalog: progressBar('演示数据目录 / demo catalog   '),
    generate: progressBar('生成合成城市 / generating city'),
    import: progressBar('导入数据集 / loading datasets '),
  };
  // Held in an object: the progress callback moves it on, which plain narrowing cannot follow.
  const at: { phase: keyof typeof bars | null } = { phase: null };
  const stop = () => {
    if (at.phase) bars[at.phase].stop();
    at.phase = null;
  };
  try {
    const report = await seedDemo(services, {
      ...opts,
      onProgress: (p) => {
        if (at.phase !== p.phase) {
          stop();
          at.phase = p.phase;
        }
        const detail =
          p.phase === 'import'
            ? `${p.dataset} (${p.datasetsDone + 1}/${p.datasetsTotal})`
            : p.phase === 'generate'
              ? '人 / persons'
              : '';
        bars[p.phase].update(p.done, p.total, detail);
      },
    });
    stop();
    console.log(summary(report));
    return report;
  } finally {
    stop();
  }
}

function summary(r: DemoSeedReport): string {
  const rows = r.datasets.reduce(
    (a, d) => ({ g: a.g + d.generated, l: a.l + d.loaded, j: a.j + d.rejected }),
    {
      g: 0,
      l: 0,
      j: 0,
    },
  );
  const size = `${r.scale}, ${n(r.persons)} 人 / persons, ${n(r.enterprises)} 企业 / enterprises`;
  if (r.status === 'already-seeded')
    return `演示城市已载入，跳过 / demo city already loaded (${size}): ${r.datasets.length} 个数据集 / datasets, ${n(rows.l)} 行 / rows`;
  const lines = [
    `演示城市已就绪 / demo city ready (${size})`,
    `  ${r.datasets.length} 个数据集 / datasets, ${r.elements} 个数据元 / data elements; ${n(rows.g)} 行生成 / rows generated: ${n(rows.l)} 入库 / loaded, ${n(rows.j)} 拒绝 / rejected`,
    `  用时 / time: 目录 catalog ${r.seconds.catalog} s, 生成 generate ${r.seconds.generate} s, 导入 import ${r.seconds.import} s, 共 total ${r.seconds.total} s`,
  ];
  if (r.filesDir) lines.push(`  CSV 文件 / files: ${r.filesDir}`);
  return lines.join('\n');
}

const scaleOf = (v: string): ScaleName => {
  if (v in SCALES) return v as ScaleName;
  throw new InvalidArgumentError(
    `规模应为 ${Object.keys(SCALES).join(' | ')} / scale must be one of ${Object.keys(SCALES).join(', ')}`,
  );
};

const personsOf = (v: string): number => {
  const x = Number(v);
  if (!Number.isInteger(x) || x < 100 || x > 50_000_000)
    throw new InvalidArgumentError(
      '人数应为 100–50000000 的整数 / persons must be a whole number from 100 to 50,000,000',
    );
  return x;
};

/** `shuzhi demo`: generate the synthetic Hangzhou and load it through the catalog and ingest services. */
export function demoCommand(program: Command, config: () => Config): void {
  const scales = Object.values(SCALES)
    .map((s) => `${s.name} ≈ ${n(s.persons)}`)
    .join(', ');
  program
    .command('demo')
    .description(
      `生成合成的杭州并经真实的目录与归集流程载入（${DEMO_DATASETS.length} 个部门数据集）/ generate a synthetic Hangzhou and load it through the real catalog and import path (${DEMO_DATASETS.length} department datasets)`,
    )
    .option(
      '-s, --scale <scale>',
      `规模 / scale: ${scales} 人 / persons（city 需 PostgreSQL / needs PostgreSQL）`,
      scaleOf,
      'district',
    )
    .option(
      '-n, --persons <count>',
      '人数，覆盖规模的缺省值 / number of persons, overriding the scale',
      personsOf,
    )
    .option('--keep-files <dir>', '把生成的 CSV 文件留在此目录 / keep the generated CSV files in this folder')
    .action(async (o: { scale: ScaleName; persons?: number; keepFiles?: string }) => {
      const c = config();
      assertDemoFits(c, o.scale, o.persons);
      const rt = await openRuntime(c);
      try {
        const bar = progressBar('导入行政区划 / importing areas');
        await seed(rt.services, { accounts: 'none', onAreaProgress: (d, t) => bar.update(d, t) });
        bar.stop();
        await runDemoSeed(rt.services, {
          scale: o.scale,
          persons: o.persons,
          keepFilesIn: o.keepFiles,
          workDir: demoWorkDir(c),
        });
      } finally {
        await rt.close();
      }
    });
}
