import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseURL, expectPath, expectText, expectVisible, useBrowser } from './support/browser.ts';
import { createApp, modalSettled, pickOption, signIn } from './support/shuzhi.ts';

const openPage = useBrowser();
const PASSWORD = 'Demo2026shuzhi';
const HUKOU = 'GA-RK-001';
const PURPOSE = '核验个体工商户经营者身份，办理营业执照登记';

async function staff(username: string): Promise<Page> {
  const page = await openPage();
  await page.goto('/login');
  await signIn(page, username, PASSWORD);
  await page.waitForURL('**/workspace');
  return page;
}

type Resident = { id_number: string; name: string; mobile: string };

/** One resident of the hukou dataset with a mobile on record, read in the clear by its owner. */
async function residentWithMobile(officer: Page): Promise<Resident> {
  const search = await officer.request.get(`/api/v1/catalog/datasets?q=${HUKOU}&limit=20`);
  expect(search.status()).toBe(200);
  const found = ((await search.json()) as { items: { id: string; code: string }[] }).items.find(
    (d) => d.code === HUKOU,
  );
  expect(found).toBeDefined();
  const feed = await officer.request.get(`/api/v1/datastore/datasets/${found?.id}/changes?limit=200`);
  expect(feed.status()).toBe(200);
  const items = ((await feed.json()) as { items: { record: Partial<Resident> | null }[] }).items;
  const person = items
    .map((c) => c.record)
    .find(
      (r): r is Resident =>
        !!r && /^\d{17}[\dX]$/.test(String(r.id_number)) && /^1\d{10}$/.test(String(r.mobile)) && !!r.name,
    );
  expect(person).toBeDefined();
  return person as Resident;
}

/** YYYY-MM-DD in China, `days` from today: grant periods are China calendar days. */
const chinaDay = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/**
 * The market regulator gets an app and a grant on the hukou data through the staff API (the sharing
 * journey covers the screens), and the app looks the resident up through the gateway.
 */
