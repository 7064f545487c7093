import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectText, expectVisible, STEP_MS, useBrowser } from './support/browser.ts';
import { signIn } from './support/shuzhi.ts';

const openPage = useBrowser();
const PASSWORD = 'Open2026access';
const unique = () => Date.now().toString(36).toUpperCase();

async function staff(username: string): Promise<Page> {
  const page = await openPage();
  await page.goto('/login');
  await signIn(page, username, 'Demo2026shuzhi');
  await page.waitForURL('**/workspace');
  return page;
}

/** The police bureau's conditionally open dataset: stations with their operators' phone numbers. */
async function conditionalDataset(officer: APIRequestContext, admin: APIRequestContext, code: string) {
  const created = await officer.post('/api/v1/catalog/datasets', {
    data: {
      code,
      name: `有条件开放监测站${code.slice(-4)}`,
      theme: 'environment',
      updateFrequency: 'daily',
      shareType: 'conditional',
      openType: 'conditional',
      level: 'L2',
      fields: [
        { name: 'station', title: '监测站', type: 'string', key: true },
        { name: 'city', title: '城市', type: 'string' },
        { name: 'phone', title: '联系电话', type: 'string', sensitivity: 'low' },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await officer.post(`/api/v1/catalog/datasets/${id}/submit`, { data: {} })).status()).toBe(200);
  expect((await admin.post(`/api/v1/catalog/datasets/${id}/approve`, { data: {} })).status()).toBe(200);
  // Ten stations, five per city (S1 and S2 first in key order): with the city marked as quasi-identifier they pass k = 5, which
  // their operators' phones (personal) make due before any row leaves (privacy's release gate).
  const csv = `监测站,城市,联系电话\nS1,杭州,13812345678\nS2,宁波,13912345678\n${Array.from(
    { length: 8 },
    (_, i) => `T${i + 3},${i % 2 ? '宁波' : '杭州'},1371234567${i}`,
  ).join('\n')}\n`;
  const res = await officer.post(`/api/v1/ingest/datasets/${id}/imports?mode=upsert&filename=st.csv`, {
    headers: { 'content-type': 'application/octet-stream' },
    data: Buffer.from(csv),
  });
  expect(res.status()).toBe(202);
  // The import runs in the background: wait until the rows are there.
  await expect
    .poll(
      async () => {
        const r = await officer.get(`/api/v1/ingest/datasets/${id}/imports?limit=1`);
        return ((await r.json()) as { items: { status: string }[] }).items[0]?.status;
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBe('succeeded');
  const marked = await officer.put(`/api/v1/privacy/datasets/${id}/quasi-identifiers`, {
    data: { quasiIdentifiers: ['city'] },
  });
  expect(marked.status()).toBe(200);
  const check = await officer.post(`/api/v1/privacy/datasets/${id}/kanon/checks`, { data: {} });
  expect(check.status()).toBe(202);
  const checkId = ((await check.json()) as { id: string }).id;
  await expect
    .poll(
      async () => {
        const r = await officer.get(`/api/v1/privacy/datasets/${id}/kanon/checks/${checkId}`);
        return ((await r.json()) as { passed: boolean | null }).passed;
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBe(true);
}

describe('open data access (API keys, conditional applications)', () => {
  test('a developer signs up, creates an API key, calls the API with it; the revoked key then fails', async () => {
    const page = await openPage();
    const email = `dev-${unique().toLowerCase()}@example.com`;
    await page.goto('/');
    await page.getByTestId('portal-keys-link').click();
    await expectVisible(page.getByTestId('open-account-card'));
    await page.getByTestId('open-signup-tab').click();
    await page.getByTestId('open-signup-email').fill(email);
    await page.getByTestId('open-signup-password').fill(PASSWORD);
    await page.getByTestId('open-signup-name').fill('王开发');
    await page.getByTestId('open-signup-submit').click();
    await expectText(page.getByTestId('open-account-name'), email);

    // Until the e-mail is verified, the server refuses a key and the dialog says why.
    const banner = page.getByTestId('open-verify-banner');
    await expectText(banner, '请验证邮箱', email, '演示环境验证码');
    await page.getByTestId('open-key-create').click();
    await page.getByTestId('key-name-input').fill('太早的密钥');
    await page.getByTestId('key-name-submit').click();
    await expectText(page.getByTestId('key-error'), '请先验证邮箱');
    await page.keyboard.press('Escape');
    await page.getByTestId('key-name-input').waitFor({ state: 'hidden', timeout: STEP_MS });

    // The demo shows the e-mailed code on screen; the developer types it in.
    const code = /\d{6}/.exec((await page.getByTestId('open-demo-code').textContent()) ?? '')?.[0];
    expect(code).toBeDefined();
    await page.getByTestId('open-verify-code').fill(code as string);
    await page.getByTestId('open-verify-submit').click();
    await banner.waitFor({ state: 'hidden', timeout: STEP_MS });

    await page.getByTestId('open-key-create').click();
    await page.getByTestId('key-name-input').fill('数据分析脚本');
    await page.getByTestId('key-name-submit').click();
    const secretCell = page.getByTestId('secret-api-key');
    await expectVisible(secretCell);
    // biome-ignore lint/performance/useDomNodeTextContent: the key as the person sees and copies it.
    const secret = (await secretCell.innerText()).trim();
    expect(secret).toMatch(/^szk_/);
    await page.getByTestId('secret-close').click();

    const call = () =>
      page.request.get('/api/3/action/package_search?rows=1', { headers: { 'X-API-Key': secret } });
    const ok = await call();
    expect(ok.status()).toBe(200);
    expect(((await ok.json()) as { success: boolean }).success).toBe(true);

    await page.reload();
    const row = page.getByTestId('open-key-数据分析脚本');
    await expectText(row, '有效', secret.slice(0, 12));
    await row.getByTestId('open-key-usage').click();
    await expectText(page.getByTestId('key-usage-table'), '（目录检索等）', '1');
    await page.keyboard.press('Escape');
    // The usage dialog must be gone first: a revoke confirmation opened under its closing mask can
    // close with it, and the click on 吊销 then lands on nothing.
    await page.getByTestId('key-usage-table').waitFor({ state: 'hidden', timeout: STEP_MS });

    await row.getByTestId('open-key-revoke').click();
    await page.getByTestId('open-key-revoke-confirm').click();
    await expectText(row, '已吊销');
    const refused = await call();
    expect(refused.status()).toBe(401);
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toContain('吊销');
  });

  test('a researcher applies, the owner approves fewer fields, the researcher reads them masked', async () => {
    const officer = await staff('officer');
    const admin = await staff('admin');
    const code = `E2E-OA-${unique()}`;
    await conditionalDataset(officer.request, admin.request, code);

    // The researcher signs up, gets a key, and applies from the dataset's apply page.
    const researcher = await openPage();
    const email = `r-${unique().toLowerCase()}@example.com`;
    const signup = await researcher.request.post('/api/v1/open/access/signup', {
      data: { email, password: PASSWORD, displayName: '陈研究', organisation: '浙江大学' },
    });
    expect(signup.status()).toBe(201);
    const { demoCode } = (await signup.json()) as { demoCode: string };
    const verified = await researcher.request.post('/api/v1/open/access/verify-email', {
      data: { code: demoCode },
    });
    expect(verified.status()).toBe(200);
    const key = await researcher.request.post('/api/v1/open/access/keys', { data: { name: 'e2e' } });
    const { secret } = (await key.json()) as { secret: string };
    await researcher.goto(`/open/apply/${code}`);
    await researcher.getByTestId('apply-button').click();
    await expect.poll(() => researcher.getByTestId('apply-name').inputValue()).toBe('陈研究');
    await researcher.getByTestId('apply-purpose').fill('研究监测站运维联系方式的覆盖情况');
    for (const name of ['监测站', '城市', '联系电话'])
      await researcher.getByRole('checkbox', { name: new RegExp(name) }).check();
    await researcher.getByTestId('apply-submit').click();
    await expectVisible(researcher.getByText(/申请已提交，审核期限/));

    await researcher.goto('/open/applications');
    const mine = researcher.getByTestId('my-applications').locator('tr', { hasText: code });
    await expectText(mine, '待审核', '杭州市公安局');

    // The police bureau's officer approves without the city and for a shorter period.
    await officer.goto('/workspace/open/applications');
    const pending = officer.getByTestId('open-applications-inbox').locator('tr', { hasText: code });
    await expectText(pending, '陈研究', email, '待审核');
    await pending.getByTestId('inbox-approve').click();
    await officer.getByRole('checkbox', { name: /城市/ }).uncheck();
    const end = await officer.getByTestId('approve-end').inputValue();
    const start = await officer.getByTestId('approve-start').inputValue();
    const shorter = new Date(Date.parse(`${start}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(shorter < end).toBe(true);
    await officer.getByTestId('approve-end').fill(shorter);
    await officer.getByTestId('approve-note').fill('仅限研究使用，不得对外提供');
    await officer.getByTestId('approve-submit').click();
    await expectVisible(officer.getByText('已批准'));

    // The researcher sees the outcome and reads the approved fields with the key, masked.
    await researcher.reload();
    await expectText(mine, '已批准');
    await mine.locator('.ant-table-row-expand-icon').click();
    await expectText(researcher.getByTestId('application-approved'), '监测站', '联系电话', shorter);
    await expectText(researcher.getByTestId('application-note'), '仅限研究使用');

    const records = await researcher.request.get(`/api/v1/open/datasets/${code}/records?limit=2`, {
      headers: { 'X-API-Key': secret },
    });
    expect(records.status()).toBe(200);
    const page = (await records.json()) as { records: Record<string, unknown>[] };
    expect(page.records).toEqual([
      { station: 'S1', phone: '138****5678' },
      { station: 'S2', phone: '139****5678' },
    ]);
    const city = await researcher.request.get(`/api/v1/open/datasets/${code}/records?fields=city`, {
      headers: { 'X-API-Key': secret },
    });
    expect(city.status()).toBe(403);
  });
});
