import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids.ts';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { DEMO_PASSWORD } from '../auth/index.ts';
import { writeRows } from '../datastore/index.ts';
import { createWorker } from '../jobs/index.ts';
import { organCode } from '../orgs/index.ts';

// Civil affairs (民政局) is the authoritative source of 婚姻状况; the police household register
// (公安局) carries it too, written as GB/T 2261.2 codes. Health (卫健委) takes no part.
let t: TestContext;
let admin: string;
let police: string;
let civil: string;
let civilViewer: string;
let health: string;
let civilDs: string;
let policeDs: string;

const CODES = { '10': '未婚', '20': '已婚', '21': '已婚', '22': '已婚', '30': '丧偶', '40': '离婚' };

async function addOfficer(username: string, orgKey: number): Promise<string> {
  const org = await t.services.orgs.findOrgByCode(organCode('330100', orgKey));
  if (!org) throw new Error(`org ${orgKey} missing`);
  await t.services.users.createUnchecked(
    {
      username,
      displayName: username,
      password: DEMO_PASSWORD,
      grants: [{ orgId: org.id, role: 'data_officer' }],
    },
    false,
  );
  return t.login(username);
}

const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1/catalog${url}`,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** Loads rows straight into a dataset's table, then does what a finished import does: queue the checks. */
async function load(datasetId: string, rows: (string | null)[][]) {
  const ds = await t.services.catalog.findDatasetById(datasetId);
  if (!ds) throw new Error(`dataset ${datasetId} missing`);
  if (rows.length > 0) await writeRows(t.services.db, ds.code, ds.fields, rows, 'upsert', newId());
  await t.services.catalog.conflicts.afterImport(datasetId);
  await runJobs();
}

const runJobs = async () => {
  const w = createWorker({ db: t.services.db, kinds: t.services.jobs.kinds, log: t.app.log });
  while (await w.runOnce()) {}
};

type Conflict = {
  id: string;
  subjectKey: string;
  keyMasked: boolean;
  status: string;
  resolution: string | null;
  canResolve: boolean;
  authoritative: { value: string; datasetCode: string };
  other: { value: string; datasetCode: string };
};
const conflicts = async (cookie: string, query = '') => {
  const res = await call(cookie, 'GET', `/conflicts?limit=50${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Conflict[]).sort((a, b) => a.subjectKey.localeCompare(b.subjectKey));
};
const lastLedgerEntry = async () => {
  await t.services.ledger.drain();
  const size = await t.services.ledger.sizeNow();
  const r = await sql<{ body: Uint8Array }>`select body from ledger.entry where idx = ${size - 1}`.execute(
    t.services.db,
  );
  return JSON.parse(Buffer.from(r.rows[0]?.body ?? []).toString());
};

