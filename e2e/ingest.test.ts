import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { expectText, expectVisible, useBrowser } from './support/browser.ts';
import { signIn } from './support/shuzhi.ts';

const openPage = useBrowser();

describe('data import', () => {
  test('a data officer imports a GBK CSV with bad rows and sees the exact report', async () => {
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

    const csv = [
      '公民身份号码,姓名,来杭日期',
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
    await officer.getByTestId('import-start').click();

    await expectText(card.getByTestId('import-status'), '已完成');
    await expect.poll(async () => card.getByTestId('import-read').getAttribute('data-value')).toBe('4');
    expect(await card.getByTestId('import-loaded').getAttribute('data-value')).toBe('2');
    expect(await card.getByTestId('import-rejected').getAttribute('data-value')).toBe('2');
    await expectVisible(card.getByTestId('import-invariant'));
    const rejects = card.getByTestId('import-rejects-table');
    await expectText(rejects, '来杭日期');
    await expectText(rejects, '主键');
  });
});
