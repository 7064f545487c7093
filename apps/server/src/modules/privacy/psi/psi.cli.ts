import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../../platform/errors.ts';
import {
  exportSecret,
  generateSecret,
  importSecret,
  intersect,
  normaliseKey,
  POINT_BYTES,
  shuffle,
} from './psi.crypto.ts';
import { blindParallel } from './psi.parallel.ts';

const unreadable = (path: string, e: unknown) =>
  new AppError('file_unreadable', {
    reason_zh: `${path}：${(e as Error).message}`,
    reason_en: `${path}: ${(e as Error).message}`,
  });

async function read(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw unreadable(path, e);
  }
}

async function readPoints(path: string): Promise<Buffer> {
  const b = await read(path);
  if (b.length === 0 || b.length % POINT_BYTES !== 0)
    throw new AppError('psi_points_invalid', {
      reason_zh: `${path} 的长度 ${b.length} 不是 32 的正整数倍`,
      reason_en: `${path} is ${b.length} bytes, not a positive multiple of 32`,
    });
  return b;
}

/** One key per line; blank lines skipped; duplicates (after normalising) kept once. */
export const parseKeys = (text: string): string[] => [
  ...new Set(
    text
      .split(/\r?\n/)
      .map(normaliseKey)
      .filter((k) => k !== ''),
  ),
];

const secretFrom = async (path: string) => {
  try {
    return importSecret(await read(path));
  } catch (e) {
    throw e instanceof AppError ? e : unreadable(path, e);
  }
};

const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

/**
 * `shuzhi psi`: one party's steps of an ECDH private set intersection, from files. Each party runs
 * keygen and blind, sends its .blinded file, re-blinds the other's, sends that back, and intersects.
 */
export function psiCommand(program: Command): void {
  const psi = program
    .command('psi')
    .description(
      '隐私求交（ECDH-PSI，X25519）：一方的各个步骤 / private set intersection: one party’s steps',
    );

  psi
    .command('keygen')
    .description('生成本方密钥（只留在本机） / make your secret key (it never leaves this machine)')
    .requiredOption('-o, --out <file>', '密钥文件 / key file')
    .action(async (o: { out: string }) => {
      await writeFile(o.out, exportSecret(generateSecret()), { mode: 0o600, flag: 'wx' });
      console.log(`已生成 / written: ${o.out}`);
    });

  psi
    .command('blind')
    .description(
      '把本方的键（每行一个）散列到曲线上并用密钥盲化，顺序随机 / hash your keys (one a line) to the curve and blind them, in random order',
    )
    .requiredOption('-k, --key <file>', '本方密钥 / your key file')
    .requiredOption('-i, --in <file>', '键的文本文件 / text file of keys')
    .requiredOption('-o, --out <file>', '发给对方的盲化文件 / blinded file to send')
    .requiredOption(
      '--order <file>',
      '本方保留的顺序文件（含明文键）/ order file you keep (holds the clear keys)',
    )
    .action(async (o: { key: string; in: string; out: string; order: string }) => {
      const secret = await secretFrom(o.key);
      const keys = shuffle(parseKeys((await read(o.in)).toString('utf8')));
      const t = performance.now();
      const points = await blindParallel(secret, { op: 'hashBlind', keys });
      await writeFile(o.out, points);
      await writeFile(o.order, `${keys.join('\n')}\n`, { mode: 0o600 });
      console.log(`已盲化 / blinded ${keys.length} keys in ${secs(t)} s → ${o.out} (order: ${o.order})`);
    });

  psi
    .command('reblind')
    .description(
      '用本方密钥再盲化对方的盲化文件（保持顺序） / re-blind the peer’s blinded file with your key (order kept)',
    )
    .requiredOption('-k, --key <file>', '本方密钥 / your key file')
    .requiredOption('-i, --in <file>', '对方的盲化文件 / the peer’s blinded file')
    .requiredOption('-o, --out <file>', '发回对方的文件 / file to send back')
    .action(async (o: { key: string; in: string; out: string }) => {
      const secret = await secretFrom(o.key);
      const points = await readPoints(o.in);
      const t = performance.now();
      await writeFile(o.out, await blindParallel(secret, { op: 'blind', points }));
      console.log(`已再盲化 / re-blinded ${points.length / POINT_BYTES} points in ${secs(t)} s → ${o.out}`);
    });

  psi
    .command('intersect')
    .description('比对得出共同的键 / compare and write the common keys')
    .requiredOption('--order <file>', '本方的顺序文件 / your order file')
    .requiredOption('--mine <file>', '对方发回的、本方集合的再盲化 / your set re-blinded by the peer')
    .requiredOption('--theirs <file>', '本方算出的、对方集合的再盲化 / the peer’s set you re-blinded')
    .requiredOption('-o, --out <file>', '共同的键 / common keys')
    .action(async (o: { order: string; mine: string; theirs: string; out: string }) => {
      const order = (await read(o.order))
        .toString('utf8')
        .split('\n')
        .filter((k) => k !== '');
      const mine = await readPoints(o.mine);
      if (mine.length / POINT_BYTES !== order.length)
        throw new AppError('psi_points_invalid', {
          reason_zh: `${o.mine} 有 ${mine.length / POINT_BYTES} 个点，顺序文件有 ${order.length} 个键`,
          reason_en: `${o.mine} holds ${mine.length / POINT_BYTES} points but the order file ${order.length} keys`,
        });
      const common = intersect(order, mine, await readPoints(o.theirs));
      await writeFile(o.out, common.length ? `${common.join('\n')}\n` : '', { mode: 0o600 });
      console.log(`共同的键 / common keys: ${common.length} → ${o.out}`);
    });
}
