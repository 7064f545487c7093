import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { describe, expect, onTestFinished, test } from 'vitest';
import { expectText, expectVisible, STEP_MS, useBrowser } from './support/browser.ts';
import { signIn } from './support/shuzhi.ts';

const openPage = useBrowser();

describe('data import', () => {
  test('a data officer maps a column the platform could not match, imports a GBK CSV and sees the exact report', async () => {
    const officer = await openPage();
    await officer.goto('/login');
    await signIn(officer, 'officer', 'Demo2026shuzhi');
    await officer.waitForURL('**/workspace');
    const admin = await openPage();
    await admin.goto('/login');
    await signIn(admin, 'admin', 'Demo2026shuzhi');
    await admin.waitForURL('**/workspace');

    // A published dataset to load into, made through the API with each user's session.
    const code = `E2E-IMP-${Date.now().toString(36).toUpperCase()}`;
    const created = await officer.request.post('/api/v1/catalog/datasets', {
      data: {
        code,
        name: '流动人口登记',
        theme: 'population',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        fields: [
          { name: 'id_number', title: '公民身份号码', type: 'string', key: true },
          { name: 'name', title: '姓名', type: 'string' },
          { name: 'arrived', title: '来杭日期', type: 'date' },
        ],
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await officer.request.post(`/api/v1/catalog/datasets/${id}/submit`, { data: {} })).status()).toBe(
      200,
    );
    expect((await admin.request.post(`/api/v1/catalog/datasets/${id}/approve`, { data: {} })).status()).toBe(
      200,
    );

    // 抵达日期 is neither the name nor the title of a field: the officer maps it to 来杭日期.
    const csv = [
      '公民身份号码,姓名,抵达日期',
      '330106199001011234,王小明,2021年7月6日',
      '330106198502022345,李华,20210706',
      '330106197003033456,张伟,2021-02-30',
      ',赵六,2021/7/6',
    ].join('\r\n');
    await officer.goto(`/workspace/catalog/${id}`);
    const card = officer.getByTestId('import-card');
    await expectVisible(card);
    await officer.getByTestId('import-file').setInputFiles({
      name: '流动人口.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(csv, 'gb18030'),
    });
    await officer.getByTestId('import-next').click();

    await expectVisible(card.getByTestId('mapping-step'));
    await expectText(card.getByTestId('mapping-field-0'), '公民身份号码');
    await expectText(card.getByTestId('mapping-field-2'), '不导入');
    // Unmapped, the impossible date would load unnoticed: its cell is plain text in the preview.
    expect(await card.getByTestId('preview-2-2').getAttribute('data-error')).toBeNull();
    await card.getByTestId('mapping-field-2').click();
    await officer.keyboard.type('来杭');
    // The visible option (Ant Design's listbox for screen readers holds only the active few).
    await officer.locator('.ant-select-item-option').filter({ hasText: '来杭日期（arrived）' }).click();
    await expect
      .poll(() => card.getByTestId('preview-2-2').getAttribute('data-error'))
      .toBe('impossible_date');
    expect(await card.getByTestId('preview-0-2').getAttribute('data-value')).toBe('2021-07-06');
    expect(await card.getByTestId('preview-1-2').getAttribute('data-value')).toBe('2021-07-06');
    expect(await card.getByTestId('preview-3-0').getAttribute('data-error')).toBe('missing_key');
    await card.getByTestId('mapping-save').click();
    await card.getByTestId('import-start').click();

    await expectText(card.getByTestId('import-status'), '已完成');
    await expect.poll(async () => card.getByTestId('import-read').getAttribute('data-value')).toBe('4');
    expect(await card.getByTestId('import-loaded').getAttribute('data-value')).toBe('2');
    expect(await card.getByTestId('import-rejected').getAttribute('data-value')).toBe('2');
    await expectVisible(card.getByTestId('import-invariant'));
    const rejects = card.getByTestId('import-rejects-table');
    await expectText(rejects, '来杭日期');
    await expectText(rejects, '主键');

    // The saved mapping maps the next file of the same layout by itself.
    await card.getByTestId('import-another').click();
    await officer.getByTestId('import-file').setInputFiles({
      name: '流动人口-2.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('公民身份号码,姓名,抵达日期\r\n330106200001011111,新人,2022-01-01\r\n'),
    });
    await officer.getByTestId('import-next').click();
    await expectText(card.getByTestId('mapping-field-2'), '来杭日期');
    expect(await card.getByTestId('preview-0-2').getAttribute('data-value')).toBe('2022-01-01');
  });

  test('a data officer adds an HTTP source, pulls it, and sees the run and its watermark', async () => {
    // The department's API: three records, only for the right token.
    const api = createServer((req, res) => {
      if (req.headers.authorization !== 'Bearer e2e-token') {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: {
            items: [
              { id_number: 'S1', name: '甲', updated_at: '2026-03-01 10:00:00' },
              { id_number: 'S2', name: '乙', updated_at: '2026-03-03 10:00:00' },
              { id_number: 'S3', name: '丙', updated_at: '2026-03-02 10:00:00' },
            ],
          },
        }),
      );
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => api.close(() => resolve())));
    const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}/people`;

    const officer = await openPage();
    await officer.goto('/login');
    await signIn(officer, 'officer', 'Demo2026shuzhi');
    await officer.waitForURL('**/workspace');
    // The admin only publishes the dataset: a session through the API is enough.
    const admin = await openPage();
    const login = await admin.request.post('/api/v1/auth/login', {
      data: { username: 'admin', password: 'Demo2026shuzhi' },
    });
    expect(login.status()).toBe(200);
    const code = `E2E-SRC-${Date.now().toString(36).toUpperCase()}`;
    const created = await officer.request.post('/api/v1/catalog/datasets', {
      data: {
        code,
        name: '接口拉取',
        theme: 'population',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L2',
        fields: [
          { name: 'id_number', title: '公民身份号码', type: 'string', key: true },
          { name: 'name', title: '姓名', type: 'string' },
        ],
      },
    });
    const { id } = (await created.json()) as { id: string };
    await officer.request.post(`/api/v1/catalog/datasets/${id}/submit`, { data: {} });
    await admin.request.post(`/api/v1/catalog/datasets/${id}/approve`, { data: {} });

    await officer.goto(`/workspace/catalog/${id}`);
    await officer.getByTestId('ingest-tab-sources').click();
    await officer.getByTestId('source-add').click();
    const form = officer.getByTestId('source-form');
    await form.getByTestId('source-name').fill('人口接口');
    await form.getByTestId('source-url').fill(url);
    await form.getByRole('button', { name: '添加请求头' }).click();
    await form.getByPlaceholder('Authorization').fill('Authorization');
    await form.getByPlaceholder('Bearer …').fill('Bearer e2e-token');
    await form.getByPlaceholder('data.items').fill('data.items');
    await form.getByPlaceholder('updated_at').fill('updated_at');
    await officer.getByTestId('source-save').click();

    const table = officer.getByTestId('sources-table');
    await expectText(table, '人口接口', url);
    await table.locator('[data-testid^="source-run-"]').click();
    const lastRun = table.locator('[data-testid^="source-last-run-"]');
    await expect.poll(() => lastRun.getAttribute('data-status'), { timeout: STEP_MS }).toBe('succeeded');
    await expectText(lastRun, '拉取 3 条');
    await expectText(
      table.locator('[data-testid^="source-watermark-"]'),
      'updated_at',
      '2026-03-03 10:00:00',
    );
    // The run is an ordinary import, in the history with its report.
    await expectText(officer.getByTestId('import-history'), 'pull:人口接口');

    // Edited with the token left masked: the stored one is kept, and the next run finds nothing new.
    await table.getByRole('button', { name: '编辑' }).click();
    await expectVisible(form.getByTestId('source-name'));
    await form.getByTestId('source-name').fill('人口接口二');
    await officer.getByTestId('source-save').click();
    await expectText(table, '人口接口二');
    await table.locator('[data-testid^="source-run-"]').click();
    await expectText(lastRun, '拉取 0 条');
    expect(await lastRun.getAttribute('data-status')).toBe('succeeded');
  });
});