beforeAll(async () => {
  t = await createTestContext();
  [admin, police, civilViewer] = await Promise.all([t.login('admin'), t.login('officer'), t.login('viewer')]);
  civil = await addOfficer('civil_officer', 3);
  health = await addOfficer('health_officer', 4);
  civilDs = await publishDataset(
    t,
    { officer: civil, admin },
    {
      code: 'MZ-HYZK-01',
      name: '居民婚姻状况',
      level: 'L3',
      fields: [
        { name: 'id_number', title: '公民身份号码', type: 'string', key: true },
        { name: 'marital_status', title: '婚姻状况', type: 'string' },
      ],
    },
  );
  policeDs = await publishDataset(
    t,
    { officer: police, admin },
    {
      code: 'GA-HJ-01',
      name: '户籍人口',
      level: 'L3',
      fields: [
        { name: 'sfzh', title: '公民身份号码', type: 'string', key: true },
        { name: 'name', title: '姓名', type: 'string' },
        { name: 'hyzk', title: '婚姻状况代码', type: 'string' },
      ],
    },
  );
  const el = await call(admin, 'POST', '/elements', {
    code: 'marital_status',
    name: '婚姻状况',
    authoritativeDatasetId: civilDs,
    fieldName: 'marital_status',
    keyType: 'resident_id',
  });
  expect(el.statusCode, el.body).toBe(201);
  // The key field defaults to the authoritative dataset's only key field.
  expect(el.json()).toMatchObject({ keyField: 'id_number', keyType: 'resident_id', bindings: [] });
  const bound = await call(admin, 'POST', '/elements/marital_status/bindings', {
    datasetId: policeDs,
    valueField: 'hyzk',
    keyField: 'sfzh',
    valueMap: CODES,
  });
  expect(bound.statusCode, bound.body).toBe(201);

  await load(civilDs, [
    ['330106199001011234', '已婚'],
    ['330106198502022345', '未婚'],
    ['330106197003033456', '离婚'],
    ['33010619600404456x', '丧偶'],
    ['330106195005055678', ''],
    ['330106194006066789', '已婚'],
    ['330106193007077890', '已婚'],
  ]);
  await load(policeDs, [
    ['330106199001011234', '王一', '20'], // 已婚 = 已婚
    ['330106198502022345', '王二', '20'], // 已婚 ≠ 未婚: conflict
    ['330106197003033456', '王三', '  40　'], // 离婚 once trimmed (an ideographic space too) = 离婚
    [' 33010619600404456X', '王四', '10'], // the same person (x = X): 未婚 ≠ 丧偶: conflict
    ['330106195005055678', '王五', '20'], // civil affairs has no value: missing in the authoritative source
    ['330106194006066789', '王六', null], // the police have no value: missing here, no conflict
    ['330106192008088901', '王八', '22'], // unknown to civil affairs: missing in the authoritative source
  ]);
}, 120_000);
afterAll(() => t.close());

