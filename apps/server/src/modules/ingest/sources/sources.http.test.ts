import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../../testing/harness.ts';
import { createWorker } from '../../jobs/index.ts';

let t: TestContext;
let officer: string;
let admin: string;
let viewer: string;
let datasetId: string;
let server: Server;
let base: string;
let closedPort: number;
/** Every request the source server saw: path and query. */
const seen: string[] = [];

const fields = [
  { name: 'id_number', title: '公民身份号码', type: 'string', key: true },
  { name: 'name', title: '姓名', type: 'string' },
  { name: 'income', title: '年收入', type: 'integer' },
  { name: 'updated_at', title: '更新时间', type: 'datetime' },
];
const person = (i: number) => ({
  id_number: `ID${String(i).padStart(4, '0')}`,
  name: `人${i}`,
  // An API that leaves out empty values: the first records have no `income` key at all.
  ...(i > 12 ? { income: i * 100 } : {}),
  updated_at: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00+08:00`,
});
const people = Array.from({ length: 25 }, (_, i) => person(i + 1));
let changes = [
  { id_number: 'C1', name: '甲', updated_at: '2026-03-01 10:00:00' },
  { id_number: 'C2', name: '乙', updated_at: '2026-03-02 10:00:00' },
  { id_number: 'C3', name: '丙', updated_at: '2026-03-03 10:00:00' },
];

function sourceServer(): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${url.pathname}${url.search}`);
    const json = (body: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const n = (k: string, d: number) => Number(url.searchParams.get(k) ?? d);
    switch (url.pathname) {
      case '/paged': {
        const size = n('size', 10);
        const page = n('page', 1);
        return json({ code: 0, data: { items: people.slice((page - 1) * size, page * size) } });
      }
      case '/offset':
        return json({ result: people.slice(n('offset', 0), n('offset', 0) + n('limit', 10)) });
      case '/linked': {
        const after = n('after', 0);
        const items = people.slice(after, after + 10);
        const next = after + 10 < people.length ? `/linked?after=${after + 10}` : null;
        return json({ items, links: { next } });
      }
      case '/tokens': {
        const at = n('cursor', 0);
        return json({
          records: people.slice(at, at + 8),
          next_cursor: at + 8 < people.length ? String(at + 8) : null,
        });
      }
      case '/changes':
        // Ignores `since`: the platform must skip what it already has by itself.
        return json(changes);
      case '/secure':
        if (req.headers.authorization !== 'Bearer s3cret') return json({ message: 'no' }, 401);
        return json(people.slice(0, 3));
      case '/html':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html><body>登录</body></html>');
      case '/endless':
        return json({ items: people.slice(0, 5) });
      case '/moved':
        res.writeHead(302, { location: '/paged' });
        return res.end();
      default:
        return json({ message: 'not found' }, 404);
    }
  });
}

