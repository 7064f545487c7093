import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/harness.ts';

/**
 * Every protected route class: an anonymous caller gets 401, a signed-in actor without the role gets
 * 403, and the refused call changes nothing (checked per module in its own tests).
 */
const UUID = '01900000-0000-7000-8000-000000000000';
const protectedRoutes: {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object;
  allowed: string;
}[] = [
  { method: 'GET', url: '/api/v1/auth/users', allowed: 'admin' },
  { method: 'GET', url: `/api/v1/auth/users/${UUID}`, allowed: 'admin' },
  { method: 'PATCH', url: `/api/v1/auth/users/${UUID}`, payload: { displayName: 'x' }, allowed: 'admin' },
  { method: 'POST', url: `/api/v1/auth/users/${UUID}/reset-password`, payload: {}, allowed: 'admin' },
  { method: 'GET', url: '/api/v1/auth/clients', allowed: 'admin' },
  {
    method: 'POST',
    url: '/api/v1/auth/clients',
    payload: { name: 'app', orgId: UUID, roles: ['viewer'] },
    allowed: 'admin',
  },
  { method: 'DELETE', url: `/api/v1/auth/clients/${UUID}`, allowed: 'admin' },
  { method: 'PATCH', url: `/api/v1/orgs/${UUID}`, payload: { name: '某某' }, allowed: 'admin' },
  { method: 'POST', url: '/api/v1/areas/import', allowed: 'admin' },
  {
    method: 'POST',
    url: '/api/v1/areas/330106002999/grids',
    payload: { name: '网格' },
    allowed: 'commander',
  },
];

let t: TestContext;
let viewer: string;
beforeAll(async () => {
  t = await createTestContext();
  viewer = await t.login('viewer');
});
afterAll(() => t.close());

describe('protected routes', () => {
  for (const r of protectedRoutes) {
    it(`${r.method} ${r.url}: 401 anonymous, 403 without the role`, async () => {
      const anon = await t.app.inject({
        method: r.method,
        url: r.url,
        ...(r.payload ? { payload: r.payload } : {}),
      });
      expect(anon.statusCode).toBe(401);
      expect(anon.json().code).toBe('unauthenticated');
      const res = await t.app.inject({
        method: r.method,
        url: r.url,
        headers: { cookie: viewer },
        ...(r.payload ? { payload: r.payload } : {}),
      });
      expect(res.statusCode).toBe(403);
      expect(['forbidden', 'out_of_area']).toContain(res.json().code);
    });
  }

  it('needs a signed-in user for the session routes', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/auth/me'],
      ['GET', '/api/v1/jobs'],
      ['GET', `/api/v1/jobs/${UUID}`],
      ['POST', `/api/v1/jobs/${UUID}/cancel`],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });
});
