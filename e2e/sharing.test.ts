import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectPath, expectText, expectVisible, useBrowser } from './support/browser.ts';
import { createApp, modalSettled, pickOption, signIn } from './support/shuzhi.ts';

const openPage = useBrowser();
const PASSWORD = 'Demo2026shuzhi';
const HUKOU = 'GA-RK-001';

async function staff(username: string): Promise<Page> {
  const page = await openPage();
  await page.goto('/login');
  await signIn(page, username, PASSWORD);
  await page.waitForURL('**/workspace');
  return page;
}

type Person = { id_number: string; name: string };

/** The hukou dataset's id and one resident, read in the clear by its owner through the change feed. */
async function hukouResident(officer: Page): Promise<{ datasetId: string; person: Person }> {
  const search = await officer.request.get(`/api/v1/catalog/datasets?q=${HUKOU}&limit=20`);
  expect(search.status()).toBe(200);
  const found = ((await search.json()) as { items: { id: string; code: string }[] }).items.find(
    (d) => d.code === HUKOU,
  );
  expect(found).toBeDefined();
  const datasetId = (found as { id: string }).id;
  const feed = await officer.request.get(`/api/v1/datastore/datasets/${datasetId}/changes?limit=50`);
  expect(feed.status()).toBe(200);
  const items = ((await feed.json()) as { items: { op: string; record: Person | null }[] }).items;
  const person = items
    .map((c) => c.record)
    .find((r): r is Person => !!r && /^\d{17}[\dX]$/.test(String(r.id_number)) && !!r.name);
  expect(person).toBeDefined();
  return { datasetId, person: person as Person };
}

