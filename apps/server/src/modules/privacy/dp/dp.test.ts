import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../testing/harness.ts';
import { addUser, call, ledgerSince, ledgerSize, people, personsDataset } from '../test-fixtures.ts';

let t: TestContext;
let officer: string;
let admin: string;
let id: string;
const rows = people(60);

beforeAll(async () => {
  t = await createTestContext();
  [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
  id = await personsDataset(t, { officer, admin }, 'PRIV-DP-01', rows);
});
afterAll(() => t.close());

const release = (body: Record<string, unknown>, cookie = officer) =>
  call(t, cookie, 'POST', `/datasets/${id}/dp/releases`, { purpose: '统计公报', ...body });
const budget = async () => (await call(t, officer, 'GET', `/datasets/${id}/dp/budget`)).json();
const releases = async () =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from privacy.dp_release`.execute(t.services.db)).rows[0]
      ?.n,
  );

describe('differentially private statistics', () => {
  it('needs a budget, then answers with noise and spends ε, each release in the ledger', async () => {
    const none = await release({ kind: 'count', epsilon: 0.5 });
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('privacy_no_budget');

    const put = await call(t, officer, 'PUT', `/datasets/${id}/dp/budget`, { epsilonTotal: 3 });
    expect(put.json()).toMatchObject({ epsilonTotal: 3, epsilonSpent: 0, epsilonRemaining: 3 });
    const before = await ledgerSize(t);

    const count = await release({ kind: 'count', epsilon: 1 });
    expect(count.statusCode, count.body).toBe(201);
    expect(count.json()).toMatchObject({
      kind: 'count',
      epsilon: 1,
      noiseScale: 1,
      values: [{ group: null }],
    });
    // Scale 1: |noise| > 30 has probability e^−30.
    expect(Math.abs(count.json().values[0].value - 60)).toBeLessThan(30);

    const incomes = rows.map((r) => Math.min(6000, Math.max(3000, r[5] as number)));
    const sum = await release({
      kind: 'sum',
      epsilon: 0.5,
      field: 'sr',
      bounds: { lower: 3000, upper: 6000 },
    });
    expect(sum.json()).toMatchObject({ noiseScale: 12000 });
    expect(Math.abs(sum.json().values[0].value - incomes.reduce((a, b) => a + b, 0))).toBeLessThan(
      12000 * 30,
    );

    const mean = await release({ kind: 'mean', epsilon: 0.5, field: 'nl', bounds: { lower: 0, upper: 120 } });
    const m = mean.json().values[0].value;
    expect(m).toBeGreaterThanOrEqual(0);
    expect(m).toBeLessThanOrEqual(120);

    const hist = await release({
      kind: 'histogram',
      epsilon: 0.5,
      groupBy: { field: 'xb', values: ['男', '女'] },
    });
    expect(hist.statusCode).toBe(201);
    expect(hist.json().values.map((v: { group: string | null }) => v.group)).toEqual(['男', '女', null]);
    const women = rows.filter((r) => r[2] === '女').length;
    expect(Math.abs(hist.json().values[1].value - women)).toBeLessThan(60);

    const bins = await release({
      kind: 'histogram',
      epsilon: 0.25,
      groupBy: { field: 'nl', bins: { start: 20, width: 20, count: 3 } },
    });
    expect(bins.json().values.map((v: { group: string | null }) => v.group)).toEqual([
      '[20, 40)',
      '[40, 60)',
      '[60, 80)',
      null,
    ]);

    expect(await budget()).toMatchObject({ epsilonSpent: 2.75, epsilonRemaining: 0.25 });
    const entries = (await ledgerSince(t, before)).filter((e) => e.action === 'privacy.dp_release');
    expect(entries).toHaveLength(5);
    expect(entries[1]).toMatchObject({ dataset: 'PRIV-DP-01', fields: ['sr'], purpose: '统计公报' });

    const list = await call(t, officer, 'GET', `/datasets/${id}/dp/releases?limit=2`);
    expect(list.json().items).toHaveLength(2);
    const next = await call(
      t,
      officer,
      'GET',
      `/datasets/${id}/dp/releases?limit=10&cursor=${list.json().nextCursor}`,
    );
    expect(next.json().items).toHaveLength(3);
    // A stored release is shown as released: asking again draws no new noise.
    expect(next.json().items.at(-1).values).toEqual(count.json().values);
  });

  it('refuses a query beyond the budget (409) and spends nothing', async () => {
    const n = await releases();
    const from = await ledgerSize(t);
    const over = await release({ kind: 'count', epsilon: 0.3 }, officer);
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'privacy_budget_exhausted' });
    expect(over.json().detail).toContain('剩余 ε = 0.25');
    expect(await budget()).toMatchObject({ epsilonSpent: 2.75 });
    expect(await releases()).toBe(n);
    // The refused attempt is in the ledger, as denied, with what it asked.
    expect((await ledgerSince(t, from)).filter((e) => e.action === 'privacy.dp_release')).toMatchObject([
      {
        result: 'denied',
        dataset: 'PRIV-DP-01',
        details: { kind: 'count', epsilon: 0.3, reason: 'privacy_budget_exhausted' },
      },
    ]);
    const lower = await call(t, officer, 'PUT', `/datasets/${id}/dp/budget`, { epsilonTotal: 1 });
    expect(lower.statusCode).toBe(409);
    expect(lower.json().code).toBe('privacy_budget_below_spent');
  });

  it('rejects bad queries with 400 before reading or spending anything', async () => {
    for (const body of [
      { kind: 'sum', epsilon: 0.1, field: 'xb', bounds: { lower: 0, upper: 1 } },
      { kind: 'sum', epsilon: 0.1, field: 'sr' },
      { kind: 'histogram', epsilon: 0.1 },
      { kind: 'histogram', epsilon: 0.1, groupBy: { field: 'xb', bins: { start: 0, width: 1, count: 2 } } },
      { kind: 'count', epsilon: 0.1, groupBy: { field: 'ghost', values: ['a'] } },
      { kind: 'count', epsilon: 0 },
      { kind: 'count', epsilon: 0.1234567 },
    ]) {
      const res = await release(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await budget()).toMatchObject({ epsilonSpent: 2.75 });
  });

  it('accounts exactly: a release goes through iff it fits what is left (property over random query sequences)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.array(fc.integer({ min: 1, max: 900_000 }), { minLength: 1, maxLength: 6 }),
        async (totalMicro, epsilons) => {
          await sql`delete from privacy.dp_budget where dataset_id = ${id}`.execute(t.services.db);
          await call(t, officer, 'PUT', `/datasets/${id}/dp/budget`, { epsilonTotal: totalMicro / 1e6 });
          let spent = 0;
          for (const e of epsilons) {
            const res = await release({ kind: 'count', epsilon: e / 1e6 });
            const fits = spent + e <= totalMicro;
            expect(res.statusCode).toBe(fits ? 201 : 409);
            if (fits) spent += e;
          }
          const b = await budget();
          expect(Math.round(b.epsilonSpent * 1e6)).toBe(spent);
          expect(Math.round(b.epsilonRemaining * 1e6)).toBe(totalMicro - spent);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('is for the owner’s data officer and the admin only', async () => {
    const other = await addUser(t, 'dp-civil-officer', 3, 'data_officer');
    expect((await call(t, other.cookie, 'GET', `/datasets/${id}/dp/budget`)).statusCode).toBe(403);
    expect((await release({ kind: 'count', epsilon: 0.1 }, other.cookie)).statusCode).toBe(403);
    expect((await call(t, other.cookie, 'GET', `/datasets/${id}/dp/releases`)).statusCode).toBe(403);
    expect((await call(t, admin, 'GET', `/datasets/${id}/dp/releases`)).statusCode).toBe(200);
  });
});
