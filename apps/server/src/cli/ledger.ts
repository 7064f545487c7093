import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { parseVerifierKey } from '../platform/ledger/note.ts';
import { verifyLedger } from '../platform/ledger/verify.ts';
import { loadWitnessState, saveWitnessState, witnessOnce } from '../platform/ledger/watch.ts';
import { openRuntime } from '../runtime.ts';
import { progressBar } from './progress.ts';

/** `shuzhi ledger verify | watch`. */
export function ledgerCommands(program: Command, config: () => Config): void {
  const ledger = program.command('ledger').description('审计账本 / the audit ledger');
  ledger
    .command('verify')
    .description(
      '从存储重算整个账本并核对所有签名检查点 / recompute the ledger from storage and check every signed checkpoint',
    )
    .option('-k, --key <vkey>', '验证公钥（默认本平台） / verifier key (default: this platform’s)')
    .action(async (o: { key?: string }) => {
      const rt = await openRuntime(config());
      const started = Date.now();
      const bar = progressBar('核验账本 / verifying ledger');
      try {
        const verifier = parseVerifierKey(o.key ?? rt.services.ledger.verifierKey());
        const r = await verifyLedger(rt.handle.db, verifier, (d, t) => bar.update(d, t));
        bar.stop();
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        if (r.ok) {
          console.log(
            `账本完好 / ledger ok: ${r.entries} entries, ${r.checkpoints} checkpoints verified in ${secs} s`,
          );
        } else {
          console.error(`账本被篡改 / ledger TAMPERED at index ${r.index}: ${r.problem}`);
          process.exitCode = 1;
        }
      } finally {
        await rt.close();
      }
    });
  ledger
    .command('watch <url>')
    .description(
      '作为见证者持续核对另一平台的检查点一致性 / witness another platform: check its checkpoints stay consistent',
    )
    .option(
      '-k, --key <vkey>',
      '固定的验证公钥（缺省则首次获取并固定） / pinned verifier key (fetched and pinned on first run if omitted)',
    )
    .option('-s, --state <file>', '见证状态文件 / witness state file', 'ledger-witness.json')
    .option('-i, --interval <seconds>', '检查间隔秒数 / seconds between checks', '60')
    .option('--once', '只检查一次 / check once and exit', false)
    .action(async (url: string, o: { key?: string; state: string; interval: string; once: boolean }) => {
      const { verifier, vkey, state } = await loadWitnessState(o.state, url, o.key);
      let previous = state;
      for (;;) {
        const step = await witnessOnce(url, verifier, previous);
        if (!step.ok) {
          console.error(`见证失败 / WITNESS ALERT ${url}: ${step.problem}`);
          process.exitCode = 1;
          return;
        }
        const body = step.note.split('\n');
        previous = { vkey, size: step.size, root: body[2] ?? '', note: step.note };
        saveWitnessState(o.state, previous);
        console.log(
          `${new Date().toISOString()} ${verifier.name} size ${step.size} (+${step.grew}) consistent`,
        );
        if (o.once) return;
        await new Promise((r) => setTimeout(r, Math.max(1, Number(o.interval)) * 1000));
      }
    });
}
