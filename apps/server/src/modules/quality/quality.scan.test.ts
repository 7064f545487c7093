import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishDataset } from '../../testing/datasets.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { scanChecksums } from './quality.scan.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

it('checks every row once across batches, in change order', async () => {
  const [officer, admin] = await Promise.all([t.login('officer'), t.login('admin')]);
  const id = await publishDataset(
    t,
    { officer, admin },
    {
      code: 'QS-SCAN-01',
      name: '批量校验',
      fields: [{ name: 'sfzh', title: '公民身份号码', type: 'string', key: true, sensitivity: 'medium' }],
    },
  );
  // More rows than a batch (5,000), with change numbers crossing a power of ten: ordered as text,
  // "10000" would come before "9999" and the next batch would skip or repeat rows.
  await sql`insert into data."QS-SCAN-01" (sfzh) select 'X' || g from generate_series(1, 12345) g`.execute(
    t.services.db,
  );
  const ds = await t.services.catalog.findDatasetById(id);
  if (!ds) throw new Error('dataset missing');
  const out = await scanChecksums(t.services.db, ds, [
    { id: 'r1', kind: 'resident_id', field: 'sfzh', params: {} },
  ]);
  expect(out.get('r1')).toMatchObject({ checked: 12345, failed: 12345 });
});
