import { Role } from '@shuzhi/contracts';
import { Command, InvalidArgumentError } from 'commander';
import pino from 'pino';
import { classifyCommand } from './cli/classify.ts';
import { demoCommand } from './cli/demo.ts';
import { importCommand } from './cli/import.ts';
import { ledgerCommands } from './cli/ledger.ts';
import { progressBar } from './cli/progress.ts';
import { serve } from './cli/serve.ts';
import { type Config, loadConfig } from './config.ts';
import { readReferenceAreas } from './modules/areas/index.ts';
import { createWorker } from './modules/jobs/index.ts';
import { psiCommand } from './modules/privacy/index.ts';
import { AppError, renderMessage } from './platform/errors.ts';
import { VERSION } from './platform/version.ts';
import { openRuntime } from './runtime.ts';
import { seed } from './services.ts';

const program = new Command()
  .name('shuzhi')
  .description('数智 Shuzhi：一体化智能化公共数据平台 / integrated public data platform')
  .version(VERSION, '-v, --version');

const config = (): Config => loadConfig();
const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('端口应为 0–65535 / port must be 0–65535');
  return n;
};

program
  .command('serve')
  .description('启动平台（网页与接口） / start the platform (web and API)')
  .option(
    '--demo',
    '演示模式：创建演示账号，首次启动载入演示城市（SHUZHI_DEMO_SCALE）/ demo mode: demo accounts, and the demo city loaded on first start (SHUZHI_DEMO_SCALE)',
    false,
  )
  .option('-p, --port <port>', '端口 / port (default PORT or 8080)', port)
  .action(async (o: { demo: boolean; port?: number }) => {
    const c = config();
    await serve(o.port === undefined ? c : { ...c, PORT: o.port }, { demo: o.demo });
  });

program
  .command('worker')
  .description('单独运行后台任务 / run background jobs in a separate process')
  .action(async () => {
    const rt = await openRuntime({ ...config(), SHUZHI_WORKER: true });
    const log = pino({ level: rt.config.LOG_LEVEL });
    const worker = createWorker({ db: rt.handle.db, kinds: rt.services.jobs.kinds, log }).start();
    log.info('worker started');
    const stop = async () => {
      await worker.stop();
      await rt.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  });

program
  .command('migrate')
  .description('执行数据库迁移并载入参考数据 / apply database migrations and load the reference data')
  .action(async () => {
    const rt = await openRuntime(config());
    const bar = progressBar('导入行政区划 / importing areas');
    const r = await seed(rt.services, { accounts: 'none', onAreaProgress: (d, t) => bar.update(d, t) });
    bar.stop();
    console.log(
      `数据库已是最新 / database is up to date (areas imported: ${r.areasImported}, organisations created: ${r.orgsCreated})`,
    );
    await rt.close();
  });

const users = program.command('users').description('管理用户 / manage staff accounts');
users
  .command('create')
  .description('新建用户 / create a user')
  .requiredOption('-u, --username <username>', '用户名 / username')
  .requiredOption('-n, --name <displayName>', '显示名称 / display name')
  .requiredOption('-o, --org <code>', '机构统一社会信用代码 / organisation code')
  .requiredOption('-r, --role <role>', `角色 / role: ${Role.options.join(', ')}`)
  .option('-a, --area <code>', '限定区域 / narrow to an area')
  .option('-p, --password <password>', '密码（缺省则随机生成）/ password (random if omitted)')
  .action(
    async (o: {
      username: string;
      name: string;
      org: string;
      role: string;
      area?: string;
      password?: string;
    }) => {
      const role = Role.safeParse(o.role);
      if (!role.success) throw new InvalidArgumentError(`未知角色 / unknown role: ${o.role}`);
      const rt = await openRuntime(config());
      try {
        const org = await rt.services.orgs.findOrgByCode(o.org);
        if (!org) throw new AppError('not_found', { resource: 'org', id: o.org });
        const { generatePassword } = await import('./modules/auth/passwords.ts');
        const password = o.password ?? generatePassword();
        const user = await rt.services.users.createUnchecked(
          {
            username: o.username,
            displayName: o.name,
            password,
            grants: [{ orgId: org.id, role: role.data, areaCode: o.area ?? null }],
          },
          o.password === undefined,
        );
        console.log(`已创建 / created ${user.username} (${role.data} @ ${org.name})`);
        if (!o.password) console.log(`初始密码（只显示一次）/ initial password (shown once): ${password}`);
      } finally {
        await rt.close();
      }
    },
  );
users
  .command('reset-password <username>')
  .description('重置密码 / reset a password')
  .option('-p, --password <password>', '新密码（缺省则随机生成）/ new password (random if omitted)')
  .action(async (username: string, o: { password?: string }) => {
    const rt = await openRuntime(config());
    try {
      const id = await rt.services.users.findUserIdByUsername(username);
      if (!id) throw new AppError('not_found', { resource: 'user', id: username });
      const r = await rt.services.users.resetPassword(null, id, o.password);
      console.log(
        `已重置 / reset ${username}${o.password ? '' : `; 新密码（只显示一次）/ new password (shown once): ${r.password}`}`,
      );
    } finally {
      await rt.close();
    }
  });

program
  .command('areas')
  .description('行政区划 / administrative areas')
  .command('import')
  .description('导入行政区划（默认随附的杭州数据）/ import divisions (the shipped Hangzhou data by default)')
  .option('-f, --file <path>', '同格式的 JSON 文件 / a JSON file of the same shape')
  .action(async (o: { file?: string }) => {
    const source = o.file ? readReferenceAreas(o.file) : readReferenceAreas();
    const rt = await openRuntime(config());
    const bar = progressBar('导入行政区划 / importing areas');
    try {
      const r = await rt.services.areas.importReference((d, t) => bar.update(d, t), source);
      bar.stop();
      console.log(`已导入 / imported ${r.imported}`);
    } finally {
      await rt.close();
    }
  });

ledgerCommands(program, config);
importCommand(program, config);
demoCommand(program, config);
classifyCommand(program);
psiCommand(program);

program
  .command('version')
  .description('显示版本 / print the version')
  .action(() => console.log(VERSION));

program.parseAsync(process.argv).catch((e: unknown) => {
  const message =
    e instanceof AppError ? `${renderMessage(e, 'zh-CN')} / ${renderMessage(e, 'en')}` : (e as Error).message;
  console.error(`错误 / error: ${message}`);
  process.exit(1);
});
