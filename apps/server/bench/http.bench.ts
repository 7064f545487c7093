/**
 * HTTP throughput of the kernel: a bare route (the baseline) against an area query and an
 * authenticated request, measured in the same run over real HTTP on loopback.
 * Run: npm run bench:http -w apps/server   (DATABASE_URL selects a PostgreSQL server)
 */
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { DEMO_PASSWORD } from '../src/modules/auth/index.ts';
import { openRuntime } from '../src/runtime.ts';
import { seed } from '../src/services.ts';
import { benchDatabase } from './support.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

async function measure(url: string, headers: Record<string, string> = {}) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t0 = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => Number((latencies[Math.floor(q * (latencies.length - 1))] ?? 0).toFixed(2));
  return { rps: Math.round(latencies.length / seconds), p50_ms: p(0.5), p99_ms: p(0.99) };
}

// On a PostgreSQL server the bench works in a database of its own, dropped at the end.
const bench = await benchDatabase('http');
const databaseUrl = bench.databaseUrl;
const config = loadConfig(
  { LOG_LEVEL: 'silent', PORT: '0', DATABASE_URL: databaseUrl },
  { inMemory: databaseUrl === undefined },
);
const rt = await openRuntime(config);
await seed(rt.services, { accounts: 'demo' });
const app = await buildApp({ config, services: rt.services, demo: true, demoAccounts: [] });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'commander', password: DEMO_PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;

await measure(`${base}/healthz`); // warm-up
const baseline = await measure(`${base}/healthz`);
const areas = await measure(`${base}/api/v1/areas/330106/children`);
const me = await measure(`${base}/api/v1/auth/me`, { cookie });
await app.close();
await rt.close();
await bench.drop();

console.log(
  JSON.stringify({
    bench: 'http',
    database: config.DATABASE_URL ? 'postgres' : 'pglite',
    requests: REQUESTS,
    concurrency: CONCURRENCY,
    baseline_healthz: baseline,
    areas_children: areas,
    auth_me: me,
    ratio_areas_vs_baseline: Number((areas.rps / baseline.rps).toFixed(3)),
    ratio_me_vs_baseline: Number((me.rps / baseline.rps).toFixed(3)),
  }),
);
