import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/harness.ts';

let t: TestContext;
let admin: string;
let orgs: { id: string; name: string }[];
const orgId = (name: string) => orgs.find((o) => o.name === name)!.id;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('admin');
  orgs = (await t.app.inject({ url: '/api/v1/orgs?limit=200' })).json().items;
});
afterAll(() => t.close());

const as = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('user administration', () => {
  it('creates a user whose roles take effect at login, with a forced password change', async () => {
    const res = await as(admin, 'POST', '/api/v1/auth/users', {
      username: 'grid.worker',
      displayName: '网格员小王',
      password: 'Start2026pass',
      grants: [{ orgId: orgId('西湖区人民政府'), role: 'handler', areaCode: '330106004' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().grants).toEqual([
      { orgId: orgId('西湖区人民政府'), orgName: '西湖区人民政府', role: 'handler', areaCode: '330106004' },
    ]);
    const me = (
      await t.app.inject({
        url: '/api/v1/auth/me',
        headers: { cookie: await t.login('grid.worker', 'Start2026pass') },
      })
    ).json();
    expect(me).toMatchObject({ roles: ['handler'], areaCode: '330106004', mustChangePassword: true });
  });

  it('rejects duplicates, unknown organisations and areas outside the organisation', async () => {
    const base = { displayName: '某人', password: 'Start2026pass' };
    const dup = await as(admin, 'POST', '/api/v1/auth/users', {
      ...base,
      username: 'viewer',
      grants: [{ orgId: orgId('杭州市民政局'), role: 'viewer' }],
    });
    expect(dup.statusCode).toBe(409);
    const noOrg = await as(admin, 'POST', '/api/v1/auth/users', {
      ...base,
      username: 'no.org',
      grants: [{ orgId: '01900000-0000-7000-8000-000000000000', role: 'viewer' }],
    });
    expect(noOrg.statusCode).toBe(404);
    const outside = await as(admin, 'POST', '/api/v1/auth/users', {
      ...base,
      username: 'outside',
      grants: [{ orgId: orgId('西湖区人民政府'), role: 'handler', areaCode: '330102001' }],
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('out_of_area');
    const badName = await as(admin, 'POST', '/api/v1/auth/users', {
      ...base,
      username: 'Has Spaces',
      grants: [{ orgId: orgId('杭州市民政局'), role: 'viewer' }],
    });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().errors[0].field).toBe('username');
    const list = (await as(admin, 'GET', '/api/v1/auth/users?q=outside')).json();
    expect(list.items).toEqual([]);
  });

  it('pages users by cursor and filters by organisation', async () => {
    const first = (await as(admin, 'GET', '/api/v1/auth/users?limit=3')).json();
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBeTruthy();
    const second = (await as(admin, 'GET', `/api/v1/auth/users?limit=3&cursor=${first.nextCursor}`)).json();
    const names = [...first.items, ...second.items].map((u: { username: string }) => u.username);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
    const xihu = (await as(admin, 'GET', `/api/v1/auth/users?orgId=${orgId('西湖区人民政府')}`)).json().items;
    expect(xihu.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['clerk', 'commander', 'handler']),
    );
    expect(xihu.map((u: { username: string }) => u.username)).not.toContain('admin');
    expect((await as(admin, 'GET', '/api/v1/auth/users?cursor=garbage')).statusCode).toBe(400);
  });

  it('disables a user, ending their sessions, and re-enables them', async () => {
    const viewerSession = await t.login('viewer');
    const viewer = (await as(admin, 'GET', '/api/v1/auth/users?q=viewer')).json().items[0];
    const off = await as(admin, 'PATCH', `/api/v1/auth/users/${viewer.id}`, { status: 'disabled' });
    expect(off.json().status).toBe('disabled');
    expect(
      (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: viewerSession } })).statusCode,
    ).toBe(401);
    const attempt = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'viewer', password: 'Demo2026shuzhi' },
    });
    expect(attempt.statusCode).toBe(403);
    expect(attempt.json().code).toBe('account_disabled');
    await as(admin, 'PATCH', `/api/v1/auth/users/${viewer.id}`, { status: 'active' });
    await t.login('viewer');
  });

  it('resets a password to a one-time one that must be changed', async () => {
    const clerk = (await as(admin, 'GET', '/api/v1/auth/users?q=clerk')).json().items[0];
    const res = await as(admin, 'POST', `/api/v1/auth/users/${clerk.id}/reset-password`, {});
    const { password } = res.json();
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const me = (
      await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: await t.login('clerk', password) } })
    ).json();
    expect(me.mustChangePassword).toBe(true);
  });

  it('never leaves the platform without an active admin', async () => {
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: admin } })).json();
    const disable = await as(admin, 'PATCH', `/api/v1/auth/users/${me.user.id}`, { status: 'disabled' });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().code).toBe('last_admin');
    const demote = await as(admin, 'PATCH', `/api/v1/auth/users/${me.user.id}`, {
      grants: [{ orgId: me.org.id, role: 'viewer' }],
    });
    expect(demote.statusCode).toBe(409);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: admin } })).json().roles).toEqual(
      ['platform_admin'],
    );
  });

  it('is closed to everyone but the platform admin', async () => {
    for (const who of ['officer', 'commander', 'auditor']) {
      const cookie = await t.login(who);
      expect((await as(cookie, 'GET', '/api/v1/auth/users')).statusCode).toBe(403);
      const create = await as(cookie, 'POST', '/api/v1/auth/users', {
        username: `sneaky.${who}`,
        displayName: 'x',
        password: 'Start2026pass',
        grants: [{ orgId: orgId('杭州市公安局'), role: 'platform_admin' }],
      });
      expect(create.statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/v1/auth/users' })).statusCode).toBe(401);
    expect((await as(admin, 'GET', '/api/v1/auth/users?q=sneaky')).json().items).toEqual([]);
  });
});

