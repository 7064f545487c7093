import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/harness.ts';

let t: TestContext;
let officer: string; // 杭州市公安局 data_officer
let admin: string;
let viewer: string; // 杭州市民政局 viewer

const dataset = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: '常住人口基本信息',
  nameEn: 'Resident population',
  description: '户籍与居住登记的人口基础信息',
  sourceSystem: '人口管理系统',
  theme: 'population',
  updateFrequency: 'daily',
  shareType: 'conditional',
  openType: 'none',
  level: 'L3',
  tags: ['人口', '户籍'],
  contact: { name: '张三', phone: '0571-87000000', email: 'data@example.gov.cn' },
  fields: [
    { name: 'id_number', title: '公民身份号码', type: 'string', sensitivity: 'high', key: true },
    { name: 'name', title: '姓名', type: 'string', sensitivity: 'medium', key: false },
    { name: 'marital_status', title: '婚姻状况', type: 'string', sensitivity: 'medium', key: false },
  ],
  ...over,
});

beforeAll(async () => {
  t = await createTestContext();
  [officer, admin, viewer] = await Promise.all([t.login('officer'), t.login('admin'), t.login('viewer')]);
});
afterAll(() => t.close());

const call = (cookie: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1/catalog${url}`,
    headers: cookie ? { cookie } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

describe('catalog lifecycle', () => {
  it('lets a data officer draft, submit and the admin publish; drafts stay private to their owner', async () => {
    const created = await call(officer, 'POST', '/datasets', dataset('GA-RK-001'));
    expect(created.statusCode).toBe(201);
    const ds = created.json();
    expect(ds).toMatchObject({ status: 'draft', version: 1, ownerOrgName: '杭州市公安局', level: 'L3' });

    expect((await call(viewer, 'GET', `/datasets/${ds.id}`)).statusCode).toBe(404);
    const hidden = (await call(viewer, 'GET', '/datasets?q=GA-RK-001')).json();
    expect(hidden.total).toBe(0);
    expect((await call(admin, 'GET', `/datasets/${ds.id}`)).statusCode).toBe(200);

    const submitted = await call(officer, 'POST', `/datasets/${ds.id}/submit`, {});
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 2 });
    expect((await call(officer, 'POST', `/datasets/${ds.id}/approve`, {})).statusCode).toBe(403);
    const published = await call(admin, 'POST', `/datasets/${ds.id}/approve`, { comment: '同意' });
    expect(published.json()).toMatchObject({ status: 'published', version: 3 });
    expect(published.json().publishedAt).toBeTruthy();
    expect((await call(viewer, 'GET', `/datasets/${ds.id}`)).json().name).toBe('常住人口基本信息');

    const again = await call(admin, 'POST', `/datasets/${ds.id}/approve`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('wrong_status');
  });

  it('versions every change and writes publication and level changes to the ledger', async () => {
    const ds = (await call(officer, 'POST', '/datasets', dataset('GA-RK-002'))).json();
    await call(officer, 'POST', `/datasets/${ds.id}/submit`, {});
    const rejected = (
      await call(admin, 'POST', `/datasets/${ds.id}/reject`, { comment: '字段说明不全' })
    ).json();
    expect(rejected).toMatchObject({ status: 'draft', reviewComment: '字段说明不全' });
    await call(officer, 'PATCH', `/datasets/${ds.id}`, { description: '补充后的说明' });
    await call(officer, 'POST', `/datasets/${ds.id}/submit`, {});
    await call(admin, 'POST', `/datasets/${ds.id}/approve`, {});
    const raised = await call(officer, 'PATCH', `/datasets/${ds.id}`, { level: 'L4' });
    expect(raised.json()).toMatchObject({ status: 'published', level: 'L4' });

    const versions = (await call(officer, 'GET', `/datasets/${ds.id}/versions`)).json().items;
    expect(versions.map((v: { action: string }) => v.action)).toEqual([
      'update',
      'approve',
      'submit',
      'update',
      'reject',
      'submit',
      'create',
    ]);
    expect(versions[0].changes.level).toEqual({ from: 'L3', to: 'L4' });
    expect(versions[3].changes.description).toEqual({
      from: '户籍与居住登记的人口基础信息',
      to: '补充后的说明',
    });
    expect(versions[4]).toMatchObject({ comment: '字段说明不全', changedBy: 'admin' });

    await t.services.ledger.drain();
    const size = await t.services.ledger.sizeNow();
    const rows = await sql<{
      body: Uint8Array;
    }>`select body from ledger.entry where idx >= ${Math.max(0, size - 20)}`.execute(t.services.db);
    const entries = rows.rows.map((r) => JSON.parse(Buffer.from(r.body).toString()));
    expect(entries).toContainEqual(
      expect.objectContaining({ action: 'catalog.publish', dataset: 'GA-RK-002' }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'catalog.level_change',
        dataset: 'GA-RK-002',
        details: expect.objectContaining({ level_now: 'L4' }),
      }),
    );
  });

  it('refuses edits by other organisations and invalid descriptions, changing nothing', async () => {
    const ds = (await call(officer, 'POST', '/datasets', dataset('GA-RK-003'))).json();
    const other = await call(viewer, 'PATCH', `/datasets/${ds.id}`, { name: '越权修改' });
    expect(other.statusCode).toBe(404);
    const noKey = await call(
      officer,
      'POST',
      '/datasets',
      dataset('GA-RK-004', { fields: [{ name: 'a', title: 'A', type: 'string' }] }),
    );
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().errors[0].field).toBe('fields');
    const badName = await call(
      officer,
      'POST',
      '/datasets',
      dataset('GA-RK-005', { fields: [{ name: 'Bad Name', title: 'A', type: 'string', key: true }] }),
    );
    expect(badName.json().errors[0].field).toBe('fields.0.name');
    const dup = await call(officer, 'POST', '/datasets', dataset('GA-RK-003'));
    expect(dup.statusCode).toBe(409);
    expect((await call(officer, 'GET', `/datasets/${ds.id}`)).json().name).toBe('常住人口基本信息');
    expect((await call(null, 'POST', '/datasets', dataset('GA-RK-006'))).statusCode).toBe(401);
  });
});

describe('catalog search', () => {
  it('finds by Chinese text, filters by facets and serves the three views', async () => {
    const open = (
      await call(
        officer,
        'POST',
        '/datasets',
        dataset('GA-OPEN-01', {
          name: '公共厕所分布',
          openType: 'unconditional',
          shareType: 'unconditional',
          level: 'L1',
          theme: 'urban',
        }),
      )
    ).json();
    await call(officer, 'POST', `/datasets/${open.id}/submit`, {});
    await call(admin, 'POST', `/datasets/${open.id}/approve`, {});

    const text = (await call(viewer, 'GET', `/datasets?q=${encodeURIComponent('厕所')}`)).json();
    expect(text.items.map((d: { code: string }) => d.code)).toEqual(['GA-OPEN-01']);
    const byField = (await call(admin, 'GET', `/datasets?q=${encodeURIComponent('婚姻状况')}`)).json();
    expect(byField.total).toBeGreaterThanOrEqual(3);

    const publicView = await call(null, 'GET', '/datasets?view=open');
    expect(publicView.statusCode).toBe(200);
    expect(publicView.json().items.map((d: { code: string }) => d.code)).toEqual(['GA-OPEN-01']);
    expect((await call(null, 'GET', '/datasets?view=resource')).statusCode).toBe(401);

    const share = (await call(viewer, 'GET', '/datasets?view=share')).json();
    expect(
      share.items.every(
        (d: { status: string; shareType: string }) => d.status === 'published' && d.shareType !== 'none',
      ),
    ).toBe(true);

    const all = (await call(admin, 'GET', '/datasets?limit=2')).json();
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.items).toHaveLength(2);
    const themes = Object.fromEntries(
      all.facets.theme.map((f: { value: string; count: number }) => [f.value, f.count]),
    );
    expect(themes.urban).toBe(1);
    expect(all.facets.org[0]).toMatchObject({ label: '杭州市公安局' });
    const filtered = (await call(admin, 'GET', '/datasets?theme=urban&level=L1')).json();
    expect(filtered.total).toBe(1);
    const page2 = (await call(admin, 'GET', `/datasets?limit=2&cursor=${all.nextCursor}`)).json();
    expect(page2.items[0].id).not.toBe(all.items[0].id);
  });
});

describe('catalog import and export', () => {
  it('round-trips XLSX, neutralising formulas, and imports all or nothing', async () => {
    await call(
      officer,
      'POST',
      '/datasets',
      dataset('GA-XLSX-01', { description: '=HYPERLINK("http://x")' }),
    );
    const exported = await call(officer, 'GET', '/export?format=xlsx');
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.getWorksheet('datasets')?.eachRow((r) => rows.push((r.values as string[]).slice(1)));
    const row = rows.find((r) => r[0] === 'GA-XLSX-01') as string[];
    expect(row[3]).toBe('\'=HYPERLINK("http://x")');

    // Change a name in the sheet and import it back: the entry is updated, the formula text intact.
    const sheet = wb.getWorksheet('datasets') as ExcelJS.Worksheet;
    for (const [i, r] of rows.entries()) {
      if (r[0] === 'GA-XLSX-01') sheet.getRow(i + 1).getCell(2).value = '改名后的数据集';
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/import',
      headers: {
        cookie: officer,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: file,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().updated).toBeGreaterThanOrEqual(1);
    const found = (await call(officer, 'GET', '/datasets?q=ga-xlsx-01')).json().items[0];
    expect(found).toMatchObject({ name: '改名后的数据集', description: '=HYPERLINK("http://x")' });

    const before = (await call(admin, 'GET', '/datasets')).json().total;
    const bad = await call(officer, 'POST', '/import', [
      dataset('GA-IMP-01'),
      dataset('GA-IMP-02', { level: 'L9' }),
      dataset('GA-IMP-01'),
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('import_invalid');
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['rows.1.level', 'rows']);
    expect((await call(admin, 'GET', '/datasets')).json().total).toBe(before);

    const good = await call(officer, 'POST', '/import', [dataset('GA-IMP-01'), dataset('GA-IMP-02')]);
    expect(good.json()).toEqual({ created: 2, updated: 0 });
    const garbage = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/import',
      headers: {
        cookie: officer,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: Buffer.from('not a spreadsheet'),
    });
    expect(garbage.statusCode).toBe(400);
  });
});

describe('个人信息类型 (personal-data type) of fields', () => {
  const typed = [
    {
      name: 'id_number',
      title: '公民身份号码',
      type: 'string',
      sensitivity: 'medium',
      key: true,
      personalType: 'resident_id',
    },
    { name: 'name', title: '姓名', type: 'string', sensitivity: 'low', personalType: 'person_name' },
    { name: 'marital_status', title: '婚姻状况', type: 'string', sensitivity: 'medium' },
  ];
  const fieldsOf = (ds: { fields: { name: string; personalType?: string }[] }) =>
    ds.fields.map((f) => [f.name, f.personalType ?? null]);

  it('keeps the type on the field and refuses an unknown one precisely, in zh-CN and en', async () => {
    const created = await call(officer, 'POST', '/datasets', dataset('GA-PT-01', { fields: typed }));
    expect(created.statusCode, created.body).toBe(201);
    expect(fieldsOf(created.json())).toEqual([
      ['id_number', 'resident_id'],
      ['name', 'person_name'],
      ['marital_status', null],
    ]);
    const bad = (lang: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/catalog/datasets/${created.json().id}`,
        headers: { cookie: officer, 'accept-language': lang },
        payload: { fields: typed.map((f, i) => (i === 1 ? { ...f, personalType: 'chinese_name' } : f)) },
      });
    const en = await bad('en');
    expect(en.statusCode).toBe(400);
    expect(en.json()).toMatchObject({
      code: 'validation_failed',
      detail: 'The request is invalid: fields.1.personalType',
    });
    expect(en.json().errors).toEqual([
      {
        field: 'fields.1.personalType',
        message: expect.stringMatching(/^Invalid option: expected one of "resident_id"/),
      },
    ]);
    const zh = (await bad('zh-CN')).json();
    expect(zh.detail).toBe('请求参数有误：fields.1.personalType');
    expect(zh.errors[0].message).toMatch(/^无效选项：期望以下之一 "resident_id"/);
    const now = (await call(officer, 'GET', `/datasets/${created.json().id}`)).json();
    expect(now.version).toBe(1);

    // Clearing the type is leaving it out: the field list is replaced whole.
    const cleared = await call(officer, 'PATCH', `/datasets/${created.json().id}`, {
      fields: typed.map(({ personalType: _, ...f }) => f),
    });
    expect(fieldsOf(cleared.json())).toEqual([
      ['id_number', null],
      ['name', null],
      ['marital_status', null],
    ]);
  });

  it('exports the type as the column after sensitivity, and imports files with or without it', async () => {
    await call(officer, 'POST', '/datasets', dataset('GA-PT-02', { fields: typed }));
    const json = (await call(officer, 'GET', '/export?format=json')).json();
    expect(fieldsOf(json.find((d: { code: string }) => d.code === 'GA-PT-02'))).toEqual([
      ['id_number', 'resident_id'],
      ['name', 'person_name'],
      ['marital_status', null],
    ]);
    const exported = await call(officer, 'GET', '/export?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('fields') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(header.indexOf('sensitivity'), header.indexOf('sensitivity') + 2)).toEqual([
      'sensitivity',
      'personalType',
    ]);
    const col = header.indexOf('personalType') + 1;
    const rows: string[][] = [];
    sheet.eachRow((r) => rows.push((r.values as string[]).slice(1)));
    expect(
      rows.filter((r) => r[0] === 'GA-PT-02').map((r) => [r[1], r[header.indexOf('personalType')] || null]),
    ).toEqual([
      ['id_number', 'resident_id'],
      ['name', 'person_name'],
      ['marital_status', null],
    ]);

    const upload = (w: ExcelJS.Workbook) =>
      w.xlsx.writeBuffer().then((b) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/catalog/import',
          headers: {
            cookie: officer,
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          },
          payload: Buffer.from(b),
        }),
      );
    // A type corrected in the sheet comes back; an unknown one rejects the whole file.
    for (const [i, r] of rows.entries())
      if (r[0] === 'GA-PT-02' && r[1] === 'marital_status')
        sheet.getRow(i + 1).getCell(col).value = 'address';
    expect((await upload(wb)).statusCode).toBe(200);
    const ds = (await call(officer, 'GET', '/datasets?q=GA-PT-02')).json().items[0];
    expect(fieldsOf(ds)[2]).toEqual(['marital_status', 'address']);
    for (const [i, r] of rows.entries())
      if (r[0] === 'GA-PT-02' && r[1] === 'name') sheet.getRow(i + 1).getCell(col).value = '姓名';
    const refused = await upload(wb);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('import_invalid');
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toContain(
      `rows.${json.findIndex((d: { code: string }) => d.code === 'GA-PT-02')}.fields.1.personalType`,
    );

    // A workbook written before the column existed still imports; its fields carry no type.
    sheet.spliceColumns(col, 1);
    expect((sheet.getRow(1).values as string[]).slice(1)).not.toContain('personalType');
    const old = await upload(wb);
    expect(old.statusCode, old.body).toBe(200);
    const after = (await call(officer, 'GET', '/datasets?q=GA-PT-02')).json().items[0];
    expect(fieldsOf(after)).toEqual([
      ['id_number', null],
      ['name', null],
      ['marital_status', null],
    ]);
  });
});

describe('data elements', () => {
  it('declares an element with its authoritative dataset and field', async () => {
    const ds = (await call(admin, 'GET', `/datasets?q=${encodeURIComponent('GA-RK-001')}`)).json().items[0];
    const missing = await call(admin, 'POST', '/elements', {
      code: 'marital_status',
      name: '婚姻状况',
      authoritativeDatasetId: ds.id,
      fieldName: 'nope',
    });
    expect(missing.statusCode).toBe(404);
    const ok = await call(admin, 'POST', '/elements', {
      code: 'marital_status',
      name: '婚姻状况',
      authoritativeDatasetId: ds.id,
      fieldName: 'marital_status',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ authoritativeDatasetName: '常住人口基本信息' });
    expect(
      (
        await call(officer, 'POST', '/elements', {
          code: 'x_y',
          name: '某某',
          authoritativeDatasetId: ds.id,
          fieldName: 'name',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call(viewer, 'GET', '/elements')).json().items.map((e: { code: string }) => e.code),
    ).toEqual(['marital_status']);
  });
});
