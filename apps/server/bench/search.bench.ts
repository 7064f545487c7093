/**
 * Catalog search over a city-sized catalog (17,500 entries by default): p50/p95 latency of
 * searches with text, facets and paging through the HTTP layer, against a bare route measured in
 * the same run.  npm run bench:search -w apps/server -- [--entries 17500] [--queries 500]
 */
import { parseArgs } from 'node:util';
import { Level, ShareType, Theme, UpdateFrequency } from '@shuzhi/contracts';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { searchText } from '../src/modules/catalog/catalog.service.ts';
import { newId } from '../src/platform/ids.ts';
import { openRuntime } from '../src/runtime.ts';
import { seed } from '../src/services.ts';
import { benchDatabase } from './support.ts';

const { values } = parseArgs({
  options: { entries: { type: 'string', default: '17500' }, queries: { type: 'string', default: '500' } },
});
const ENTRIES = Number(values.entries);
const QUERIES = Number(values.queries);

const bench = await benchDatabase('search');
const databaseUrl = bench.databaseUrl;
const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl }, { inMemory: !databaseUrl });
const rt = await openRuntime(config);
await seed(rt.services, { accounts: 'demo' });
const db = rt.handle.db;

// A deterministic pseudo-random stream, so runs compare.
let state = 42;
const rnd = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;

const subjects = [
  '户籍人口',
  '婚姻登记',
  '出生医学证明',
  '社保参保',
  '企业登记',
  '不动产登记',
  '学籍',
  '车辆登记',
  '医保结算',
  '公积金缴存',
  '低保救助',
  '残疾人',
  '养老服务',
  '食品经营许可',
  '建设工程',
  '排污许可',
  '公交线路',
  '停车泊位',
  '垃圾分类',
  '消防检查',
];
const qualifiers = ['基本信息', '变更记录', '统计', '明细', '汇总', '台账', '名录', '办理结果'];
const themes = Theme.options;
const freq = UpdateFrequency.options;
const share = ShareType.options;
const levels = Level.options;
const orgIds = (await db.selectFrom('orgs.org').select('id').execute()).map((o) => o.id);
const districts = (
  await db.selectFrom('areas.area').select('name').where('level', '=', 'district').execute()
).map((a) => a.name);

const started = performance.now();
for (let i = 0; i < ENTRIES; i += 500) {
  const rows = Array.from({ length: Math.min(500, ENTRIES - i) }, (_, j) => {
    const n = i + j;
    const fields = [
      {
        name: 'record_id',
        title: '记录编号',
        type: 'string' as const,
        sensitivity: 'none' as const,
        key: true,
      },
      {
        name: 'area_name',
        title: `${pick(districts)}区划`,
        type: 'string' as const,
        sensitivity: 'none' as const,
        key: false,
      },
      {
        name: 'subject',
        title: pick(subjects),
        type: 'string' as const,
        sensitivity: 'low' as const,
        key: false,
      },
    ];
    const row = {
      id: newId(),
      code: `BENCH-${String(n).padStart(6, '0')}`,
      name: `${pick(districts)}${pick(subjects)}${pick(qualifiers)}`,
      name_en: null,
      description: `${pick(subjects)}相关数据，${pick(qualifiers)}，由${pick(districts)}归集`,
      owner_org_id: pick(orgIds),
      source_system: '业务系统',
      theme: pick(themes),
      update_frequency: pick(freq),
      share_type: pick(share),
      open_type: pick(share),
      level: pick(levels),
      tags: [pick(subjects)],
      contact: { name: '', phone: '', email: '' },
      fields,
      status: rnd() < 0.85 ? ('published' as const) : ('draft' as const),
      version: 1,
      review_comment: null,
      published_at: null,
    };
    return {
      ...row,
      search_text: searchText(row),
      tags: JSON.stringify(row.tags),
      contact: JSON.stringify(row.contact),
      fields: JSON.stringify(row.fields),
    };
  });
  await db.insertInto('catalog.dataset').values(rows).execute();
}
process.stderr.write(`loaded ${ENTRIES} entries in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
await sql`analyze catalog.dataset`.execute(db);

const app = await buildApp({
  config: { ...config, SHUZHI_WEB_DIR: '/nonexistent' },
  services: rt.services,
  demo: true,
  demoAccounts: [],
});
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: 'viewer', password: 'Demo2026shuzhi' },
});
const cookie = `shuzhi_session=${login.cookies.find((c) => c.name === 'shuzhi_session')?.value}`;

async function time(urls: string[]): Promise<{ p50_ms: number; p95_ms: number }> {
  const ms: number[] = [];
  for (const url of urls) {
    const t0 = performance.now();
    const res = await app.inject({ url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => Number((ms[Math.floor(p * (ms.length - 1))] ?? 0).toFixed(2));
  return { p50_ms: q(0.5), p95_ms: q(0.95) };
}

const searches = Array.from({ length: QUERIES }, () => {
  const params = new URLSearchParams();
  const r = rnd();
  if (r < 0.7) params.set('q', rnd() < 0.5 ? pick(subjects) : `${pick(districts)} ${pick(qualifiers)}`);
  if (rnd() < 0.3) params.set('theme', pick(themes));
  if (rnd() < 0.2) params.set('level', pick(levels));
  if (rnd() < 0.3) params.set('view', pick(['share', 'open']));
  if (rnd() < 0.2) params.set('sort', 'name');
  return `/api/v1/catalog/datasets?${params}`;
});
await time(searches.slice(0, 20)); // warm-up
const baseline = await time(Array.from({ length: QUERIES }, () => '/api/v1/meta'));
const search = await time(searches);
await app.close();
await rt.close();
await bench.drop();

console.log(
  JSON.stringify({
    bench: 'search',
    db: databaseUrl ? 'postgres' : 'pglite',
    entries: ENTRIES,
    queries: QUERIES,
    p50_ms: search.p50_ms,
    p95_ms: search.p95_ms,
    baseline_p50_ms: baseline.p50_ms,
    baseline_p95_ms: baseline.p95_ms,
  }),
);
