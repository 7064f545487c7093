import { describe, expect, test } from 'vitest';
import { expectText, expectVisible, useBrowser } from './support/browser.ts';
import { importCsv, pickOption, signIn } from './support/shuzhi.ts';

const openPage = useBrowser();

/** A resident ID number with its ISO 7064 MOD 11-2 check character, so detection proves it. */
function residentId(n: number): string {
  const body = `330106${1960 + (n % 40)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(100 + n).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (weights[i] as number), 0);
  return body + '10X98765432'[sum % 11];
}

describe('data classification', () => {
  test('a data officer runs detection on a dataset, confirms the level and the fields’ personal-data types', async () => {
    const officer = await openPage();
    await signIn(officer, 'officer', 'Demo2026shuzhi');
    await officer.waitForURL('**/workspace');
    const admin = await openPage();
    await signIn(admin, 'admin', 'Demo2026shuzhi');
    await admin.waitForURL('**/workspace');

    // A published dataset graded L2 whose loaded rows hold resident IDs: detection should suggest L3.
    const code = `E2E-CLS-${Date.now().toString(36).toUpperCase()}`;
    const created = await officer.request.post('/api/v1/catalog/datasets', {
      data: {
        code,
        name: '来访人员登记',
        theme: 'population',
        updateFrequency: 'daily',
        shareType: 'conditional',
        openType: 'none',
        level: 'L2',
        fields: [
          { name: 'id_number', title: '公民身份号码', type: 'string', key: true },
          { name: 'name', title: '姓名', type: 'string' },
          { name: 'mobile', title: '手机号码', type: 'string' },
          { name: 'visits', title: '来访次数', type: 'integer' },
          { name: 'remark', title: '备注', type: 'string' },
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
    const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
    const lines = ['公民身份号码,姓名,手机号码,来访次数,备注'];
    for (let n = 0; n < 40; n++) {
      const mobile = `13${String(900000000 + n * 7919).slice(0, 9)}`;
      // Prose with a callback number now and then: detection reports the mobile it carries.
      const remark = n % 4 === 1 ? `请回电${mobile}核实情况。` : '情况属实，已按规定办结。';
      lines.push(
        `${residentId(n)},${surnames[n % 8]}${'伟芳敏静强磊'[n % 6]},${mobile},${n % 5},"${remark}"`,
      );
    }
    await importCsv(officer.request, id, lines.join('\n'), 'visitors.csv');

    await officer.goto(`/workspace/catalog/${id}`);
    await expectVisible(officer.getByTestId('dataset-meta').getByTestId('level-L2'));
    await officer.getByTestId('dataset-classify').click();
    await expectVisible(officer.getByTestId('classify-page'));
    await officer.getByTestId('classify-run').click();

    await expectVisible(officer.getByTestId('classify-suggested-level').getByTestId('level-L3'));
    const fieldsTable = officer.getByTestId('classify-fields');
    await expectText(fieldsTable, '公民身份号码', '身份证号', '手机号');
    await expectText(officer.getByTestId('decision-state-id_number'), '采纳');
    await expectText(officer.getByTestId('decision-type-id_number'), '身份证号');
    // The remarks are prose, not a column of mobile numbers: the officer clears the type.
    await expectText(officer.getByTestId('decision-type-remark'), '手机号');
    await officer.getByTestId('decision-type-remark').hover();
    await officer.getByTestId('decision-type-remark').locator('.ant-select-clear').click();
    await expectText(officer.getByTestId('decision-state-remark'), '已修正');
    // A type chosen by mistake and set back is the suggestion again.
    await pickOption(officer, officer.getByTestId('decision-type-mobile'), '固定电话');
    await expectText(officer.getByTestId('decision-state-mobile'), '已修正');
    await pickOption(officer, officer.getByTestId('decision-type-mobile'), '手机号');
    await expectText(officer.getByTestId('decision-state-mobile'), '采纳');
    await officer.getByTestId('classify-confirm').click();
    await officer.getByTestId('classify-confirm-ok').click();
    await expectText(officer.getByTestId('classify-confirmed'), 'officer');

    await officer.getByRole('button', { name: '返回数据集' }).click();
    await expectVisible(officer.getByTestId('dataset-meta').getByTestId('level-L3'));
    await expectText(officer.getByTestId('dataset-history'), '分类分级确认');
    // The confirmed types are the fields' 个人信息类型 in the catalog, beside their sensitivity.
    const fieldTable = officer.getByTestId('dataset-fields');
    await expectText(fieldTable.getByTestId('field-personal-type-id_number'), '身份证号');
    await expectText(fieldTable.getByTestId('field-personal-type-mobile'), '手机号');
    expect(await fieldTable.getByTestId('field-personal-type-remark').count()).toBe(0);
    const stored = (await (await officer.request.get(`/api/v1/catalog/datasets/${id}`)).json()) as {
      fields: { name: string; sensitivity: string; personalType?: string }[];
    };
    expect(stored.fields.map((f) => [f.name, f.sensitivity, f.personalType ?? null])).toEqual([
      ['id_number', 'medium', 'resident_id'],
      ['name', 'low', 'person_name'],
      ['mobile', 'low', 'mobile'],
      ['visits', 'none', null],
      ['remark', 'low', null],
    ]);

    // The field editor shows each field’s type, keeps it on save, and sets one by hand.
    await officer.getByTestId('dataset-edit').click();
    await expectText(officer.getByTestId('field-personal-type-0'), '身份证号');
    await pickOption(officer, officer.getByTestId('field-personal-type-4'), '地址');
    await officer.getByTestId('dataset-form-submit').click();
    await expectText(officer.getByTestId('dataset-fields').getByTestId('field-personal-type-remark'), '地址');
    await expectText(
      officer.getByTestId('dataset-fields').getByTestId('field-personal-type-id_number'),
      '身份证号',
    );
  });
});
