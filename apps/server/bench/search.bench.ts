/**
 * Catalog search over a city-sized catalog (17,500 entries by default): p50/p95 latency of
 * searches with text, facets and paging through the HTTP layer, against a bare route measured in
 * the same run.  npm run bench:search -w apps/server -- [--entries 17500] [--queries 500]
 */
import { parseArgs } from 'node:util';
import { Level, Theme } from '@shuzhi/contracts';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openRuntime } from '../src/runtime.ts';
import { seed } from '../src/services.ts';
import { insertCatalogEntries, percentiles, qualifiers, randomStream, subjects } from './catalog-entries.ts';
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

const { rnd, pick } = randomStream();
const themes = Theme.options;
const levels = Level.options;
const started = performance.now();
const { districts } = await insertCatalogEntries(db, { entries: ENTRIES, open: false, rnd, pick });
process.stderr.write(`loaded ${ENTRIES} entries in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

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
  return percentiles(ms);
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
