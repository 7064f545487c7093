import { describe, expect, test } from 'vitest';
import { expectText, expectVisible, useBrowser } from './support/browser.ts';
import { importCsv, signIn } from './support/shuzhi.ts';

const openPage = useBrowser();

describe('privacy', () => {
  test('a data officer checks k-anonymity before opening, then releases a noisy count within the budget', async () => {
    const officer = await openPage();
    await signIn(officer, 'officer', 'Demo2026shuzhi');
    await officer.waitForURL('**/workspace');
    const admin = await openPage();
    await signIn(admin, 'admin', 'Demo2026shuzhi');
    await admin.waitForURL('**/workspace');

    const code = `E2E-PRIV-${Date.now().toString(36).toUpperCase()}`;
    const created = await officer.request.post('/api/v1/catalog/datasets', {
      data: {
        code,
        name: '居民年龄性别统计源',
        theme: 'population',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L3',
        fields: [
          { name: 'id_number', title: '公民身份号码', type: 'string', key: true, sensitivity: 'high' },
          { name: 'sex', title: '性别', type: 'string' },
          { name: 'birth', title: '出生日期', type: 'date', sensitivity: 'low' },
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
    const lines = ['公民身份号码,性别,出生日期'];
    for (let n = 0; n < 30; n++)
      lines.push(
        `3301061980${String(1 + (n % 12)).padStart(2, '0')}${String(10 + n).padStart(2, '0')}123${n % 10},${n % 2 ? '男' : '女'},1980-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + n).padStart(2, '0')}`,
      );
    await importCsv(officer.request, id, lines.join('\n'), 'people.csv');

    // Opening is refused until a check passes.
    const refused = await officer.request.patch(`/api/v1/catalog/datasets/${id}`, {
      data: { openType: 'unconditional' },
    });
    expect(refused.status()).toBe(409);

    await officer.goto(`/workspace/catalog/${id}`);
    await officer.getByTestId('dataset-privacy').click();
    await expectVisible(officer.getByTestId('privacy-page'));
    await officer.getByRole('checkbox', { name: 'sex' }).check();
    await officer.getByRole('checkbox', { name: 'birth' }).check();
    await officer.getByTestId('kanon-save').click();
    await officer.getByTestId('kanon-run').click();
    // Every birth date differs: one row per class, and the suggestions coarsen the birth date.
    await expectText(officer.getByTestId('kanon-verdict'), '最小等价类只有 1 行');
    await expectVisible(officer.getByTestId('kanon-suggestions').getByText('可达到 k').first());

    await officer.getByRole('checkbox', { name: 'birth' }).uncheck();
    await officer.getByTestId('kanon-save').click();
    await officer.getByTestId('kanon-run').click();
    await expectText(officer.getByTestId('kanon-verdict'), '通过：最小等价类 15 行');
    const opened = await officer.request.patch(`/api/v1/catalog/datasets/${id}`, {
      data: { openType: 'unconditional' },
    });
    expect(opened.status()).toBe(200);
    // The privacy page says open data now serves the rows (a later load would withhold them until a check passes).
    await officer.reload();
    await expectText(officer.getByTestId('kanon-release'), '开放数据正在提供本数据集的记录');

    await officer.getByRole('tab', { name: '差分隐私统计' }).click();
    await officer.getByTestId('dp-budget-input').fill('1');
    await officer.getByTestId('dp-budget-save').click();
    await expectText(officer.getByTestId('dp-remaining'), '1');
    // The form starts on a count.
    await officer.getByTestId('dp-epsilon').fill('0.4');
    await officer.getByTestId('dp-purpose').fill('人口统计公报');
    await officer.getByTestId('dp-release').click();
    await expectText(officer.getByTestId('dp-remaining'), '0.6');
    await expectVisible(officer.getByTestId('dp-releases').getByText('人口统计公报'));

    // A set intersection with the civil affairs bureau: the page shows the session and the next step.
    const orgs = await officer.request.get('/api/v1/orgs?q=民政局');
    const civil = ((await orgs.json()) as { items: { id: string; name: string }[] }).items.find((o) =>
      o.name.includes('民政局'),
    );
    expect(civil).toBeDefined();
    const session = await officer.request.post('/api/v1/privacy/psi/sessions', {
      data: { partnerOrgId: civil?.id, purpose: '核对低保名单' },
    });
    expect(session.status()).toBe(201);
    await officer.goto('/workspace/privacy');
    await expectVisible(officer.getByTestId('psi-sessions').getByText('核对低保名单'));
    await expectText(officer.getByTestId('psi-next').first(), '上传本方盲化集合');
  });
});
