import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../testing/harness.ts';
import { addressPrefix } from '../../masking/index.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** privacy.address_prefix on many addresses at once. */
async function inSql(addresses: string[]): Promise<string[]> {
  const r = await sql<{ p: string }>`select privacy.address_prefix(a) as p
    from unnest(${sql.raw(`array[${addresses.map((a) => `'${a.replace(/'/g, "''")}'`).join(',')}]::text[]`)}) with ordinality as x(a, i)
    order by i`.execute(t.services.db);
  return r.rows.map((x) => x.p);
}

const examples = [
  '浙江省杭州市西湖区文三路90号东部软件园1号楼501室',
  '杭州市上城区湖滨街道东坡路7号',
  '浙江省建德市新安江街道白沙路2幢3单元401',
  '杭州市余杭区良渚街道古墩路1888号金地小区8幢',
  '杭州市临安区太湖源镇白沙村12号',
  '上海市浦东新区世纪大道100号',
  '西湖区文三路口超市',
  '杭州市古荡新村小区5幢',
  '新疆维吾尔自治区乌鲁木齐市天山区解放北路',
  '杭州市西湖区西溪街道',
  '北京市朝阳区建国路88号',
  '浙江省 杭州市　拱墅区 湖墅南路 1 号',
  '内蒙古自治区呼和浩特市新城区中山东路',
  '杭州市滨江区长河街道江南大道3588号',
  '杭州市西湖区翠苑社区文二街8号',
  '12号楼',
  '',
];

describe('address to street in SQL', () => {
  it('agrees with the masking library on known addresses', async () => {
    expect(await inSql(examples)).toEqual(examples.map(addressPrefix));
  });

  it('agrees on generated addresses, including odd and non-Han pieces', async () => {
    const han = fc.string({
      unit: fc.constantFrom(...'西湖文三东坡古墩良渚新安江白沙太湖源世纪大道路街区市县镇乡省村小社'),
      minLength: 1,
      maxLength: 12,
    });
    const part = fc.oneof(
      fc.constantFrom(
        '浙江省',
        '杭州市',
        '西湖区',
        '蒋村街道',
        '瓶窑镇',
        '文一西路',
        '解放大道',
        '湖墅南街',
        '余杭区',
        '新村小区',
      ),
      han,
      fc.constantFrom('12号', '3幢', ' ', 'A座', '101室'),
    );
    const address = fc.array(part, { maxLength: 7 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(address, { minLength: 50, maxLength: 50 }), async (batch) => {
        expect(await inSql(batch)).toEqual(batch.map(addressPrefix));
      }),
      { numRuns: 20 },
    );
  });
});