describe('single-source conflicts (一数一源)', () => {
  it('finds exactly the differing values after each import, and counts what is missing', async () => {
    const kinds = await t.services.db.selectFrom('jobs.job').select(['kind', 'status']).execute();
    expect(kinds.filter((k) => k.kind === 'catalog.conflict_check').length).toBeGreaterThanOrEqual(2);
    expect(kinds.every((k) => k.status === 'succeeded')).toBe(true);

    const found = await conflicts(civil);
    expect(
      found.map((c) => [c.subjectKey, c.authoritative.value, c.other.value, c.status, c.keyMasked]),
    ).toEqual([
      ['33010619600404456X', '丧偶', '未婚', 'open', false],
      ['330106198502022345', '未婚', '已婚', 'open', false],
    ]);
    expect(found[0]?.authoritative.datasetCode).toBe('MZ-HYZK-01');
    expect(found[0]?.other.datasetCode).toBe('GA-HJ-01');

    const summary = (await call(admin, 'GET', '/conflicts/summary')).json();
    expect(summary.totals).toEqual({ open: 2, resolved: 0 });
    expect(summary.elements).toEqual([
      { elementCode: 'marital_status', elementName: '婚姻状况', open: 2, resolved: 0 },
    ]);
    expect(summary.bindings[0].lastCheck).toMatchObject({
      compared: 4,
      agree: 2,
      conflicts: 2,
      missingInAuthoritative: 2,
      missingInOther: 1,
      resolved: 0,
    });
  });

  it('shows both owners their conflicts, masks keys for all but their data officers, and nothing to a third org', async () => {
    const expectMasked = (list: Conflict[]) => {
      expect(list.map((c) => c.subjectKey)).toEqual(['330106********2345', '330106********456X']);
      expect(list.every((c) => c.keyMasked && !c.canResolve)).toBe(true);
    };
    expectMasked(await conflicts(admin));
    expectMasked(await conflicts(civilViewer));
    const byPolice = await conflicts(police);
    expect(byPolice.map((c) => c.subjectKey)).toEqual(['33010619600404456X', '330106198502022345']);
    expect(byPolice.every((c) => !c.keyMasked && c.canResolve)).toBe(true);

    expect(await conflicts(health)).toEqual([]);
    expect((await call(health, 'GET', '/conflicts/summary')).json()).toEqual({
      totals: { open: 0, resolved: 0 },
      elements: [],
      bindings: [],
    });
    const id = byPolice[0]?.id as string;
    expect((await call(health, 'POST', `/conflicts/${id}/resolve`, { note: '不是我们的' })).statusCode).toBe(
      404,
    );

    // Filters: by dataset (either side), element and status.
    expect(await conflicts(civil, `&dataset=${policeDs}&status=open&element=marital_status`)).toHaveLength(2);
    expect(await conflicts(civil, '&status=resolved')).toEqual([]);
  });

  it('writes every read of subject keys to the ledger, as salted hashes', async () => {
    await conflicts(civilViewer, `&dataset=${civilDs}`);
    const entry = await lastLedgerEntry();
    expect(entry).toMatchObject({
      action: 'catalog.conflicts_read',
      purpose: 'data quality',
      dataset: 'MZ-HYZK-01',
      actor: { name: 'viewer' },
      details: { conflicts: 2, masked: 2, datasets: ['GA-HJ-01', 'MZ-HYZK-01'] },
    });
    expect(entry.subjects).toHaveLength(2);
    expect(JSON.stringify(entry)).not.toContain('330106198502022345');
  });

  it("lets an owner's data officer resolve a conflict with a note, and no one else", async () => {
    const [x] = (await conflicts(police)).filter((c) => c.subjectKey.endsWith('456X'));
    const url = `/conflicts/${x?.id}/resolve`;
    expect((await call(civilViewer, 'POST', url, { note: '已核实' })).statusCode).toBe(403);
    expect((await call(admin, 'POST', url, { note: '已核实' })).statusCode).toBe(403);
    const empty = await call(police, 'POST', url, { note: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('validation_failed');
    const ok = await call(police, 'POST', url, { note: '户籍登记待民政核实，暂按民政为准' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'resolved', resolution: 'manual', resolvedBy: 'officer' });
    expect((await call(civil, 'POST', url, { note: '再来一次' })).statusCode).toBe(409);
    const entry = await lastLedgerEntry();
    expect(entry).toMatchObject({ action: 'catalog.conflict_resolve', dataset: 'GA-HJ-01' });
    expect(entry.subjects).toHaveLength(1);
  });

  it('resolves automatically when a later load agrees, keeps a manual resolution while values stay, reopens when they change', async () => {
    // 2345 corrected to 未婚; 456X unchanged (its manual resolution stands).
    await load(policeDs, [['330106198502022345', '王二', '10']]);
    let list = await conflicts(civil);
    expect(list.map((c) => [c.subjectKey.slice(-4), c.status, c.resolution])).toEqual([
      ['456X', 'resolved', 'manual'],
      ['2345', 'resolved', 'auto'],
    ]);

    // 456X now reads 离婚: a different disagreement, so it opens again.
    await load(policeDs, [[' 33010619600404456X', '王四', '40']]);
    list = await conflicts(civil, '&status=open');
    expect(
      list.map((c) => [c.subjectKey.slice(-4), c.authoritative.value, c.other.value, c.resolution]),
    ).toEqual([['456X', '丧偶', '离婚', null]]);

    // The police remove that person from their table: the conflict is gone.
    await sql`delete from data."GA-HJ-01" where sfzh <> '330106199001011234' and sfzh <> '330106198502022345'`.execute(
      t.services.db,
    );
    await load(policeDs, []);
    expect(await conflicts(civil, '&status=open')).toEqual([]);
    const summary = (await call(civil, 'GET', '/conflicts/summary?element=marital_status')).json();
    expect(summary.totals).toEqual({ open: 0, resolved: 2 });
    expect(summary.bindings[0].lastCheck).toMatchObject({ compared: 2, agree: 2, conflicts: 0, resolved: 1 });
  });

  it('runs a check on demand for the platform admin only', async () => {
    expect((await call(police, 'POST', '/elements/marital_status/check')).statusCode).toBe(403);
    expect((await call(admin, 'POST', '/elements/nope/check')).statusCode).toBe(404);
    const job = await call(admin, 'POST', '/elements/marital_status/check');
    expect(job.statusCode).toBe(202);
    expect(job.json()).toMatchObject({ kind: 'catalog.conflict_check', status: 'queued' });
    await runJobs();
    const done = (
      await t.app.inject({ url: `/api/v1/jobs/${job.json().id}`, headers: { cookie: admin } })
    ).json();
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({
      element: 'marital_status',
      bindings: [{ dataset: 'GA-HJ-01', agree: 2 }],
    });
  });

  it('checks again by itself after an upload through the import service', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/ingest/datasets/${policeDs}/imports?mode=upsert&filename=hj.csv`,
      headers: { cookie: police, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('公民身份号码,姓名,婚姻状况代码\n330106198502022345,王二,21\n'),
    });
    expect(res.statusCode, res.body).toBe(202);
    await runJobs();
    const open = await conflicts(civil, '&status=open');
    expect(open.map((c) => [c.subjectKey, c.authoritative.value, c.other.value])).toEqual([
      ['330106198502022345', '未婚', '已婚'],
    ]);
  });

  it('masks keys and values by how each dataset grades them, for all but the owners’ data officers', async () => {
    const grade = async (cookie: string, id: string, level: string, sensitivity: Record<string, string>) => {
      const ds = (await call(cookie, 'GET', `/datasets/${id}`)).json();
      const res = await call(cookie, 'PATCH', `/datasets/${id}`, {
        level,
        fields: ds.fields.map((f: { name: string }) => ({
          ...f,
          sensitivity: sensitivity[f.name] ?? 'none',
        })),
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    // Civil affairs grades marital status as personal; the police grade their whole register L4.
    await grade(civil, civilDs, 'L3', { marital_status: 'medium' });
    await grade(police, policeDs, 'L4', { sfzh: 'low', name: 'low' });
    const [seen] = await conflicts(admin, '&status=open');
    expect(seen?.subjectKey).toMatch(/^[0-9a-f]{64}$/);
    expect(seen?.authoritative.value).toBe('**');
    // The police's code field is declared without sensitivity: it stays as it is even in an L4 dataset.
    expect(seen?.other.value).toBe('已婚');
    expect(seen?.keyMasked).toBe(true);
    const entry = await lastLedgerEntry();
    expect(entry).toMatchObject({ action: 'catalog.conflicts_read', actor: { name: 'admin' } });
    expect(entry.fields).toEqual([
      'GA-HJ-01.hyzk',
      'GA-HJ-01.sfzh',
      'MZ-HYZK-01.id_number',
      'MZ-HYZK-01.marital_status',
    ]);
    expect(entry.subjects).toHaveLength(1);
    const [whole] = await conflicts(civil, '&status=open');
    expect([whole?.subjectKey, whole?.authoritative.value, whole?.keyMasked]).toEqual([
      '330106198502022345',
      '未婚',
      false,
    ]);
  });
});

describe('declaring bindings', () => {
  const bind = (body: Record<string, unknown>, cookie = admin, lang = 'zh-CN') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/elements/marital_status/bindings',
      headers: { cookie, 'accept-language': lang },
      payload: body,
    });

  it('refuses bad declarations with precise bilingual errors and stores none of them', async () => {
    const intKey = await publishDataset(
      t,
      { officer: police, admin },
      {
        code: 'GA-INT-01',
        name: '整数主键数据集',
        fields: [
          { name: 'person_no', title: '人员编号', type: 'integer', key: true },
          { name: 'hyzk', title: '婚姻状况', type: 'string' },
        ],
      },
    );
    const twoKeys = await publishDataset(
      t,
      { officer: police, admin },
      {
        code: 'GA-TWO-01',
        name: '双主键数据集',
        fields: [
          { name: 'sfzh', title: '公民身份号码', type: 'string', key: true },
          { name: 'year', title: '年度', type: 'integer', key: true },
          { name: 'hyzk', title: '婚姻状况', type: 'string' },
        ],
      },
    );
    const cases: [Record<string, unknown>, number, string, string, string][] = [
      [
        { datasetId: '00000000-0000-7000-8000-000000000000', valueField: 'hyzk', keyField: 'sfzh' },
        404,
        'not_found',
        '未找到数据集',
        'Dataset not found',
      ],
      [
        { datasetId: twoKeys, valueField: 'nope', keyField: 'sfzh' },
        404,
        'not_found',
        '未找到字段',
        'GA-TWO-01.nope',
      ],
      [
        { datasetId: intKey, valueField: 'hyzk', keyField: 'person_no' },
        400,
        'binding_key_type_mismatch',
        '为整数，权威数据集的 MZ-HYZK-01.id_number 为文本',
        'GA-INT-01.person_no is integer but the authoritative MZ-HYZK-01.id_number is string',
      ],
      [
        { datasetId: civilDs, valueField: 'marital_status', keyField: 'id_number' },
        400,
        'binding_self',
        '已是数据元 marital_status 的权威来源',
        'is the authoritative source of data element marital_status',
      ],
      [
        { datasetId: twoKeys, valueField: 'hyzk', keyField: 'sfzh' },
        400,
        'subject_key_not_unique',
        '须是该数据集唯一的主键字段',
        'must be the only key field',
      ],
      [
        { datasetId: policeDs, valueField: 'hyzk', keyField: 'sfzh' },
        409,
        'conflict',
        '已存在',
        'already exists',
      ],
    ];
    for (const [body, status, code, zh, en] of cases) {
      const inZh = await bind(body);
      expect([inZh.statusCode, inZh.json().code], JSON.stringify(body)).toEqual([status, code]);
      expect(inZh.json().detail).toContain(zh);
      expect((await bind(body, admin, 'en')).json().detail).toContain(en);
    }
    expect(
      (await bind({ datasetId: intKey, valueField: 'hyzk', keyField: 'person_no' }, police)).statusCode,
    ).toBe(403);
    const el = (await call(admin, 'GET', '/elements/marital_status')).json();
    expect(el.bindings.map((b: { datasetCode: string }) => b.datasetCode)).toEqual(['GA-HJ-01']);
  });

  it('needs the element to name its subject key before anything is bound to it', async () => {
    const multi = await publishDataset(
      t,
      { officer: civil, admin },
      {
        code: 'MZ-TWO-01',
        name: '婚姻登记',
        fields: [
          { name: 'cert_no', title: '结婚证号', type: 'string', key: true },
          { name: 'sfzh', title: '公民身份号码', type: 'string', key: true },
          { name: 'edu', title: '学历', type: 'string' },
        ],
      },
    );
    const el = await call(admin, 'POST', '/elements', {
      code: 'education',
      name: '学历',
      authoritativeDatasetId: multi,
      fieldName: 'edu',
    });
    expect(el.json()).toMatchObject({ keyField: null, keyType: 'other' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/elements/education/bindings',
      headers: { cookie: admin },
      payload: { datasetId: policeDs, valueField: 'hyzk', keyField: 'sfzh' },
    });
    expect([res.statusCode, res.json().code]).toEqual([400, 'element_key_required']);
    const patch = await call(admin, 'PATCH', '/elements/education', { keyField: 'sfzh' });
    expect([patch.statusCode, patch.json().code]).toEqual([400, 'subject_key_not_unique']);
  });

  it('notes on the binding when a dataset changed so that it can no longer be compared', async () => {
    const ds = (await call(police, 'GET', `/datasets/${policeDs}`)).json();
    const patched = await call(police, 'PATCH', `/datasets/${policeDs}`, {
      fields: ds.fields.filter((f: { name: string }) => f.name !== 'hyzk'),
    });
    expect(patched.statusCode, patched.body).toBe(200);
    await call(admin, 'POST', '/elements/marital_status/check');
    await runJobs();
    const el = (await call(admin, 'GET', '/elements/marital_status')).json();
    expect(el.bindings[0].lastError).toContain('GA-HJ-01.hyzk');
    expect(el.bindings[0].lastError).toContain('Field not found');
    // The last good numbers stay.
    expect(el.bindings[0].lastCheck).toMatchObject({ agree: 1, conflicts: 1 });

    const removed = await call(admin, 'DELETE', `/elements/marital_status/bindings/${el.bindings[0].id}`);
    expect(removed.statusCode).toBe(204);
    expect((await call(civil, 'GET', '/conflicts')).json().items).toEqual([]);
  });
});
