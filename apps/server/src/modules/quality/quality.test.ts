import type { QualityRule, RuleResult } from '@shuzhi/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { call, counts, qualityWorld, resultOf } from './test-fixtures.ts';

const CODE = 'GA-QT-01';

let t: TestContext;
let w: Awaited<ReturnType<typeof qualityWorld>>;
let admin: string;
let officer: string;
let civilOfficer: string;
let persons: string;
let communities: string;
const rules = (cookie?: string) => w.rules(cookie);
const startAndRun = (datasetId?: string, cookie?: string) => w.startAndRun(datasetId, cookie);
const problems = (cookie?: string) => w.problems(cookie);

beforeAll(async () => {
  t = await createTestContext();
  w = await qualityWorld(t, CODE);
  ({ admin, officer, civilOfficer, persons, communities } = w);
}, 120_000);
afterAll(() => t.close());

describe('quality runs', () => {
  it('proposes default rules on the first check and finds exactly the checksum defects', async () => {
    expect(await rules()).toEqual([]);
    await startAndRun();
    const suggested = await rules();
    expect(suggested.map((r) => `${r.kind}:${r.field ?? ''}`).sort()).toEqual([
      'credit_code:dwdm',
      'freshness:',
      'mobile:sjh',
      'required:sfzh',
      'resident_id:sfzh',
      'unique:sfzh',
    ]);
    expect(suggested.every((r) => r.suggested && r.enabled)).toBe(true);

    const d = await problems();
    expect(d.status).toBe('succeeded');
    expect(d.rowCount).toBe(6);
    expect(d.samplesMasked).toBe(false);
    expect(counts(resultOf(d, 'required', 'sfzh'))).toEqual([6, 0]);
    expect(counts(resultOf(d, 'unique', 'sfzh'))).toEqual([6, 0]);
    const id = resultOf(d, 'resident_id', 'sfzh');
    expect(counts(id)).toEqual([6, 3]);
    expect(id.reasons).toEqual({ lowercase_x: 1, check_char: 1, area_retired: 1 });
    expect(id.samples.map((s) => [s.key.sfzh, s.reason]).sort()).toEqual([
      ['110105194912310021', 'check_char'],
      ['330103202201050036', 'area_retired'],
      ['33010619900101123x', 'lowercase_x'],
    ]);
    expect(counts(resultOf(d, 'mobile', 'sjh'))).toEqual([5, 1]);
    expect(resultOf(d, 'mobile', 'sjh').reasons).toEqual({ prefix: 1 });
    const cc = resultOf(d, 'credit_code', 'dwdm');
    expect(counts(cc)).toEqual([5, 2]);
    expect(cc.reasons).toEqual({ check_char: 1, lowercase: 1 });
    expect(counts(resultOf(d, 'freshness', null))).toEqual([6, 0]);
    // Validity: (0.5 + 0.8 + 0.6) / 3; completeness, uniqueness and timeliness are perfect.
    expect(d.scores).toEqual({
      overall: 90.8,
      completeness: 100,
      validity: 63.3,
      uniqueness: 100,
      consistency: null,
      timeliness: 100,
    });
    expect(d.problems).toBe(6);
  });

  it('evaluates every other rule kind set-based in SQL', async () => {
    const add = async (body: Record<string, unknown>, cookie = officer) => {
      const res = await call(t, cookie, 'POST', `/datasets/${persons}/rules`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as QualityRule;
    };
    await add({ kind: 'required', field: 'xm' });
    await add({ kind: 'length', field: 'xm', params: { min: 2, max: 4 } });
    await add({ kind: 'enum', field: 'xb', params: { values: ['男', '女'] } });
    await add({ kind: 'range', field: 'nl', params: { min: 0, max: 150 } });
    await add({ kind: 'range', field: 'csrq', params: { min: '1900-01-01', max: '2026-12-31' } });
    const pattern = await add({
      kind: 'pattern',
      field: 'zt',
      params: { regex: '^(正常|注销)$' },
      severity: 'warning',
    });
    expect(pattern.dimension).toBe('validity');
    await add({ kind: 'reference', field: 'sqdm', params: { datasetId: communities } });
    await add({ kind: 'unique', field: 'sjh' });
    const custom = await add(
      {
        kind: 'custom_sql',
        params: {
          sql: `select sfzh from data."GA-QT-01" where nl > 100 and xb = '女' -- the old women`,
          dimension: 'consistency',
          description: '百岁以上女性需复核',
        },
      },
      admin,
    );
    expect(custom).toMatchObject({ field: null, dimension: 'consistency' });
    await startAndRun();

    const d = await problems();
    expect(counts(resultOf(d, 'required', 'xm'))).toEqual([6, 1]); // the ideographic space is blank
    expect(counts(resultOf(d, 'length', 'xm'))).toEqual([5, 1]);
    expect(counts(resultOf(d, 'enum', 'xb'))).toEqual([6, 1]);
    expect(counts(resultOf(d, 'range', 'nl'))).toEqual([6, 2]);
    expect(counts(resultOf(d, 'range', 'csrq'))).toEqual([6, 2]);
    expect(counts(resultOf(d, 'pattern', 'zt'))).toEqual([6, 1]);
    expect(counts(resultOf(d, 'reference', 'sqdm'))).toEqual([6, 1]);
    expect(resultOf(d, 'reference', 'sqdm').samples.map((s) => s.values.sqdm)).toEqual(['330106999999']);
    const dup = resultOf(d, 'unique', 'sjh');
    expect(counts(dup)).toEqual([5, 2]);
    expect(dup.samples.map((s) => s.key.sfzh).sort()).toEqual(['11010519491231002X', '33010619900101123x']);
    const sqlCheck = resultOf(d, 'custom_sql', null);
    expect(counts(sqlCheck)).toEqual([6, 2]);
    expect(sqlCheck.samples.map((s) => s.key.sfzh)).toEqual(['110105194912310021', '440524188001010014']);
    expect(sqlCheck.samples[0]?.values).toMatchObject({ xm: '赵六六六六', nl: '200' });
    // Errors before warnings, most offending rows first.
    expect(d.results.at(-1)?.severity).toBe('warning');
    expect(d.scores).toEqual({
      overall: 83.4,
      completeness: 91.7, // (1 + 5/6) / 2
      validity: 70.4, // 8 rules, the pattern rule a warning (half weight)
      uniqueness: 80, // (1 + 3/5) / 2
      consistency: 75, // (5/6 + 4/6) / 2
      timeliness: 100,
    });
  });

  it('counts rows not delivered within the update frequency as stale', async () => {
    const ds = await t.services.catalog.findDatasetById(persons);
    await sql`update data."GA-QT-01" set _loaded_at = now() - interval '3 days'
              where sfzh in ('11010519491231002X', '440524188001010014')`.execute(t.services.db);
    expect(ds?.updateFrequency).toBe('daily'); // 48 hours allowed
    await startAndRun();
    const fresh = resultOf(await problems(), 'freshness', null);
    expect(counts(fresh)).toEqual([6, 2]);
    expect(fresh.details).toEqual([{ maxAgeHours: 48 }]);
    expect(fresh.samples[0]?.values._loaded_at).toBeTruthy();
  });

  it('lets the officer disable a suggested rule, and keeps runs and score history', async () => {
    const freshness = (await rules()).find((r) => r.kind === 'freshness') as QualityRule;
    const off = await call(t, officer, 'PATCH', `/rules/${freshness.id}`, { enabled: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false, suggested: true });
    await startAndRun();
    const d = await problems();
    expect(d.results.some((r) => r.kind === 'freshness')).toBe(false);
    expect(d.scores.timeliness).toBeNull();

    const runs = (await call(t, officer, 'GET', `/datasets/${persons}/runs?limit=2`)).json();
    expect(runs.items).toHaveLength(2);
    expect(runs.nextCursor).toBeTruthy();
    const q = (await call(t, civilOfficer, 'GET', `/datasets/${persons}`)).json();
    expect(q.history.length).toBe(4);
    expect(q.latest.scores.timeliness).toBeNull();
    expect(q).toMatchObject({ canManage: false, canSeeProblems: false, active: null });
  });

  it('refuses bad rules with a precise message and changes nothing', async () => {
    const before = (await rules()).length;
    const bad: [Record<string, unknown>, string, number?][] = [
      [{ kind: 'pattern', field: 'zt', params: { regex: '(unclosed' } }, 'quality_bad_pattern'],
      [{ kind: 'range', field: 'xm', params: { min: 1 } }, 'quality_range_type'],
      [{ kind: 'range', field: 'nl', params: { min: '1900-01-01' } }, 'quality_range_type'],
      [{ kind: 'range', field: 'nl', params: { min: 10, max: 5 } }, 'quality_range_order'],
      [{ kind: 'range', field: 'csrq', params: { min: '2026-02-30x' } }, 'quality_range_type'],
      [{ kind: 'resident_id', field: 'nl' }, 'quality_needs_text'],
      [{ kind: 'enum', field: 'nope', params: { values: ['a'] } }, 'quality_unknown_field'],
      [{ kind: 'required', field: 'xm', params: { blank: true } }, 'validation_failed'],
      [{ kind: 'length', field: 'xm', params: {} }, 'validation_failed'],
      [{ kind: 'reference', field: 'sqdm', params: { datasetId: persons } }, 'quality_reference_self'],
      [{ kind: 'freshness', field: 'xm' }, 'validation_failed'],
    ];
    for (const [body, code] of bad) {
      const res = await call(t, officer, 'POST', `/datasets/${persons}/rules`, body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(400);
      expect(res.json().code).toBe(code);
    }
    const zh = await t.app.inject({
      method: 'POST',
      url: `/api/v1/quality/datasets/${persons}/rules`,
      headers: { cookie: officer, 'accept-language': 'zh-CN' },
      payload: { kind: 'range', field: 'nl', params: { min: 10, max: 5 } },
    });
    expect(zh.json().detail).toBe('范围下限 10 大于上限 5');
    const sqlBad: [string, RegExp][] = [
      ['delete from data."GA-QT-01"', /SELECT or WITH/],
      ['select sfzh from data."GA-QT-01"; select 1', /one statement/],
      ['select 1 as x', /sfzh/],
      [
        'with gone as (delete from data."GA-QT-01" returning sfzh) select sfzh from gone',
        /data-modifying|read-only/,
      ],
    ];
    for (const [text, why] of sqlBad) {
      const res = await call(t, admin, 'POST', `/datasets/${persons}/rules`, {
        kind: 'custom_sql',
        params: { sql: text },
      });
      expect(res.statusCode, `${text} ${res.body}`).toBe(400);
      expect(res.json().code).toBe('quality_sql_invalid');
      expect(res.json().detail).toMatch(why);
    }
    expect((await rules()).length).toBe(before);
    const rows = await sql<{ n: number }>`select count(*)::int as n from data."GA-QT-01"`.execute(
      t.services.db,
    );
    expect(rows.rows[0]?.n).toBe(6);
  });

  it('runs custom checks read-only: a check that writes is reported against its rule', async () => {
    // Only running it tells that it writes (it passes the dry run, which reads no rows).
    const sneaky = await call(t, admin, 'POST', `/datasets/${persons}/rules`, {
      kind: 'custom_sql',
      params: { sql: `select sfzh from data."GA-QT-01" where nextval('datastore.change_seq') > 0` },
    });
    expect(sneaky.statusCode, sneaky.body).toBe(201);
    const seq = async () =>
      (
        await sql<{ v: string }>`select last_value::text as v from datastore.change_seq`.execute(
          t.services.db,
        )
      ).rows[0]?.v;
    const before = await seq();
    await startAndRun();
    const r = (await problems()).results.find((x) => x.ruleId === sneaky.json().id) as RuleResult;
    expect(r.error).toMatch(/read-only/);
    expect(await seq()).toBe(before);
    await call(t, admin, 'DELETE', `/rules/${sneaky.json().id}`);
  });

  it('reports a rule that cannot run without failing the run', async () => {
    const extra = await publishDataset(
      t,
      { officer, admin },
      {
        code: 'GA-QT-REF',
        name: '临时参照',
        fields: [{ name: 'dm', title: '代码', type: 'string', key: true }],
      },
    );
    const ref = await call(t, officer, 'POST', `/datasets/${persons}/rules`, {
      kind: 'reference',
      field: 'zt',
      params: { datasetId: extra },
    });
    expect(ref.statusCode, ref.body).toBe(201);
    const retired = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/datasets/${extra}/retire`,
      headers: { cookie: officer },
      payload: {},
    });
    expect(retired.statusCode, retired.body).toBe(200);
    await startAndRun();
    const d = await problems();
    expect(d.status).toBe('succeeded');
    const broken = d.results.find((r) => r.ruleId === ref.json().id) as RuleResult;
    expect(broken.error).toMatch(/未找到数据集.*Dataset not found/);
    expect(broken.passRate).toBeNull();
    await call(t, officer, 'DELETE', `/rules/${ref.json().id}`);
  });
});
