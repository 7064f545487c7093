import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { baseURL, expectPath, expectText, expectVisible, STEP_MS, useBrowser } from './support/browser.ts';

const openPage = useBrowser();

// The small demo city opens 生态环境局's daily air quality by station unconditionally (ST-KQ-001).
const DATASET = { code: 'ST-KQ-001', name: 'st-kq-001', title: '环境空气质量监测日报' };
// …and 应急管理局's hazardous chemicals trading licences on conditions (YJ-WH-001).
const CONDITIONAL = { code: 'YJ-WH-001', name: 'yj-wh-001', title: '危险化学品经营许可信息' };

describe('open-data portal', () => {
  test('a visitor finds a dataset, previews its rows and downloads it as CSV, without signing in', async () => {
    const page = await openPage();
    await page.goto('/');
    await page.getByTestId('portal-open-link').click();
    await expectPath(page, '/open');
    await expectVisible(page.getByTestId('portal-figure-datasets'));
    await expectVisible(page.getByTestId('portal-themes'));

    // Search from the home page: the query lands in the address of the result list.
    const box = page.getByTestId('portal-home-search').locator('input');
    await box.fill('空气质量');
    await box.press('Enter');
    await expectPath(page, '/open/datasets');
    expect(new URL(page.url()).searchParams.get('q')).toBe('空气质量');
    const hit = page.getByTestId(`portal-dataset-${DATASET.name}`);
    await expectText(hit, DATASET.title);

    // A facet narrows the list and is kept in the address too.
    await page.getByTestId('portal-facet-theme-environment').click();
    await page.waitForURL((u) => u.searchParams.get('theme') === 'environment');
    await expectVisible(hit);

    await hit.getByTestId('portal-dataset-link').click();
    await expectPath(page, `/open/datasets/${DATASET.name}`);
    await expectText(page.getByTestId('portal-dataset-title'), DATASET.title);
    await expectText(page.getByTestId('portal-meta'), DATASET.code);

    // The preview: the first rows through datastore_search, with the fields' Chinese titles.
    await page.getByTestId('portal-tab-preview').click();
    const preview = page.getByTestId('portal-preview');
    await expectText(preview, '监测站编码', '空气质量指数');
    const rows = preview.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: STEP_MS }).toBe(10);
    const firstStation = ((await rows.first().locator('td').first().textContent()) ?? '').trim();
    expect(firstStation).not.toBe('');

    // The CSV download: every record, the open fields as the header, the previewed rows in it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('portal-download-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${DATASET.code}.csv`);
    const csv = (await readFile(await download.path())).toString('utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]?.split(',').slice(0, 5)).toEqual([
      'station_code',
      'monitor_date',
      'station_name',
      'district',
      'aqi',
    ]);
    expect(lines.some((l) => l.startsWith(`${firstStation},`))).toBe(true);
    const search = await fetch(
      `${baseURL()}/api/3/action/datastore_search?resource_id=${DATASET.name}&limit=0`,
    );
    const total = ((await search.json()) as { result: { total: number } }).result.total;
    expect(total).toBeGreaterThan(10);
    expect(lines.length - 1).toBe(total);

    // XLSX from the same address as CSV and JSON.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('portal-download-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`${DATASET.code}.xlsx`);
    expect(new URL(xlsx.url()).pathname).toBe(`/api/v1/open/datasets/${DATASET.code}/download.xlsx`);
    // A workbook is a zip archive.
    expect((await readFile(await xlsx.path())).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('a dataset page shows fields, charts of numeric fields, quality, history and API examples', async () => {
    const page = await openPage();
    await page.goto(`/open/datasets/${DATASET.name}?tab=fields`);
    await expectText(page.getByTestId('portal-fields'), 'station_code', 'aqi');
    await page.getByTestId('portal-tab-charts').click();
    await expectText(page.getByTestId('portal-stats'), '空气质量指数');
    await expectVisible(page.getByTestId('portal-histogram-aqi').locator('canvas'));
    await expectVisible(page.getByTestId('portal-quality'));
    await page.getByTestId('portal-tab-history').click();
    await expectVisible(page.getByTestId('portal-versions'));
    await page.getByTestId('portal-tab-api').click();
    await expectText(page.getByTestId('portal-api-curl'), '/api/3/action/datastore_search?resource_id=');

    // The organisation's page lists its open datasets, the air quality among them.
    await page.getByTestId('portal-dataset-org').click();
    await page.waitForURL((u) => u.pathname.startsWith('/open/organizations/'));
    await expectVisible(page.getByTestId(`portal-dataset-${DATASET.name}`));
  });

  test('a visitor finds a conditionally open dataset, reads its description only, and applies to use it', async () => {
    const page = await openPage();
    await page.goto('/open');
    await expectText(page.getByTestId('portal-figure-split'), '有条件开放');

    // The open-type facet offers datasets open on conditions too.
    await page.goto('/open/datasets');
    await page.getByTestId('portal-facet-openType-conditional').click();
    await page.waitForURL((u) => u.searchParams.get('openType') === 'conditional');
    const hit = page.getByTestId(`portal-dataset-${CONDITIONAL.name}`);
    await expectText(hit, CONDITIONAL.title, '需申请使用');
    await hit.getByTestId('portal-dataset-link').click();
    await expectPath(page, `/open/datasets/${CONDITIONAL.name}`);
    await expectText(page.getByTestId('portal-dataset-title'), CONDITIONAL.title);
    await expectText(page.getByTestId('portal-meta'), CONDITIONAL.code, '有条件开放');
    await expectText(page.getByTestId('portal-conditional-notice'), '数据需申请使用', '申请使用');

    // Its description, fields, quality and history; none of its rows, charts, downloads or API.
    await page.getByTestId('portal-tab-fields').click();
    await expectText(page.getByTestId('portal-fields'), 'licence_no', '许可证编号');
    await expectVisible(page.getByTestId('portal-quality'));
    for (const testId of [
      'portal-tab-preview',
      'portal-tab-charts',
      'portal-tab-api',
      'portal-download-csv',
      'portal-download-xlsx',
    ])
      expect(await page.getByTestId(testId).count(), testId).toBe(0);

    // 申请使用: a visitor without an account signs up in the dialog and lands in the application form.
    await page.getByTestId('apply-button').click();
    await page.getByTestId('open-signup-tab').click();
    await page.getByTestId('open-signup-email').fill(`p-${Date.now().toString(36)}@example.com`);
    await page.getByTestId('open-signup-password').fill('Open2026portal');
    await page.getByTestId('open-signup-name').fill('林申请');
    await page.getByTestId('open-signup-submit').click();
    // The dialog asks for the e-mailed code first (shown on screen in the demo).
    const banner = page.getByTestId('open-verify-banner');
    await expectText(banner, '请验证邮箱');
    const code = /\d{6}/.exec((await page.getByTestId('open-demo-code').textContent()) ?? '')?.[0];
    expect(code).toBeDefined();
    await page.getByTestId('open-verify-code').fill(code as string);
    await page.getByTestId('open-verify-submit').click();
    await banner.waitFor({ state: 'hidden', timeout: STEP_MS });
    await expectVisible(page.getByTestId('apply-form'));
    await expect.poll(() => page.getByTestId('apply-name').inputValue(), { timeout: STEP_MS }).toBe('林申请');
    await expectVisible(page.getByTestId('apply-field-licence_no'));
  });
});