const api = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/api/v1/ingest/datasets/${datasetId}/sources${url}`,
    headers: { cookie, 'accept-language': 'en' },
    ...(payload ? { payload } : {}),
  });
const http = (path: string, extra: Record<string, unknown> = {}) => ({
  kind: 'http',
  url: `${base}${path}`,
  ...extra,
});
const create = async (name: string, config: object, more: object = {}) => {
  const res = await api(officer, 'POST', '', { name, config, ...more });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};
const runJobs = async () => {
  const w = createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
  while (await w.runOnce()) {}
};
/** Runs a source to its end; answers the source as the API then shows it. */
const run = async (id: string) => {
  const res = await api(officer, 'POST', `/${id}/run`);
  expect(res.statusCode, res.body).toBe(202);
  await runJobs();
  return (await api(officer, 'GET', `/${id}`)).json();
};
const importOf = async (importId: string) =>
  (await t.app.inject({ url: `/api/v1/ingest/imports/${importId}`, headers: { cookie: officer } })).json();
const table = async () =>
  (
    await sql<{
      id_number: string;
      name: string;
      income: number | null;
    }>`select id_number, name, income::int from data."GA-PULL-01" order by id_number`.execute(t.services.db)
  ).rows;

beforeAll(async () => {
  t = await createTestContext({ SHUZHI_PULL_ALLOWED_HOSTS: '127.0.0.1' });
  [officer, admin, viewer] = await Promise.all([t.login('officer'), t.login('admin'), t.login('viewer')]);
  datasetId = await publishDataset(t, { officer, admin }, { code: 'GA-PULL-01', name: '拉取测试', fields });
  server = sourceServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const spare = createServer();
  await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
  closedPort = (spare.address() as AddressInfo).port;
  await new Promise((resolve) => spare.close(resolve));
});
afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  await t?.close();
});

describe('pulling an HTTP JSON API', () => {
  it('pages by page and size until a short page, and imports every record', async () => {
    const src = await create(
      'paged',
      http('/paged', { recordsPath: 'data.items', paging: { style: 'page', pageSize: 10 } }),
    );
    seen.length = 0;
    const after = await run(src.id);
    expect(seen).toEqual(['/paged?page=1&size=10', '/paged?page=2&size=10', '/paged?page=3&size=10']);
    expect(after.lastRun).toMatchObject({ status: 'succeeded', records: 25, error: null });
    expect(await importOf(after.lastRun.importId)).toMatchObject({
      fileName: 'pull:paged',
      status: 'succeeded',
      sourceId: src.id,
      rowsRead: 25,
      rowsLoaded: 25,
      rowsRejected: 0,
    });
    const rows = await table();
    expect(rows).toHaveLength(25);
    // Keys that only later records had still reach their field.
    expect(rows.find((r) => r.id_number === 'ID0013')).toEqual({
      id_number: 'ID0013',
      name: '人13',
      income: 1300,
    });
    expect(rows.find((r) => r.id_number === 'ID0001')?.income).toBeNull();
  });

  it('pages by offset and limit, with records at a JSON pointer', async () => {
    const src = await create(
      'offset',
      http('/offset', { recordsPath: '/result', paging: { style: 'offset', pageSize: 7 } }),
      { mode: 'append' },
    );
    seen.length = 0;
    const after = await run(src.id);
    expect(seen).toEqual([
      '/offset?offset=0&limit=7',
      '/offset?offset=7&limit=7',
      '/offset?offset=14&limit=7',
      '/offset?offset=21&limit=7',
    ]);
    // Append mode: every key is already there, so each record is rejected as a duplicate.
    expect(await importOf(after.lastRun.importId)).toMatchObject({ rowsRead: 25, rowsRejected: 25 });
  });

  it('follows next links and cursors', async () => {
    const linked = await create(
      'linked',
      http('/linked', { recordsPath: 'items', paging: { style: 'cursor', nextPath: '/links/next' } }),
    );
    seen.length = 0;
    expect((await run(linked.id)).lastRun).toMatchObject({ status: 'succeeded', records: 25 });
    expect(seen).toEqual(['/linked', '/linked?after=10', '/linked?after=20']);
    const tokens = await create(
      'tokens',
      http('/tokens', {
        recordsPath: 'records',
        paging: { style: 'cursor', nextPath: 'next_cursor', cursorParam: 'cursor' },
      }),
    );
    seen.length = 0;
    expect((await run(tokens.id)).lastRun).toMatchObject({ status: 'succeeded', records: 25 });
    expect(seen).toEqual(['/tokens', '/tokens?cursor=8', '/tokens?cursor=16', '/tokens?cursor=24']);
  });

  it('pulls incrementally: only records past the watermark, which moves once the import succeeded', async () => {
    const src = await create('changes', http('/changes', { watermarkParam: 'since' }), {
      watermarkColumn: 'updated_at',
    });
    const first = await run(src.id);
    expect(first).toMatchObject({
      watermark: '2026-03-03 10:00:00',
      lastRun: { status: 'succeeded', records: 3 },
    });
    changes = [
      ...changes,
      { id_number: 'C4', name: '丁', updated_at: '2026-03-04 09:00:00' },
      { id_number: 'C2', name: '乙改', updated_at: '2026-03-05 08:30:00' },
    ];
    seen.length = 0;
    const second = await run(src.id);
    expect(seen).toEqual([
      `/changes?since=${encodeURIComponent('2026-03-03 10:00:00').replace(/%20/g, '+')}`,
    ]);
    expect(second).toMatchObject({
      watermark: '2026-03-05 08:30:00',
      lastRun: { status: 'succeeded', records: 2 },
    });
    expect(await importOf(second.lastRun.importId)).toMatchObject({ rowsRead: 2, rowsLoaded: 2 });
    expect((await table()).find((r) => r.id_number === 'C2')?.name).toBe('乙改');
    // Nothing new: no import, the watermark stays.
    const third = await run(src.id);
    expect(third).toMatchObject({
      watermark: '2026-03-05 08:30:00',
      lastRun: { status: 'succeeded', records: 0, importId: null },
    });
    const runs = (await api(officer, 'GET', `/${src.id}/runs`)).json().items;
    expect(runs.map((r: { id: string }) => r.id)).toEqual([second.lastRun.importId, first.lastRun.importId]);
  });

  it('refuses incremental pulls in replace mode', async () => {
    const res = await api(officer, 'POST', '', {
      name: 'bad',
      mode: 'replace',
      watermarkColumn: 'updated_at',
      config: http('/changes'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('source_config_invalid');
  });
});

describe('a failing HTTP pull', () => {
  const failing = async (name: string, config: object) => {
    const src = await create(name, config);
    const after = await run(src.id);
    expect(after.lastRun.status, name).toBe('failed');
    expect(after.lastRun.importId, name).toBeNull();
    expect((await api(officer, 'GET', `/${src.id}/runs`)).json().items, name).toEqual([]);
    return after.lastRun.error as string;
  };

  it('says clearly why, in the caller’s language, and imports nothing', async () => {
    expect(await failing('down', { kind: 'http', url: `http://127.0.0.1:${closedPort}/x` })).toMatch(
      /^The source cannot be reached: 127\.0\.0\.1, ECONNREFUSED/,
    );
    expect(await failing('no-token', http('/secure'))).toMatch(
      /^The source refused the credentials: 127\.0\.0\.1, HTTP 401/,
    );
    expect(await failing('html', http('/html'))).toMatch(/^The source did not answer JSON: text\/html/);
    expect(await failing('wrong-path', http('/paged', { recordsPath: 'data.rows' }))).toBe(
      'The response has no record array: at "data.rows" there is no "rows"',
    );
    expect(
      await failing(
        'endless',
        http('/endless', { recordsPath: 'items', paging: { style: 'page', pageSize: 5 }, maxPages: 3 }),
      ),
    ).toMatch(/^Too many pages: more than 3, nothing was imported/);
    expect(await failing('moved', http('/moved'))).toMatch(/HTTP 302 redirects to \/paged/);
    expect(await failing('missing', http('/nothing-here'))).toMatch(
      /^The source answered with an HTTP error: 404/,
    );
    const zh = await t.app.inject({
      url: `/api/v1/ingest/datasets/${datasetId}/sources`,
      headers: { cookie: officer, 'accept-language': 'zh-CN' },
    });
    const html = zh.json().items.find((s: { name: string }) => s.name === 'html');
    expect(html.lastRun.error).toMatch(/^数据源的响应不是 JSON/);
  });

  it('refuses hosts outside the allow-list before connecting', async () => {
    const res = await api(officer, 'POST', '', {
      name: 'elsewhere',
      config: { kind: 'http', url: 'http://127.0.0.2:9/x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'pull_host_forbidden' });
  });
});

describe('source settings', () => {
  it('keep header values encrypted and masked; a masked value sent back keeps the stored one', async () => {
    const src = await create('secure', http('/secure', { headers: { Authorization: 'Bearer s3cret' } }));
    const shown = (await api(officer, 'GET', `/${src.id}`)).json();
    expect(shown.config.headers).toEqual({ authorization: '****' });
    expect(JSON.stringify(shown)).not.toContain('s3cret');
    const stored = await sql<{
      secret: string;
      config: unknown;
    }>`select secret, config from ingest.source where id = ${src.id}`.execute(t.services.db);
    expect(JSON.stringify(stored.rows)).not.toContain('s3cret');
    expect((await run(src.id)).lastRun).toMatchObject({ status: 'succeeded', records: 3 });
    const update = (url: string) =>
      api(officer, 'PUT', `/${src.id}`, { name: 'secure', config: { ...shown.config, url } });
    const kept = await update(`${base}/secure?v=2`);
    expect(kept.statusCode, kept.body).toBe(200);
    expect((await run(src.id)).lastRun).toMatchObject({ status: 'succeeded', records: 3 });
    // The stored token never follows the source to another site.
    const moved = await update(`http://127.0.0.1:${closedPort}/secure`);
    expect(moved.statusCode).toBe(400);
    expect(moved.json().code).toBe('source_config_invalid');
  });

  it('run one at a time; a run cancelled before it started frees the source again', async () => {
    const src = await create('once', http('/paged', { recordsPath: 'data.items' }));
    const first = await api(officer, 'POST', `/${src.id}/run`);
    expect(first.statusCode).toBe(202);
    expect(first.json().lastRun).toMatchObject({ status: 'queued', records: null });
    const second = await api(officer, 'POST', `/${src.id}/run`);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'pull_running' });
    const edit = await api(officer, 'PUT', `/${src.id}`, { name: 'once', config: http('/paged') });
    expect(edit.statusCode).toBe(409);
    const job = first.json().lastRun.jobId;
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/jobs/${job}/cancel`,
      headers: { cookie: officer },
      payload: {},
    });
    expect(cancelled.statusCode).toBe(200);
    expect((await api(officer, 'GET', `/${src.id}`)).json().lastRun).toMatchObject({ status: 'cancelled' });
    expect((await run(src.id)).lastRun).toMatchObject({ status: 'succeeded', records: 10 });
  });

  it('belong to the owner organisation’s data officer and the admin; changes and runs are in the ledger', async () => {
    const src = await create('audited', http('/paged'));
    for (const [method, url] of [
      ['GET', ''],
      ['GET', `/${src.id}`],
      ['POST', `/${src.id}/run`],
      ['DELETE', `/${src.id}`],
    ] as const) {
      expect((await api(viewer, method, url)).statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await api(admin, 'GET', `/${src.id}`)).statusCode).toBe(200);
    await t.services.ledger.drain();
    const actions = await sql<{
      body: Uint8Array;
    }>`select body from ledger.entry order by idx desc limit 50`.execute(t.services.db);
    const entries = actions.rows.map((r) => JSON.parse(Buffer.from(r.body).toString()));
    expect(
      entries.find((e) => e.action === 'ingest.source_create' && e.details.source === src.id),
    ).toMatchObject({
      dataset: 'GA-PULL-01',
      details: { name: 'audited', kind: 'http', at: base.replace('http://', '') },
    });
    expect(entries.some((e) => e.action === 'ingest.source_run')).toBe(true);
    expect(entries.some((e) => e.action === 'ingest.source_update')).toBe(true);
    expect((await api(officer, 'DELETE', `/${src.id}`)).statusCode).toBe(204);
    expect((await api(officer, 'GET', `/${src.id}`)).statusCode).toBe(404);
  });
});
