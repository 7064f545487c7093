import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFixture, PASSWORD } from './access.fixtures.ts';

let f: Awaited<ReturnType<typeof accessFixture>>;
beforeAll(async () => {
  f = await accessFixture();
});
afterAll(() => f.t.close());

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('open data accounts', () => {
  it('signs up and in with an e-mail and a password, and refuses bad input with zh-CN and en messages', async () => {
    const bad = await f.inject({
      method: 'POST',
      url: '/api/v1/open/access/signup',
      payload: { email: 'not-an-email', password: 'short', displayName: '' },
    });
    expect(bad.statusCode).toBe(400);
    const fields = [...new Set((bad.json().errors as { field: string }[]).map((e) => e.field))].sort();
    expect(fields).toEqual(['displayName', 'email', 'password']);

    await f.signup('Dev@Example.com');
    const again = await f.inject({
      method: 'POST',
      url: '/api/v1/open/access/signup',
      headers: { 'accept-language': 'en' },
      payload: { email: 'dev@example.com', password: PASSWORD, displayName: 'x' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('This e-mail is already registered: dev@example.com; sign in instead');

    const wrong = await f.inject({
      method: 'POST',
      url: '/api/v1/open/access/login',
      payload: { email: 'dev@example.com', password: 'Wrong2026password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toBe('邮箱或密码错误');

    const ok = await f.inject({
      method: 'POST',
      url: '/api/v1/open/access/login',
      payload: { email: ' DEV@example.com ', password: PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'shuzhi_open_session');
    const me = await f.inject({
      url: '/api/v1/open/access/me',
      headers: { cookie: `shuzhi_open_session=${cookie?.value}` },
    });
    expect(me.json()).toMatchObject({ email: 'dev@example.com', organisation: '某大学' });
    expect((await f.inject({ url: '/api/v1/open/access/me' })).statusCode).toBe(401);
    // A staff session is not an open data account.
    const staff = await f.inject({ url: '/api/v1/open/access/keys', headers: { cookie: f.cookies.officer } });
    expect(staff.statusCode).toBe(401);
  });
});

describe('API keys', () => {
  it('creates at most five active keys, shows each once and stores only its SHA-256', async () => {
    const cookie = await f.signup('five@example.com');
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await f.newKey(cookie, `key ${i}`));
    expect(made[0]?.secret).toMatch(/^szk_[A-Za-z0-9_-]{32}$/);
    const sixth = await f.inject({
      method: 'POST',
      url: '/api/v1/open/access/keys',
      headers: { cookie },
      payload: { name: 'six' },
    });
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json()).toMatchObject({ code: 'api_key_limit' });
    expect(sixth.json().detail).toContain('最多可有 5 个');

    const stored = await sql<{ key_hash: string; prefix: string }>`
      select key_hash, prefix from open_access.api_key where id = ${made[0]?.key.id}`.execute(
      f.t.services.db,
    );
    expect(stored.rows[0]?.key_hash).toBe(sha256(made[0]?.secret as string));
    expect(made[0]?.secret.startsWith(stored.rows[0]?.prefix as string)).toBe(true);
    const dump = await sql<{
      t: string;
    }>`select row_to_json(k)::text as t from open_access.api_key k`.execute(f.t.services.db);
    for (const k of made) expect(dump.rows.some((r) => r.t.includes(k.secret))).toBe(false);

    const list = await f.inject({ url: '/api/v1/open/access/keys', headers: { cookie } });
    expect(list.json().items).toHaveLength(5);
    expect(JSON.stringify(list.json())).not.toContain(made[0]?.secret);

    const renamed = await f.inject({
      method: 'PATCH',
      url: `/api/v1/open/access/keys/${made[1]?.key.id}`,
      headers: { cookie },
      payload: { name: '数据分析脚本' },
    });
    expect(renamed.json().name).toBe('数据分析脚本');

    const revoked = await f.inject({
      method: 'POST',
      url: `/api/v1/open/access/keys/${made[0]?.key.id}/revoke`,
      headers: { cookie },
    });
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    await f.newKey(cookie, 'after revoking one');
  });

  it('keeps keys to their account', async () => {
    const mine = await f.signup('owner@example.com');
    const other = await f.signup('other@example.com');
    const { key } = await f.newKey(mine);
    for (const req of [
      { method: 'POST' as const, url: `/api/v1/open/access/keys/${key.id}/revoke` },
      { method: 'GET' as const, url: `/api/v1/open/access/keys/${key.id}/usage` },
      { method: 'PATCH' as const, url: `/api/v1/open/access/keys/${key.id}`, payload: { name: 'mine now' } },
    ]) {
      const res = await f.inject({ ...req, headers: { cookie: other } });
      expect(res.statusCode).toBe(404);
    }
    expect(
      (await f.inject({ url: '/api/v1/open/access/keys', headers: { cookie: other } })).json().items,
    ).toEqual([]);
  });

  it('reads open data with a key; counts each call per key and dataset; ledgers reads with the key', async () => {
    const cookie = await f.signup('reader@example.com');
    const { key, secret } = await f.newKey(cookie);
    const ckan = await f.inject({
      url: '/api/3/action/package_show?id=acc-open-01',
      headers: { authorization: secret },
    });
    expect(ckan.statusCode).toBe(200);
    const search = await f.inject({
      method: 'POST',
      url: '/api/3/action/datastore_search',
      headers: { 'x-api-key': secret },
      payload: { resource_id: 'acc-open-01', limit: 2 },
    });
    expect(search.json().result.records).toHaveLength(2);
    expect(
      (await f.inject({ url: '/api/3/action/package_search?q=监测站', headers: { 'x-api-key': secret } }))
        .statusCode,
    ).toBe(200);
    const csv = await f.inject({
      url: '/api/v1/open/datasets/ACC-OPEN-01/download.csv',
      headers: { 'x-api-key': secret },
    });
    expect(csv.statusCode).toBe(200);
    // Open fields only: graded fields stay out of unconditionally open data.
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFstation,city,pm25');
    const records = await f.inject({
      url: '/api/v1/open/datasets/ACC-OPEN-01/records?filters={"city":"杭州"}',
      headers: { 'x-api-key': secret },
    });
    expect(records.json()).toMatchObject({
      total: 2,
      fields: [{ name: 'station' }, { name: 'city' }, { name: 'pm25' }],
    });
    const missing = await f.inject({
      url: '/api/3/action/package_show?id=nope',
      headers: { 'x-api-key': secret },
    });
    expect(missing.statusCode).toBe(404);

    const usage = await f.inject({ url: `/api/v1/open/access/keys/${key.id}/usage`, headers: { cookie } });
    const byDataset = Object.fromEntries(
      (usage.json().items as { dataset: string; calls: number; errors: number }[]).map((u) => [
        u.dataset,
        [u.calls, u.errors],
      ]),
    );
    expect(byDataset).toEqual({ 'ACC-OPEN-01': [4, 0], '': [1, 1] });
    const listed = (await f.inject({ url: '/api/v1/open/access/keys', headers: { cookie } })).json().items[0];
    expect(listed).toMatchObject({ callsToday: 5, calls30d: 5 });
    expect(listed.lastUsedAt).not.toBeNull();

    const withKey = (entries: Record<string, unknown>[]) =>
      entries.filter((e) => (e.details as { api_key?: string } | undefined)?.api_key === key.id);
    expect(withKey(await f.ledger('open.datastore_search'))).toHaveLength(1);
    expect(withKey(await f.ledger('open.download'))).toMatchObject([{ dataset: 'ACC-OPEN-01' }]);
    expect(withKey(await f.ledger('open.records'))).toMatchObject([
      { dataset: 'ACC-OPEN-01', fields: ['city', 'pm25', 'station'] },
    ]);
  });

  it('fails a revoked key on the next call with 401 and a reason in zh-CN and en', async () => {
    const cookie = await f.signup('revoker@example.com');
    const { key, secret } = await f.newKey(cookie);
    const url = '/api/3/action/package_show?id=acc-open-01';
    expect((await f.inject({ url, headers: { authorization: secret } })).statusCode).toBe(200);
    await f.inject({ method: 'POST', url: `/api/v1/open/access/keys/${key.id}/revoke`, headers: { cookie } });

    const zh = await f.inject({ url, headers: { authorization: secret } });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toMatchObject({ success: false, error: { __type: 'Authorization Error' } });
    expect(zh.json().error.message).toMatch(/^Access denied: 该 API 密钥已于 .+ 吊销/);
    const en = await f.inject({
      url: '/api/v1/open/datasets/ACC-OPEN-01/records',
      headers: { 'x-api-key': secret, 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(401);
    expect(en.json()).toMatchObject({ code: 'api_key_revoked' });
    expect(en.json().detail).toMatch(/^This API key was revoked at /);
    const download = await f.inject({
      url: '/api/v1/open/datasets/ACC-OPEN-01/download.json',
      headers: { 'x-api-key': secret },
    });
    expect(download.statusCode).toBe(401);

    const unknown = await f.inject({ url, headers: { 'x-api-key': 'szk_not-a-key-at-all' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toContain('API 密钥无效');
    // Without a key the same call stays anonymous and works.
    expect((await f.inject({ url })).statusCode).toBe(200);
  });
});

describe('rate limits', () => {
  it('gives a caller with a key the higher limit, per key', async () => {
    const g = await accessFixture({ SHUZHI_OPEN_RATE_PER_MINUTE: '3', SHUZHI_OPEN_KEY_RATE_PER_MINUTE: '8' });
    try {
      const url = '/api/3/action/package_show?id=acc-open-01';
      const statuses = async (n: number, headers: Record<string, string>) => {
        const out: number[] = [];
        for (let i = 0; i < n; i++) out.push((await g.inject({ url, headers })).statusCode);
        return out;
      };
      expect(await statuses(4, {})).toEqual([200, 200, 200, 429]);
      const cookie = await g.signup('fast@example.com');
      const { key, secret } = await g.newKey(cookie);
      expect(await statuses(9, { 'x-api-key': secret })).toEqual([...Array(8).fill(200), 429]);
      // Another key of the same person has its own budget.
      const second = await g.newKey(cookie, 'second');
      expect(await statuses(1, { 'x-api-key': second.secret })).toEqual([200]);
      const usage = await g.inject({ url: `/api/v1/open/access/keys/${key.id}/usage`, headers: { cookie } });
      expect(usage.json().items).toEqual([
        expect.objectContaining({ dataset: '', calls: 0, errors: 1 }),
        expect.objectContaining({ dataset: 'ACC-OPEN-01', calls: 8, errors: 0 }),
      ]);
    } finally {
      await g.t.close();
    }
  });
});