describe('sharing between departments (数据共享)', () => {
  test('a department requests the hukou data, the police bureau approves, the app reads it masked; revoked, it is refused', async () => {
    const admin = await staff('admin');
    const officer = await staff('officer');
    const consumer = await staff('approver');
    const me = (await (await consumer.request.get('/api/v1/auth/me')).json()) as {
      org: { id: string; name: string };
    };

    // The platform admin creates the app (API client) the market regulator will call the gateway with.
    const appName = `市场监管执法系统${Date.now().toString(36).slice(-4)}`;
    const { client, clientSecret } = await createApp(admin, me.org.id, appName);
    const { datasetId, person } = await hukouResident(officer);

    // The market regulator's approver asks for four fields from the catalog page.
    await consumer.goto(`/workspace/catalog/${datasetId}`);
    await consumer.getByTestId('dataset-share').click();
    await expectPath(consumer, `/workspace/sharing/apply/${HUKOU}`);
    await expectText(consumer.getByTestId('share-dataset'), '户籍人口基本信息', '公安局', '数据提供部门审批');
    await expectText(
      consumer.getByTestId('share-fields').locator('label', { hasText: '公民身份号码' }),
      '脱敏',
    );
    await pickOption(consumer, consumer.getByTestId('share-app'), `${appName}（${client.clientId}）`);
    for (const name of ['公民身份号码', '姓名', '性别', '联系电话'])
      await consumer.getByRole('checkbox', { name: new RegExp(name) }).check();
    await consumer.getByTestId('share-purpose').fill('核验个体工商户经营者身份，办理营业执照登记');
    await consumer.getByTestId('share-legal-basis').fill('《市场主体登记管理条例》第十六条');
    await consumer.getByLabel('每日调用上限').fill('100');
    await consumer.getByTestId('share-submit').click();
    await consumer.waitForURL(/\/workspace\/sharing\/requests\/[0-9a-f-]{36}$/);
    const requestPath = new URL(consumer.url()).pathname;
    await expectText(consumer.getByTestId('share-request-title'), '户籍人口基本信息');
    await expectText(consumer.getByTestId('share-request-facts'), '待审批', appName, '100');

    await consumer.goto('/workspace/sharing/requests');
    const mine = consumer.getByTestId('share-requests-consumer').locator('tr', { hasText: appName });
    await expectText(mine, '户籍人口基本信息', '待审批');

    // The police bureau's data officer finds it in its inbox and approves without the phone number.
    await officer.goto('/workspace/sharing/requests?side=owner');
    const inbox = officer.getByTestId('share-requests-owner').locator('tr', { hasText: appName });
    await expectText(inbox, me.org.name, '待审批');
    await inbox.getByTestId('share-request-link').click();
    await expectPath(officer, requestPath);
    await officer.getByTestId('share-approve').click();
    await modalSettled(officer);
    await officer.getByRole('checkbox', { name: /联系电话/ }).uncheck();
    await officer.getByRole('dialog').getByLabel('每日调用上限').fill('50');
    await officer.getByTestId('share-approve-note').fill('仅限登记核验使用');
    await officer.getByTestId('share-approve-submit').click();
    await expectText(officer.getByTestId('share-request-facts'), '已批准', '仅限登记核验使用');

    // The requester sees the decision and opens the grant: active, nothing called yet.
    await consumer.goto(requestPath);
    await expectText(consumer.getByTestId('share-request-facts'), '已批准');
    await consumer.getByTestId('share-grant-link').click();
    const grantRow = consumer.getByTestId('share-grants-consumer').locator('tr', { hasText: appName });
    await expectText(grantRow, '有效', '0 / 50');
    expect(await grantRow.textContent()).not.toContain('联系电话');

    // In the API console the app's credentials buy a token; a lookup by key answers masked values.
    await grantRow.getByTestId('share-grant-console').click();
    await expectVisible(consumer.getByTestId('share-console'));
    expect(await consumer.getByTestId('console-client-id').inputValue()).toBe(client.clientId);
    await consumer.getByTestId('console-client-secret').fill(clientSecret);
    await consumer.getByTestId('console-token').click();
    await expectVisible(consumer.getByTestId('console-token-ok'));
    await consumer.getByTestId('console-key-id_number').fill(person.id_number);
    await consumer.getByTestId('console-lookup-send').click();
    await expectText(consumer.getByTestId('console-status'), '200');
    const shownId = ((await consumer.getByTestId('console-value-id_number').textContent()) ?? '').trim();
    expect(shownId).toContain('*');
    expect(shownId).not.toBe(person.id_number);
    expect(shownId).toBe(`${person.id_number.slice(0, 6)}********${person.id_number.slice(-4)}`);
    const shownName = ((await consumer.getByTestId('console-value-name').textContent()) ?? '').trim();
    expect(shownName).not.toBe(person.name);
    expect(shownName).toMatch(new RegExp(`^${person.name.slice(0, 1)}\\*+$`));
    expect((await consumer.getByTestId('console-json').textContent()) ?? '').not.toContain(person.id_number);
    expect((await consumer.getByTestId('console-records').textContent()) ?? '').not.toContain('联系电话');

    // Verify: the clear name matches without the answer revealing it.
    await consumer.getByRole('tab', { name: '核验' }).click();
    await consumer.getByTestId('console-verify-key').fill(JSON.stringify({ id_number: person.id_number }));
    await consumer.getByTestId('console-verify-values').fill(JSON.stringify({ name: person.name }));
    await consumer.getByTestId('console-verify-send').click();
    await expectText(consumer.getByTestId('console-json'), '"matches"');
    await expectText(consumer.getByTestId('console-status'), '200');
    const verified = JSON.parse((await consumer.getByTestId('console-json').textContent()) ?? '') as {
      found: boolean;
      matches: Record<string, boolean>;
    };
    expect(verified).toMatchObject({ found: true, matches: { name: true } });

    // The two calls show on the grant and in the usage dashboard.
    await consumer.goto('/workspace/sharing/grants');
    await expectText(grantRow, '2 / 50');
    await consumer.goto('/workspace/sharing/usage?days=7');
    const usageRow = consumer.getByTestId('share-usage-table').locator('tr', { hasText: appName });
    await expectText(usageRow, HUKOU, '公安局');
    await expectText(usageRow.getByTestId('share-usage-calls'), '2');

    // The owner revokes the grant; the app's next call is refused with a localised reason.
    await officer.goto('/workspace/sharing/grants?side=owner');
    const given = officer.getByTestId('share-grants-owner').locator('tr', { hasText: appName });
    await expectText(given, '有效', '2 / 50');
    await given.getByTestId('share-grant-revoke').click();
    await officer.getByTestId('share-revoke-text').fill('登记核验任务已结束');
    await officer.getByTestId('share-revoke-submit').click();
    // The dialog closes only once the server has revoked (it stays open, with the reason, on a refusal).
    await officer.getByTestId('share-revoke-text').waitFor({ state: 'hidden' });
    await expectText(given, '已撤销');

    await consumer.goto('/workspace/sharing/grants');
    await expectText(grantRow, '已撤销');
    await grantRow.getByTestId('share-grant-console').click();
    await consumer.getByTestId('console-client-secret').fill(clientSecret);
    await consumer.getByTestId('console-token').click();
    await expectVisible(consumer.getByTestId('console-token-ok'));
    await consumer.getByTestId('console-key-id_number').fill(person.id_number);
    await consumer.getByTestId('console-lookup-send').click();
    await expectText(consumer.getByTestId('console-status'), '403');
    await expectText(consumer.getByTestId('console-problem'), '撤销');
    await consumer.goto('/workspace/sharing/usage?days=7');
    await expectText(consumer.getByTestId('share-usage-total-denied'), '1');
  }, 180_000);
});
