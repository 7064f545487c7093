import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { createWorker } from '../modules/jobs/index.ts';
import { AppError, renderMessage } from '../platform/errors.ts';
import { openRuntime } from '../runtime.ts';
import { type Services, seed } from '../services.ts';
import { assertDemoFits, demoWorkDir, runDemoSeed } from './demo.ts';
import { progressBar } from './progress.ts';

/** `shuzhi serve`: migrate, seed, start the in-process worker and the HTTP server. */
export async function serve(config: Config, opts: { demo: boolean }): Promise<void> {
  const started = Date.now();
  const rt = await openRuntime(config);
  const bar = progressBar('导入行政区划 / importing areas');
  const seeded = await seed(rt.services, {
    accounts: opts.demo ? 'demo' : 'admin',
    onAreaProgress: (d, t) => bar.update(d, t),
  });
  bar.stop();
  if (opts.demo && config.SHUZHI_DEMO_SCALE !== 'none') await seedDemoCity(rt.services, config);
  const app = await buildApp({
    config,
    services: rt.services,
    demo: opts.demo,
    demoAccounts: seeded.demoAccounts,
  });
  const worker = config.SHUZHI_WORKER
    ? createWorker({ db: rt.handle.db, kinds: rt.services.jobs.kinds, log: app.log }).start()
    : null;
  // The quality scheduler is a chain of deferred jobs: make sure one is waiting (a no-op when it is).
  await rt.services.quality.ensureSchedule();
  // Pull schedules wait as deferred jobs; one cancelled from the jobs list gets its next run back.
  await rt.services.ingest.sources.ensureSchedules();
  // Every server sequences the ledger; they take turns on its head row.
  const sequencer = rt.services.ledger.startSequencer({
    onError: (e) => app.log.error({ err: e }, 'ledger sequencer'),
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const url =
    config.SHUZHI_PUBLIC_URL ?? address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const db = config.DATABASE_URL ? 'PostgreSQL' : `PGlite (${config.SHUZHI_DATA_DIR})`;
  const lines = [
    '',
    `数智 Shuzhi ${opts.demo ? '演示环境 / demo' : ''} 已启动 / started in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    `  网址 / URL:        ${url}`,
    `  接口文档 / API:    ${url}/api/docs`,
    `  数据库 / database: ${db}`,
  ];
  if (seeded.admin) {
    lines.push(
      '',
      '  首次启动：已创建平台管理员，密码只显示这一次 / First start: platform admin created; the password is shown once:',
      `    用户名 / username: ${seeded.admin.username}`,
      `    密码 / password:   ${seeded.admin.password}`,
    );
  }
  if (opts.demo) {
    lines.push('', '  演示账号 / demo accounts (登录页也有列出 / also listed on the login page):');
    for (const a of seeded.demoAccounts)
      lines.push(`    ${a.username.padEnd(10)} ${a.password}  ${a.role.padEnd(15)} ${a.orgName}`);
  }
  console.log(`${lines.join('\n')}\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await worker?.stop();
    await sequencer.stop();
    await rt.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * The first demo start loads the demo city (SHUZHI_DEMO_SCALE); later starts find it recorded and
 * go on in milliseconds. Other demo data already in the database is left alone, with a warning.
 */
async function seedDemoCity(services: Services, config: Config): Promise<void> {
  const scale = config.SHUZHI_DEMO_SCALE as Exclude<Config['SHUZHI_DEMO_SCALE'], 'none'>;
  assertDemoFits(config, scale, undefined);
  try {
    await runDemoSeed(services, { scale, workDir: demoWorkDir(config) });
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'demo_seeded_other')) throw e;
    console.warn(`注意 / note: ${renderMessage(e, 'zh-CN')} / ${renderMessage(e, 'en')}`);
  }
}
