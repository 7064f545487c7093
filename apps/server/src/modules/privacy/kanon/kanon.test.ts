import type { KanonCheck } from '@shuzhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../testing/harness.ts';
import { maskAddress } from '../../masking/index.ts';
import { addUser, call, ledgerSince, ledgerSize, people, personsDataset, runJobs } from '../test-fixtures.ts';

let t: TestContext;
let officer: string;
let admin: string;
let id: string;
const rows = people(40);

beforeAll(async () => {
  t = await createTestContext();
  [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
  id = await personsDataset(t, { officer, admin }, 'PRIV-KANON-01', rows);
});
afterAll(() => t.close());

async function check(): Promise<KanonCheck> {
  const started = await call(t, officer, 'POST', `/datasets/${id}/kanon/checks`);
  expect(started.statusCode, started.body).toBe(202);
  expect(started.json()).toMatchObject({ status: 'running', k: 5 });
  await runJobs(t);
  const done = await call(t, officer, 'GET', `/datasets/${id}/kanon/checks/${started.json().id}`);
  expect(done.statusCode).toBe(200);
  return done.json();
}

// The JavaScript reading of each generalisation, to check the SQL's suggestions independently.
const today = new Date();
const age = (birth: string) => {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = [today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
};
const column: Record<string, number> = { csrq: 1, xb: 2, zz: 3, nl: 4 };
function generalise(field: string, g: string | undefined, row: (string | number | boolean | null)[]): string {
  const v = row[column[field] as number];
  switch (g) {
    case undefined:
      return String(v);
    case 'month':
      return String(v).slice(0, 7);
    case 'year':
      return String(v).slice(0, 4);
    case 'age5':
    case 'age10': {
      const w = g === 'age5' ? 5 : 10;
      return String(Math.floor(age(String(v)) / w) * w);
    }
    case 'band5':
    case 'band10': {
      const w = g === 'band5' ? 5 : 10;
      return String(Math.floor(Number(v) / w) * w);
    }
    case 'street':
      return maskAddress(String(v));
    default:
      return '';
  }
}
const smallestClass = (qis: string[], steps: { field: string; generalisation: string }[]) => {
  const classes = new Map<string, number>();
  for (const r of rows) {
    const key = qis.map((f) => generalise(f, steps.find((s) => s.field === f)?.generalisation, r)).join('|');
    classes.set(key, (classes.get(key) ?? 0) + 1);
  }
  return Math.min(...classes.values());
};

describe('k-anonymity before release', () => {
  it('offers each field the generalisations its kind allows, and refuses unknown fields', async () => {
    const res = await call(t, officer, 'GET', `/datasets/${id}/settings`);
    expect(res.statusCode).toBe(200);
    const byField = Object.fromEntries(
      res
        .json()
        .fields.map((f: { field: string; generalisations: string[] }) => [f.field, f.generalisations]),
    );
    expect(byField).toMatchObject({
      sfzh: ['age5', 'age10', 'drop'],
      csrq: ['month', 'year', 'age5', 'age10', 'drop'],
      xb: ['drop'],
      zz: ['street', 'drop'],
      nl: ['band5', 'band10', 'drop'],
    });
    expect(res.json()).toMatchObject({ k: 5, personal: true });

    const bad = await call(t, officer, 'PUT', `/datasets/${id}/quasi-identifiers`, {
      quasiIdentifiers: ['csrq', 'ghost'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'privacy_unknown_field' });
    const none = await call(t, officer, 'POST', `/datasets/${id}/kanon/checks`);
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('privacy_no_quasi_identifiers');
  });

  it('reports the smallest class and what is below k, and suggests generalisations that really reach k', async () => {
    const qis = ['csrq', 'xb', 'zz'];
    const before = await ledgerSize(t);
    const put = await call(t, officer, 'PUT', `/datasets/${id}/quasi-identifiers`, { quasiIdentifiers: qis });
    expect(put.statusCode).toBe(200);
    expect(
      put
        .json()
        .fields.filter((f: { marked: boolean }) => f.marked)
        .map((f: { field: string }) => f.field),
    ).toEqual(qis);

    const c = await check();
    // Every birth date differs: 40 classes of one.
    expect(c).toMatchObject({
      status: 'done',
      rows: 40,
      classes: 40,
      smallestClass: 1,
      classesBelowK: 40,
      rowsBelowK: 40,
      passed: false,
      stale: false,
      sizeHistogram: [{ from: 1, to: 1, classes: 40, rows: 40 }],
    });
    expect(c.suggestions.length).toBeGreaterThan(0);
    const passing = c.suggestions.filter((s) => s.passes);
    expect(passing.length).toBeGreaterThan(0);
    for (const s of c.suggestions) {
      const js = smallestClass(qis, s.steps);
      expect(s.smallestClass, JSON.stringify(s.steps)).toBe(js);
      expect(s.passes).toBe(js >= 5);
    }
    // The walk ends with something still released: here sex, and the address down to its street.
    expect(passing.at(-1)?.steps).toEqual([
      { field: 'csrq', generalisation: 'drop' },
      { field: 'zz', generalisation: 'street' },
    ]);

    const entries = await ledgerSince(t, before);
    expect(entries.map((e) => e.action)).toEqual(['privacy.quasi_identifiers', 'privacy.kanon_check']);
    expect(entries[1]).toMatchObject({ dataset: 'PRIV-KANON-01', fields: [...qis].sort() });
  });

  it('passes when every class reaches k, and a load makes the check stale', async () => {
    await call(t, officer, 'PUT', `/datasets/${id}/quasi-identifiers`, { quasiIdentifiers: ['xb'] });
    const c = await check();
    // 14 women (i divisible by 3) and 26 men.
    expect(c).toMatchObject({
      classes: 2,
      smallestClass: 14,
      classesBelowK: 0,
      rowsBelowK: 0,
      passed: true,
      suggestions: [],
    });
    const { load } = await import('../test-fixtures.ts');
    await load(t, id, people(1, 40));
    const list = await call(t, officer, 'GET', `/datasets/${id}/kanon/checks`);
    expect(list.json().items[0]).toMatchObject({ id: c.id, stale: true });
  });

  it('is for the owner’s data officer and the admin only', async () => {
    const other = await addUser(t, 'kanon-civil-officer', 3, 'data_officer');
    const viewer = await addUser(t, 'kanon-police-viewer', 2, 'viewer');
    for (const cookie of [other.cookie, viewer.cookie]) {
      for (const [method, url] of [
        ['GET', `/datasets/${id}/settings`],
        ['POST', `/datasets/${id}/kanon/checks`],
        ['GET', `/datasets/${id}/kanon/checks`],
      ] as const) {
        const res = await call(t, cookie, method, url);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
      const put = await call(t, cookie, 'PUT', `/datasets/${id}/quasi-identifiers`, {
        quasiIdentifiers: ['xb'],
      });
      expect(put.statusCode).toBe(403);
    }
    expect((await call(t, admin, 'GET', `/datasets/${id}/kanon/checks`)).statusCode).toBe(200);
    expect((await call(t, '', 'GET', `/datasets/${id}/settings`)).statusCode).toBe(401);
  });
});