async function lookedUpByAnotherDepartment(
  officer: Page,
  idNumber: string,
): Promise<{ appName: string; consumerOrg: string }> {
  const admin = await staff('admin');
  const consumer = await staff('approver');
  const me = (await (await consumer.request.get('/api/v1/auth/me')).json()) as {
    org: { id: string; name: string };
  };
  const appName = `市场监管登记核验${Date.now().toString(36).slice(-4)}`;
  const { client, clientSecret } = await createApp(admin, me.org.id, appName);

  const asked = await consumer.request.post('/api/v1/sharing/requests', {
    data: {
      datasetCode: HUKOU,
      clientId: client.id,
      fields: ['id_number', 'name', 'gender'],
      purpose: PURPOSE,
      legalBasis: '《市场主体登记管理条例》第十六条',
      periodStart: chinaDay(),
      periodEnd: chinaDay(30),
      dailyQuota: 100,
    },
  });
  expect(asked.status()).toBe(201);
  const request = (await asked.json()) as { id: string };
  const approved = await officer.request.post(`/api/v1/sharing/requests/${request.id}/approve`, {
    data: {
      fields: ['id_number', 'name', 'gender'],
      periodStart: chinaDay(),
      periodEnd: chinaDay(30),
      dailyQuota: 100,
      note: '仅限登记核验使用',
    },
  });
  expect(approved.status()).toBe(200);
  expect(((await approved.json()) as { status: string }).status).toBe('approved');

  const token = await fetch(`${baseURL()}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: clientSecret,
    }),
  });
  expect(token.status).toBe(200);
  const { access_token } = (await token.json()) as { access_token: string };
  const lookup = await fetch(`${baseURL()}/api/v1/share/${HUKOU}/lookup?id_number=${idNumber}`, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  expect(lookup.status).toBe(200);
  return { appName, consumerOrg: me.org.name };
}

describe('my data (我的数据)', () => {
  test('a resident signs in by SMS code, sees who read their hukou record and verifies it, disputes a field and grants then withdraws a consent', async () => {
    const officer = await staff('officer');
    const person = await residentWithMobile(officer);
    const { appName, consumerOrg } = await lookedUpByAnotherDepartment(officer, person.id_number);

    // Signing in: from the public header, ID number and phone, then the code shown in the demo notice.
    const citizen = await openPage();
    await citizen.goto('/');
    await citizen.getByTestId('portal-mydata-link').click();
    await expectPath(citizen, '/my-data/login');
    await citizen.getByLabel('公民身份号码').fill(person.id_number);
    await citizen.getByLabel('手机号码').fill(person.mobile);
    await citizen.getByTestId('mydata-send-code').click();
    await expectText(
      citizen.getByTestId('mydata-sent-to'),
      `${person.mobile.slice(0, 3)}****${person.mobile.slice(-4)}`,
    );
    await expectText(citizen.getByRole('alert'), '演示环境验证码');
    const shown = (await citizen.getByTestId('mydata-demo-code').textContent()) ?? '';
    const code = /\d{6}/.exec(shown)?.[0];
    expect(code).toBeDefined();
    expect(await citizen.getByTestId('mydata-code').inputValue()).toBe('');
    expect(await citizen.getByTestId('mydata-resend').isDisabled()).toBe(true);
    await citizen.getByTestId('mydata-code').fill(code as string);
    await citizen.getByTestId('mydata-verify').click();
    await expectPath(citizen, '/my-data');
    await expectText(
      citizen.getByTestId('mydata-me'),
      `${person.id_number.slice(0, 6)}`,
      person.id_number.slice(-4),
    );
    expect(await citizen.getByTestId('mydata-me').textContent()).not.toContain(person.id_number);

    // The hukou dataset holds a record about them.
    const hukou = citizen.getByTestId(`mydata-holding-${HUKOU}`);
    await expectText(hukou, '户籍人口基本信息', '公安局', '公民身份号码');
    expect((await hukou.locator('tbody tr').count()) >= 1).toBe(true);

    // The accesses show the market regulator's app, its purpose, and the entry verifies in the browser.
    await citizen.getByTestId('mydata-tab-accesses').click();
    // The access names the app by its display name, and its department.
    const access = citizen.getByTestId('mydata-accesses').locator('tr', { hasText: PURPOSE }).first();
    await expectText(
      access,
      appName,
      consumerOrg,
      '共享接口调用',
      '户籍人口基本信息',
      '公民身份号码',
      '成功',
    );
    await access.getByRole('button', { name: '验证', exact: true }).click();
    await expectText(access, '已验证');
    expect(await access.textContent()).not.toContain('验证失败');

    // A dispute on one field of the record: the deadline the server set shows in 我的异议.
    await citizen.getByTestId('mydata-tab-holdings').click();
    await hukou.getByTestId('mydata-dispute-open').first().click();
    const dialog = citizen.getByRole('dialog');
    await expectText(dialog, '户籍人口基本信息');
    // The chosen field must show in the select before submitting: under load, a click on an option of
    // a dropdown still opening has been lost (the dispute then went without its field).
    const fieldSelect = dialog.getByTestId('mydata-dispute-field');
    await modalSettled(citizen);
    for (let attempt = 0; attempt < 3; attempt++) {
      // A click that could not land is retried (the next click on the select closes and reopens
      // the dropdown, aligned anew): the poll below tells whether the option took.
      await pickOption(citizen, fieldSelect, '文化程度').catch(() => undefined);
      const shown = await expect
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a person sees.
        .poll(() => fieldSelect.innerText(), { timeout: 3000 })
        .toContain('文化程度')
        .then(() => true)
        .catch(() => false);
      if (shown) break;
    }
    await expectText(fieldSelect, '文化程度');
    await dialog.getByTestId('mydata-dispute-text').fill('文化程度登记有误，我已于去年取得本科学历');
    const [raised] = await Promise.all([
      citizen.waitForResponse(
        (r) => r.url().endsWith('/api/v1/mydata/disputes') && r.request().method() === 'POST',
      ),
      citizen.getByTestId('mydata-dispute-submit').click(),
    ]);
    expect(raised.status()).toBe(201);
    const complaint = (await raised.json()) as { deadline: string; status: string; field: string };
    expect(complaint).toMatchObject({ status: 'open', field: 'education' });
    expect(complaint.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expectText(citizen.locator('.ant-message'), '异议已提交', complaint.deadline);
    await citizen.getByTestId('mydata-tab-disputes').click();
    const dispute = citizen.getByTestId('mydata-disputes').locator('tr', { hasText: '文化程度' }).first();
    await expectText(dispute, '户籍人口基本信息', '我已于去年取得本科学历', '待答复', complaint.deadline);

    // Consent to a named third party, then its withdrawal: the chain grows by two and stays valid.
    await citizen.getByTestId('mydata-tab-consents').click();
    await expectText(citizen.getByTestId('mydata-chain-valid'), '同意记录链完整');
    const chain = citizen.getByTestId('mydata-consents').locator('.ant-table-tbody tr.ant-table-row');
    const before = await chain.count();
    await citizen.getByTestId('mydata-consent-form').locator('label', { hasText: '向第三方提供' }).click();
    await pickOption(citizen, citizen.getByTestId('mydata-consent-party'), consumerOrg, {
      combobox: citizen.getByLabel('第三方机构'),
      text: consumerOrg.slice(0, 4),
    });
    const consentPurpose = '办理个体工商户登记时核验本人身份';
    await citizen.getByTestId('mydata-consent-purpose').fill(consentPurpose);
    await citizen.getByTestId('mydata-consent-submit').click();
    await expect.poll(() => chain.count()).toBe(before + 1);
    const grant = chain.filter({ hasText: consentPurpose }).filter({ hasText: '授权' }).first();
    await expectText(grant, consumerOrg, '向第三方提供', '生效中');
    const grantHash = ((await grant.getByTestId('mydata-consent-hash').textContent()) ?? '').replace('…', '');
    expect(grantHash).toMatch(/^[0-9a-f]{12}$/);

    await grant.getByRole('button', { name: '撤回' }).click();
    await citizen.getByTestId('mydata-consent-withdraw-ok').click();
    await expect.poll(() => chain.count()).toBe(before + 2);
    await expectText(grant, '已撤回');
    const withdrawal = chain.filter({ hasText: '撤回 #' }).last();
    await expectText(withdrawal, '撤回', '向第三方提供');
    expect(await withdrawal.getByTestId('mydata-consent-prev').textContent()).toContain(grantHash);
    await expectText(citizen.getByTestId('mydata-chain-valid'), '同意记录链完整');

    // Signing out returns to the sign-in page, and the data is no longer reachable.
    await citizen.getByTestId('mydata-logout').click();
    await expectPath(citizen, '/my-data/login');
    await citizen.goto('/my-data');
    await expectPath(citizen, '/my-data/login');
    await expectVisible(citizen.getByTestId('mydata-send-code'));
  }, 240_000);
});
