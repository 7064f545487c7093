import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectText, expectVisible, useBrowser } from './support/browser.ts';
import { pickOption, signIn } from './support/shuzhi.ts';

const openPage = useBrowser();

async function signedIn(username: string): Promise<Page> {
  const page = await openPage();
  await page.goto('/login');
  await signIn(page, username, 'Demo2026shuzhi');
  await page.waitForURL('**/workspace');
  return page;
}

/** A published police dataset (the demo officer's organisation) with three people loaded through an import. */
async function publishAndLoad(officer: APIRequestContext, admin: APIRequestContext, code: string) {
  const created = await officer.post('/api/v1/catalog/datasets', {
    data: {
      code,
      name: `质量测试人口${code.slice(-4)}`,
      theme: 'population',
      updateFrequency: 'daily',
      shareType: 'conditional',
      openType: 'none',
      level: 'L3',
      fields: [
        { name: 'sfzh', title: '公民身份号码', type: 'string', key: true, sensitivity: 'high' },
        { name: 'xm', title: '姓名', type: 'string', sensitivity: 'medium' },
        { name: 'sjh', title: '手机号码', type: 'string', sensitivity: 'medium' },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await officer.post(`/api/v1/catalog/datasets/${id}/submit`, { data: {} })).status()).toBe(200);
  expect((await admin.post(`/api/v1/catalog/datasets/${id}/approve`, { data: {} })).status()).toBe(200);
  const csv =
    '公民身份号码,姓名,手机号码\n11010519491231002X,张三,13812345678\n110105194912310021,李四,13912345678\n440524188001010014,王五,12012345678\n';
  const res = await officer.post(`/api/v1/ingest/datasets/${id}/imports?mode=upsert&filename=people.csv`, {
    headers: { 'content-type': 'application/octet-stream' },
    data: Buffer.from(csv),
  });
  expect(res.status()).toBe(202);
  return id;
}

describe('data quality (数据质量)', () => {
  test('a viewer raises a complaint on a record, the owner’s officer answers it, the viewer sees the answer', async () => {
    const officer = await signedIn('officer');
    const admin = await signedIn('admin');
    const viewer = await signedIn('viewer');
    const code = `E2E-QC-${Date.now().toString(36).toUpperCase()}`;
    const id = await publishAndLoad(officer.request, admin.request, code);

    // The viewer (民政局) opens the police dataset and raises a complaint on one person's mobile number.
    await viewer.goto(`/workspace/catalog/${id}`);
    await viewer.getByTestId('dataset-complain').click();
    await viewer.getByTestId('complaint-key-sfzh').fill('11010519491231002X');
    await pickOption(viewer, viewer.getByTestId('complaint-field'), '手机号码 (sjh)');
    await viewer.getByTestId('complaint-text-input').fill('该手机号码已停用，请核实更正');
    await viewer.getByTestId('complaint-raise-submit').click();
    await expectVisible(viewer.getByText(/申诉已提交/));

    await viewer.goto('/workspace/quality/complaints');
    const mine = viewer.getByTestId('complaints-mine');
    await expectText(mine, '该手机号码已停用，请核实更正', '待答复', '11010519491231002X');

    // The police data officer finds it in the inbox, the key in clear, and reports the data corrected.
    await officer.goto('/workspace/quality/complaints');
    const inbox = officer.getByTestId('complaints-inbox');
    const row = inbox.locator('tr', { hasText: '该手机号码已停用' });
    await expectText(row, '11010519491231002X', 'viewer', '待答复');
    await row.getByTestId('complaint-answer-open').click();
    await officer.getByText('已更正数据（将重新检查）').click();
    await officer.getByTestId('complaint-answer-text').fill('已核实，手机号码已更正为 13900001111');
    await officer.getByTestId('complaint-answer-submit').click();
    await expectText(row, '已更正', '已核实，手机号码已更正为 13900001111');

    // The viewer sees the outcome and closes the complaint.
    await viewer.reload();
    const answered = viewer.getByTestId('complaints-mine').locator('tr', { hasText: '该手机号码已停用' });
    await expectText(answered, '已更正', '已核实，手机号码已更正为 13900001111', 'officer');
    await answered.getByTestId('complaint-close-open').click();
    await viewer.getByTestId('complaint-close-submit').click();
    await expectText(answered, '已办结');
  });

  test('the owner’s officer sees scores, the trend and problem rows with the failing values', async () => {
    const officer = await signedIn('officer');
    const admin = await signedIn('admin');
    const code = `E2E-QS-${Date.now().toString(36).toUpperCase()}`;
    const id = await publishAndLoad(officer.request, admin.request, code);
    // The import queued a run; the worker may still be checking the demo city's datasets.
    await expect
      .poll(
        async () =>
          (
            (await (await officer.request.get(`/api/v1/quality/datasets/${id}`)).json()) as {
              latest: unknown;
            }
          ).latest !== null,
        { timeout: 45_000, interval: 500 },
      )
      .toBe(true);

    await officer.goto(`/workspace/catalog/${id}`);
    await officer.getByTestId('dataset-quality').click();
    const page = officer.getByTestId('dataset-quality-page');
    await expectVisible(page.getByTestId('quality-trend-chart'));
    await expectText(page.getByTestId('quality-failed-resident_id-sfzh'), '1 / 3');
    await expectText(page.getByTestId('quality-failed-mobile-sjh'), '1 / 3');
    const problems = page.getByTestId('quality-problems');
    await problems
      .locator('tr', { hasText: '公民身份号码校验' })
      .locator('.ant-table-row-expand-icon')
      .click();
    await expectText(
      page.getByTestId('quality-samples-resident_id-sfzh'),
      '110105194912310021',
      '校验位错误',
    );
    await page.getByRole('tab', { name: '质量规则' }).click();
    await expectText(
      page.getByTestId('quality-rules'),
      '必填',
      '唯一',
      '公民身份号码校验',
      '手机号码',
      '建议',
    );

    await officer.goto('/workspace/quality');
    await expectText(officer.getByTestId('quality-datasets'), code);
    await expectVisible(officer.getByTestId('quality-org-trend'));
  }, 90_000);
});
