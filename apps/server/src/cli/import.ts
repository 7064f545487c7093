import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { systemActor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { openRuntime } from '../runtime.ts';
import { progressBar } from './progress.ts';

/** Rows in a CSV or NDJSON file, counted by newlines, so the bar has a total (0 when unknown). */
async function countLines(file: string, name: string): Promise<number> {
  if (!/\.(csv|tsv|txt|ndjson|jsonl)$/i.test(name)) return 0;
  let n = 0;
  for await (const chunk of createReadStream(file)) {
    for (const byte of chunk as Buffer) if (byte === 10) n++;
  }
  return /\.(csv|tsv|txt)$/i.test(name) ? Math.max(0, n - 1) : n;
}

/** `shuzhi import DATASET FILE`: load a file into a published dataset, with a progress bar. */
export function importCommand(program: Command, config: () => Config): void {
  program
    .command('import <dataset> <file>')
    .description('把文件导入已发布的数据集（CSV/XLSX/JSON/NDJSON） / load a file into a published dataset')
    .option('-m, --mode <mode>', 'upsert（按主键更新）| replace（全量替换）| append（追加）', 'upsert')
    .action(async (code: string, file: string, o: { mode: string }) => {
      if (!['upsert', 'replace', 'append'].includes(o.mode)) {
        throw new AppError('validation_failed', { fields: `--mode ${o.mode}` });
      }
      if (!existsSync(file)) throw new AppError('not_found', { resource: 'import', id: file });
      const rt = await openRuntime(config());
      const bar = progressBar('导入 / importing');
      try {
        const id = await rt.services.catalog.findDatasetIdByCode(code);
        if (!id) throw new AppError('not_found', { resource: 'dataset', id: code });
        const started = await rt.services.ingest.startImport(
          systemActor,
          id,
          { body: createReadStream(file), fileName: basename(file), mode: o.mode as 'upsert' },
          { queue: false },
        );
        const imp = started.import;
        if (started.repeated) {
          console.log(`该文件已导入过 / already imported as ${imp.id} (${imp.status})`);
          return;
        }
        const total = await countLines(file, imp.fileName);
        const r = await rt.services.ingest.run(imp.id, async (read) =>
          bar.update(read, Math.max(read, total)),
        );
        bar.stop();
        console.log(
          `读取 ${r.read} 行，入库 ${r.loaded}，拒绝 ${r.rejected} / read ${r.read}, loaded ${r.loaded}, rejected ${r.rejected} (import ${imp.id})`,
        );
        if (r.rejected > 0)
          console.log(`拒绝原因 / reasons: GET /api/v1/ingest/imports/${imp.id}/rejects.csv`);
      } finally {
        bar.stop();
        await rt.close();
      }
    });
}
