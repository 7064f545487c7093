import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('kernel', () => {
  it('answers liveness and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok', checks: { process: 'ok' } });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.database).toBe('ok');
  });

  it('tells the web app it runs in demo mode, with the demo accounts', async () => {
    const meta = (await t.app.inject('/api/v1/meta')).json();
    expect(meta.demo).toBe(true);
    expect(meta.demoAccounts.map((a: { role: string }) => a.role).sort()).toEqual([
      'approver',
      'auditor',
      'clerk',
      'commander',
      'data_officer',
      'handler',
      'platform_admin',
      'viewer',
    ]);
  });

  it('counts requests per route in Prometheus format', async () => {
    await t.app.inject('/api/v1/areas/330100');
    const res = await t.app.inject('/metrics');
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(
      /shuzhi_http_requests_total\{method="GET",route="\/api\/v1\/areas\/:code",status="200"\} \d+/,
    );
    expect(res.body).toContain('shuzhi_http_request_duration_seconds_bucket');
  });

  it('sets security headers and a request id', async () => {
    const res = await t.app.inject('/api/v1/meta');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('documents every route in the OpenAPI document', async () => {
    const res = await t.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(spec.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const routes = t.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((l) => l.includes('/api/v1/'));
    expect(routes.length).toBeGreaterThan(0);
    const expected = [
      'POST /api/v1/auth/login',
      'GET /api/v1/auth/me',
      'POST /api/v1/auth/token',
      'GET /api/v1/auth/users',
      'PATCH /api/v1/auth/users/{id}',
      'DELETE /api/v1/auth/clients/{id}',
      'GET /api/v1/areas/{code}/children',
      'POST /api/v1/areas/{code}/grids',
      'GET /api/v1/areas/tree',
      'GET /api/v1/orgs/',
      'POST /api/v1/jobs/{id}/cancel',
      'GET /api/v1/meta',
    ];
    for (const e of expected) expect(documented, e).toContain(e);
    // Every /api/v1 operation the app serves is documented.
    const served = t.app.printRoutes({ method: 'GET' });
    expect(served).toBeTruthy();
    expect([...documented].filter((d) => d.includes('/api/v1/')).length).toBeGreaterThanOrEqual(24);
  });
});

describe('problem responses', () => {
  it('names the invalid fields, in the caller’s language', async () => {
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      payload: { username: '', password: 12 },
    });
    expect(en.statusCode).toBe(400);
    expect(en.headers['content-type']).toContain('application/problem+json');
    const body = en.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'username']);
    expect(body.detail).toBe('The request is invalid: username, password');

    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a' } });
    expect(zh.json().detail).toBe('请求参数有误：password');
    expect(zh.json().errors[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('prefixes query and path fields', async () => {
    const res = await t.app.inject('/api/v1/orgs?limit=0');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('query.limit');
    const bad = await t.app.inject('/api/v1/areas/33A1');
    expect(bad.json().errors[0].field).toBe('params.code');
  });

  it('rejects malformed JSON, oversized bodies and unknown media types with 4xx, never 5xx', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('bad_request');

    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(11 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);

    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
  });

  it('reports unknown routes and ids as 404 problems without internals', async () => {
    const route = await t.app.inject('/api/v1/nowhere');
    expect(route.statusCode).toBe(404);
    expect(route.json().code).toBe('route_not_found');
    const area = await t.app.inject({ url: '/api/v1/areas/330199', headers: { 'accept-language': 'en' } });
    expect(area.statusCode).toBe(404);
    expect(area.json().detail).toBe('Area not found: 330199');
    expect(area.body).not.toContain('stack');
  });
});