describe('API clients', () => {
  it('exchanges client credentials for a short-lived EdDSA token that acts for the client’s organisation', async () => {
    const created = await as(admin, 'POST', '/api/v1/auth/clients', {
      name: '公安数据共享应用',
      orgId: orgId('杭州市公安局'),
      roles: ['viewer'],
    });
    expect(created.statusCode).toBe(201);
    const { client, clientSecret } = created.json();
    expect(client.clientId).toMatch(/^sz_/);
    const listed = (await as(admin, 'GET', '/api/v1/auth/clients')).json().items;
    expect(JSON.stringify(listed)).not.toContain(clientSecret);

    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret },
    });
    expect(token.statusCode).toBe(200);
    expect(token.headers['cache-control']).toBe('no-store');
    const { access_token, expires_in, token_type } = token.json();
    expect(token_type).toBe('Bearer');
    expect(expires_in).toBe(15 * 60);
    const header = JSON.parse(Buffer.from(access_token.split('.')[0], 'base64url').toString());
    expect(header.alg).toBe('EdDSA');

    const bearer = { authorization: `Bearer ${access_token}` };
    const jobs = await t.app.inject({ url: '/api/v1/jobs', headers: bearer });
    expect(jobs.statusCode).toBe(200);
    const users = await t.app.inject({ url: '/api/v1/auth/users', headers: bearer });
    expect(users.statusCode).toBe(403);

    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${encodeURIComponent(clientSecret)}`,
    });
    expect(form.statusCode).toBe(200);

    expect((await as(admin, 'DELETE', `/api/v1/auth/clients/${client.id}`)).statusCode).toBe(204);
    const revoked = await t.app.inject({ url: '/api/v1/jobs', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('token_invalid');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret },
    });
    expect(again.statusCode).toBe(401);
  });

  it('rejects wrong secrets, forged tokens and platform-admin clients', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { grant_type: 'client_credentials', client_id: 'sz_unknown', client_secret: 'x' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('client_invalid');
    const forged = await t.app.inject({
      url: '/api/v1/jobs',
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' },
    });
    expect(forged.statusCode).toBe(401);
    const tooStrong = await as(admin, 'POST', '/api/v1/auth/clients', {
      name: 'root app',
      orgId: orgId('杭州市公安局'),
      roles: ['platform_admin'],
    });
    expect(tooStrong.statusCode).toBe(400);
  });
});
