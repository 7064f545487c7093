import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectText, expectVisible, useBrowser } from './support/browser.ts';
import { importCsv, pickOption, signIn } from './support/shuzhi.ts';

const openPage = useBrowser();

async function signedIn(username: string): Promise<Page> {
  const page = await openPage();
  await page.goto('/login');
  await signIn(page, username, 'Demo2026shuzhi');
  await page.waitForURL('**/workspace');
  return page;
}

/** A published dataset made through the API: the officer creates and submits it, the admin publishes it. */
async function publish(officer: APIRequestContext, admin: APIRequestContext, body: Record<string, unknown>) {
  const created = await officer.post('/api/v1/catalog/datasets', {
    data: {
      theme: 'population',
      updateFrequency: 'daily',
      shareType: 'conditional',
      openType: 'none',
      level: 'L3',
      ...body,
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await officer.post(`/api/v1/catalog/datasets/${id}/submit`, { data: {} })).status()).toBe(200);
  expect((await admin.post(`/api/v1/catalog/datasets/${id}/approve`, { data: {} })).status()).toBe(200);
  return id;
}

describe('single authoritative source (一数一源)', () => {
  test('the admin binds a second dataset and runs the check; the owner sees the conflict and resolves it', async () => {
    const officer = await signedIn('officer');
    const admin = await signedIn('admin');
    const suffix = Date.now().toString(36).toUpperCase();
    const fields = (value: string, title: string) => [
      { name: 'sfzh', title: '公民身份号码', type: 'string', key: true },
      { name: value, title, type: 'string' },
    ];
    const source = await publish(officer.request, admin.request, {
      code: `E2E-HY-${suffix}`,
      name: '婚姻状况权威库',
      fields: fields('hyzk', '婚姻状况'),
    });
    const copy = await publish(officer.request, admin.request, {
      code: `E2E-HJ-${suffix}`,
      name: '户籍人口登记',
      fields: fields('hyzk_dm', '婚姻状况代码'),
    });
    await importCsv(
      officer.request,
      source,
      '公民身份号码,婚姻状况\n330106199001011234,已婚\n330106198502022345,未婚\n',
    );
    await importCsv(
      officer.request,
      copy,
      '公民身份号码,婚姻状况代码\n330106199001011234,已婚\n330106198502022345,已婚\n',
    );
    const code = `hy_${suffix.toLowerCase()}`;
    const element = await admin.request.post('/api/v1/catalog/elements', {
      data: {
        code,
        name: `婚姻状况${suffix}`,
        authoritativeDatasetId: source,
        fieldName: 'hyzk',
        keyType: 'resident_id',
      },
    });
    expect(element.status()).toBe(201);

    // The admin binds the household register to the element and checks it from the elements page.
    await admin.goto('/workspace/catalog/elements');
    const row = admin.getByTestId('elements-table').locator('tr', { hasText: code });
    await row.locator('.ant-table-row-expand-icon').click();
    const panel = admin.getByTestId(`element-bindings-${code}`);
    await panel.getByTestId('element-bind').click();
    await admin.getByTestId('binding-dataset').click();
    await admin.keyboard.type(`E2E-HJ-${suffix}`);
    await admin.getByRole('option', { name: new RegExp(`E2E-HJ-${suffix}`) }).click();
    await pickOption(admin, admin.getByTestId('binding-value-field'), '婚姻状况代码 (hyzk_dm)');
    await expectText(admin.getByTestId('binding-key-field'), '公民身份号码 (sfzh)');
    await admin.getByTestId('binding-form-submit').click();
    await expectText(panel, '户籍人口登记');
    await panel.getByTestId('element-check').click();
    await expectVisible(panel.getByTestId('element-check-done'));
    await expectText(panel, '一致 1', '冲突 1');

    // The owner's data officer sees the conflict in clear and settles it with a note.
    await officer.goto('/workspace/conflicts');
    await pickOption(officer, officer.getByTestId('conflicts-filter-element'), `婚姻状况${suffix} (${code})`);
    const table = officer.getByTestId('conflicts-table');
    await expectText(table.getByTestId('conflict-subject'), '330106198502022345');
    await expectText(table, '未婚', '已婚');
    await table.getByTestId('conflict-resolve').click();
    await officer.getByTestId('conflict-note').fill('已通知户籍窗口按婚姻登记更正');
    await officer.getByTestId('conflict-resolve-submit').click();
    await expectText(officer.getByTestId(`conflicts-element-${code}`), '0');
    await pickOption(officer, officer.getByTestId('conflicts-filter-status'), '已处理');
    await expectText(table, '已通知户籍窗口按婚姻登记更正', '人工处理');
  });
});
