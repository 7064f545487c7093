import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ SHUZHI_LOCKOUT_THRESHOLD: '3' });
});
afterAll(() => t.close());

const login = (username: string, password: string, lang = 'zh-CN') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'accept-language': lang },
    payload: { username, password },
  });

describe('staff login and sessions', () => {
  it('opens an httpOnly, SameSite session and tells who is signed in', async () => {
    const res = await login('commander', 'Demo2026shuzhi');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'shuzhi_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = (
      await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: `shuzhi_session=${cookie?.value}` } })
    ).json();
    expect(me).toMatchObject({
      roles: ['commander'],
      areaCode: '330106',
      areaName: '西湖区',
      mustChangePassword: false,
    });
    expect(me.org.name).toBe('西湖区人民政府');
  });

  it('narrows a grant to its area (the handler works one street)', async () => {
    const me = (
      await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: await t.login('handler') } })
    ).json();
    expect(me).toMatchObject({ areaCode: '330106002', areaName: '北山街道' });
  });

  it('says the same thing for an unknown user and a wrong password', async () => {
    const unknown = await login('nobody', 'whatever123', 'en');
    const wrong = await login('viewer', 'wrong-password-1', 'en');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().detail).toBe('Wrong username or password');
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks an account after repeated failures, even against the right password', async () => {
    expect((await login('auditor', 'bad-password-1')).statusCode).toBe(401);
    expect((await login('auditor', 'bad-password-2')).statusCode).toBe(401);
    const third = await login('auditor', 'bad-password-3');
    expect(third.statusCode).toBe(423);
    expect(third.json().code).toBe('account_locked');
    const right = await login('auditor', 'Demo2026shuzhi');
    expect(right.statusCode).toBe(423);
    expect(right.json().detail).toMatch(/^登录失败次数过多，账号已锁定至 \d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('ends the session at logout', async () => {
    const cookie = await t.login('clerk');
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('ignores forged session cookies', async () => {
    const res = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: 'shuzhi_session=forged' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('checks the current password and the policy, then ends other sessions', async () => {
    const a = await t.login('approver');
    const b = await t.login('approver');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: a },
      payload: { currentPassword: 'nope', newPassword: 'NewPassword2027' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('password_incorrect');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: a },
      payload: { currentPassword: 'Demo2026shuzhi', newPassword: 'short1' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('newPassword');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: a },
      payload: { currentPassword: 'Demo2026shuzhi', newPassword: 'NewPassword2027' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: a } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: b } })).statusCode).toBe(401);
    expect((await login('approver', 'Demo2026shuzhi')).statusCode).toBe(401);
    expect((await login('approver', 'NewPassword2027')).statusCode).toBe(200);
  });
});

describe('organisations of a user', () => {
  it('switches the acting organisation only to one the user belongs to', async () => {
    const admin = await t.login('admin');
    const orgs = (await t.app.inject({ url: '/api/v1/orgs?limit=200' })).json().items as {
      id: string;
      name: string;
    }[];
    const police = orgs.find((o) => o.name === '杭州市公安局')!;
    const xihu = orgs.find((o) => o.name === '西湖区人民政府')!;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/users',
      headers: { cookie: admin },
      payload: {
        username: 'two.orgs',
        displayName: '双机构用户',
        password: 'Initial2026pass',
        grants: [
          { orgId: police.id, role: 'viewer' },
          { orgId: xihu.id, role: 'handler' },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const cookie = await t.login('two.orgs', 'Initial2026pass');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json();
    expect(me.memberships).toHaveLength(2);
    expect(me.mustChangePassword).toBe(true);
    const other = me.org.id === police.id ? xihu : police;
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/switch-org',
      headers: { cookie },
      payload: { orgId: other.id },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().org.id).toBe(other.id);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json().org.id).toBe(
      other.id,
    );
    const foreign = orgs.find((o) => o.name === '杭州市教育局')!;
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/switch-org',
      headers: { cookie },
      payload: { orgId: foreign.id },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('not_member');
  });
});

describe('login rate limit', () => {
  it('answers 429 with a problem once the per-minute budget is spent', async () => {
    const limited = await createTestContext({ SHUZHI_LOGIN_RATE_PER_MINUTE: '2' });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'x', password: 'y' },
        });
      expect((await attempt()).statusCode).toBe(401);
      expect((await attempt()).statusCode).toBe(401);
      const third = await attempt();
      expect(third.statusCode).toBe(429);
      expect(third.json().code).toBe('rate_limited');
      expect(third.headers['retry-after']).toBeTruthy();
      expect(third.json().detail).toMatch(/^请求过于频繁，请 \d+ 秒后再试$/);
      expect(third.json().title).toBe('Too many requests');
    } finally {
      await limited.close();
    }
  });
});
