import type { Page } from 'playwright-core';
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

describe('data requests (点单式开放)', () => {
  test('someone asks for data, the owner routes and answers it, the answer is public', async () => {
    const stamp = Date.now().toString(36).toUpperCase();
    const title = `共享单车停放点数据 ${stamp}`;
    const email = `asker-${stamp.toLowerCase()}@example.com`;

    // A member of the public, not signed in, asks for data and suggests the police bureau.
    const visitor = await openPage();
    await visitor.goto('/');
    await visitor.getByTestId('portal-requests-link').click();
    await visitor.getByTestId('request-ask').click();
    await visitor.getByTestId('request-title').fill(title);
    await visitor
      .getByTestId('request-description')
      .fill('希望开放全市共享单车电子围栏停放点的位置与容量数据。');
    await visitor.getByTestId('request-fields').fill('停放点编号、经纬度、容量');
    await visitor.getByLabel('JSON').check();
    const org = visitor.getByTestId('request-org');
    await pickOption(visitor, org, '杭州市公安局', { combobox: org.getByRole('combobox'), text: '公安' });
    await visitor.getByTestId('request-purpose').fill('研究非机动车停放秩序');
    // Anonymous requests need an e-mail: the form says so before the server would.
    await visitor.getByTestId('request-submit').click();
    await expectVisible(visitor.getByText('未登录时请留下联系邮箱'));
    await visitor.getByTestId('request-email').fill(email);
    await visitor.getByTestId('request-submit').click();
    await visitor.waitForURL(/\/open\/requests\/[0-9a-f-]{36}$/);
    const url = new URL(visitor.url()).pathname;
    await expectText(visitor.getByTestId('request-page-title'), title);
    await expectText(visitor.getByTestId('request-detail'), '杭州市公安局', '匿名公众');
    await expectText(visitor.getByTestId('request-status'), '待分派');

    // The police data officer finds it in the inbox, takes it (the suggested department) and answers.
    const officer = await signedIn('officer');
    await officer.goto('/workspace/open/requests');
    const row = officer.getByTestId('request-inbox').locator('tr', { hasText: title });
    await expectText(row, '待分派');
    await row.getByTestId('request-assign-open').click();
    await officer.getByTestId('request-assign-submit').click();
    await expectText(row, '待答复', '杭州市公安局');
    await row.getByTestId('request-answer-open').click();
    await officer.getByText('暂不能开放', { exact: true }).click();
    await pickOption(officer, officer.getByTestId('request-answer-reason'), '法律法规限制');
    await officer
      .getByTestId('request-answer-text-input')
      .fill('停放点数据涉及公共安全管理，依规暂不开放，将评估后再议。');
    await officer.getByTestId('request-answer-submit').click();
    await expectText(row, '已答复', '暂不能开放');

    // Anyone sees the answer; the requester's e-mail appears nowhere.
    await visitor.goto(url);
    await expectText(
      visitor.getByTestId('request-answer'),
      '暂不能开放',
      '法律法规限制',
      '停放点数据涉及公共安全管理',
    );
    await expectText(visitor.getByTestId('request-status'), '已答复');
    expect(await visitor.content()).not.toContain(email);
    await visitor.goto('/open/requests');
    await visitor.getByTestId('request-search').locator('input').fill(stamp);
    await expectText(visitor.getByTestId('request-list'), title, '已答复', '暂不能开放');
  }, 90_000);
});
